import { decodeParam } from "@/lib/http/params";
import type { Metadata } from "next";
import { findArticle } from "@/lib/articles/read-article";
import { readLinksHere } from "@/lib/articles/links";
import { slugOfTitle, titleOfSlug, titleProblem } from "@/lib/articles/titles";
import { getReadDb } from "@/lib/db/replicas";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Pages that link to “${titleOfSlug(decodeParam((await params).slug))}”` };
}

// GET /wiki/{slug}/links[?after={slug}] — "What links here": the articles linking to a title, which need not exist.
export default async function WhatLinksHerePage({ params, searchParams }: Props) {
  const slug = slugOfTitle(decodeParam((await params).slug));
  const rawAfter = (await searchParams).after;
  const after = (Array.isArray(rawAfter) ? rawAfter[0] : rawAfter)?.slice(0, 300);
  const title = titleOfSlug(slug);
  const [article, links] = await Promise.all([
    titleProblem(title) ? null : findArticle(getReadDb(), slug),
    readLinksHere({ slug, after }),
  ]);
  const path = `/wiki/${encodeURIComponent(slug)}`;
  return (
    <div className="content-page">
      <h1 className="page-title">Pages that link to “{title}”</h1>
      <p>
        {article ? (
          <a href={path}>{article.title}</a>
        ) : (
          <>
            <a className="new" href={`${path}/edit`} title={`${title} (page does not exist)`}>
              {title}
            </a>{" "}
            does not exist yet.
          </>
        )}
      </p>
      {links.articles.length === 0 ? (
        <p>No article links to “{title}”.</p>
      ) : (
        <ul className="links-here">
          {links.articles.map((source) => (
            <li key={source.slug}>
              <a href={`/wiki/${encodeURIComponent(source.slug)}`}>{source.title}</a>
            </li>
          ))}
        </ul>
      )}
      {links.next ? (
        <p>
          <a href={`${path}/links?after=${encodeURIComponent(links.next)}`}>Next page</a>
        </p>
      ) : null}
    </div>
  );
}
