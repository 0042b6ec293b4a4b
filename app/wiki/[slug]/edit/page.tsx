import { decodeParam } from "@/lib/http/params";
import { idFromText } from "@/lib/contracts/ids";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { ArticleEditor } from "@/components/editor/article-editor";
import { EDITOR_STYLESHEET } from "@/components/ui/html-page";
import { citationsBefore } from "@/components/editor/sections";
import { readArticleRevision, type RevisionView } from "@/lib/articles/read-article";
import { slugOfTitle, titleOfSlug, titleProblem } from "@/lib/articles/titles";
import { getViewer } from "@/lib/auth/viewer";
import type { ProtectionLevel } from "@/lib/authz/levels";
import { decide, type Actor } from "@/lib/authz/policy";
import type { ArticleContent } from "@/lib/document/model";
import { WikiError } from "@/lib/errors";
import { mergeContent } from "@/lib/articles/merge";
import { rebaseKeepingMine } from "@/lib/proposals/proposal-content";
import { getProposal } from "@/lib/proposals/read-proposal";
import { REVISABLE_PROPOSAL_STATUSES } from "@/lib/proposals/status";
import { EditorThreadsPanel } from "@/components/review/threads-editor-panel";
import { getProposalThreads } from "@/lib/review-threads/read-threads";
import { listTalkTopics } from "@/lib/talk/list-talk-topics";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ section?: string | string[]; proposal?: string | string[]; talkTopic?: string | string[] }>;
};

const EMPTY_LEAD = {
  id: "sec-lead",
  title: "",
  level: 0 as const,
  body: { type: "doc", content: [{ type: "paragraph" }] },
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Editing ${titleOfSlug(decodeParam((await params).slug))}` };
}

/** The article to edit; null when there is none; the refusal when it was deleted or moved (lib/articles/read-article.ts). */
async function loadArticle(slug: string): Promise<RevisionView | null | WikiError> {
  try {
    return await readArticleRevision({ slug });
  } catch (error) {
    if (error instanceof WikiError && error.code === "not_found") {
      const details = error.details as { deleted?: unknown; redirect?: unknown } | undefined;
      return details?.deleted || details?.redirect ? error : null;
    }
    throw error;
  }
}

function Shell({
  title,
  section,
  slug,
  children,
}: {
  title: string;
  section?: string | null;
  slug: string;
  children: ReactNode;
}) {
  const article = `/wiki/${encodeURIComponent(slug)}`;
  return (
    <div className="content-page wide editor-page">
      <link rel="stylesheet" href={EDITOR_STYLESHEET} precedence="default" />
      <header className="editor-header">
        <p className="editor-kicker">{section ? "Editing a section of" : "Editing"}</p>
        <h1 className="page-title editor-title">
          {title}
          {section ? <span className="editor-section-title"> — {section}</span> : null}
        </h1>
        <nav className="editor-links" aria-label="Page">
          <a href={article}>Back to the article</a>
          {section ? <a href={`${article}/edit`}>Edit the whole article</a> : null}
        </nav>
      </header>
      {children}
    </div>
  );
}

// GET /wiki/{slug}/edit[?section={sectionId}|?proposal={id}] — the editor (signed-in users; protected articles: a proposal notice).
export default async function EditPage({ params, searchParams }: Props) {
  const slug = decodeParam((await params).slug);
  const sectionParam = (await searchParams).section;
  const sectionId = typeof sectionParam === "string" && sectionParam ? sectionParam : null;
  const canonical = slugOfTitle(slug);
  if (canonical && canonical !== slug)
    redirect(
      `/wiki/${encodeURIComponent(canonical)}/edit${sectionId ? `?section=${encodeURIComponent(sectionId)}` : ""}`,
    );
  const here = `/wiki/${encodeURIComponent(slug)}/edit${sectionId ? `?section=${encodeURIComponent(sectionId)}` : ""}`;

  const loaded = await loadArticle(slug);
  if (loaded instanceof WikiError) {
    // An old title of a moved article: edit it where it is now. A deleted one: say so, offer no editor.
    const moved = (loaded.details as { redirect?: { slug: string } }).redirect;
    if (moved)
      redirect(
        `/wiki/${encodeURIComponent(moved.slug)}/edit${sectionId ? `?section=${encodeURIComponent(sectionId)}` : ""}`,
      );
    return (
      <Shell title={titleOfSlug(slug)} slug={slug}>
        <div className="notice notice-warning" role="alert">
          <p>
            <b>{loaded.message}</b>
          </p>
          <p>It cannot be edited unless an administrator restores it.</p>
        </div>
      </Shell>
    );
  }
  const view = loaded;
  const title = view?.content.title ?? titleOfSlug(slug);
  if (!view) {
    const problem = titleProblem(titleOfSlug(slug));
    if (problem) {
      return (
        <Shell title={title} slug={slug}>
          <div className="notice notice-warning" role="note">
            This page cannot be created: {problem}
          </div>
        </Shell>
      );
    }
  }

  const viewer = await getViewer();
  if (!viewer) {
    return (
      <Shell title={title} slug={slug}>
        <div className="notice" role="note">
          You need to sign in to edit. <a href={`/login?returnTo=${encodeURIComponent(here)}`}>Sign in</a> or{" "}
          <a href="/register">create an account</a>.
        </div>
      </Shell>
    );
  }

  const proposalParam = (await searchParams).proposal;
  const proposalId = typeof proposalParam === "string" ? idFromText(proposalParam) : null;
  if (view && proposalId !== null) {
    return <ProposalRevision slug={slug} title={title} proposalId={proposalId} viewer={viewer} />;
  }

  const decision = view ? decide(viewer, "edit", { protection: view.protection.level }) : decide(viewer, "create");
  if (!decision.allowed && !decision.canPropose) {
    return (
      <Shell title={title} slug={slug}>
        <div className="notice notice-warning" role="note">
          {decision.reason}
        </div>
      </Shell>
    );
  }
  const protectionNotice = decision.allowed
    ? null
    : `${decision.reason.replace(/ You can propose your change for review\.$/, "")} Saving will submit your change as a proposal for review.`;

  const content: ArticleContent = view?.content ?? { title, infobox: null, sections: [EMPTY_LEAD], references: [] };
  const section = sectionId ? content.sections.find((candidate) => candidate.id === sectionId) : undefined;
  if (sectionId && !section) {
    return (
      <Shell title={title} slug={slug}>
        <div className="notice notice-warning" role="note">
          This article has no section with the id “{sectionId}”; it may have been removed or merged since the link was
          made. <a href={`/wiki/${encodeURIComponent(slug)}/edit`}>Edit the whole article</a> instead.
        </div>
      </Shell>
    );
  }
  const before = section ? citationsBefore(content, section.id) : { keys: [], notes: 0 };
  // Proposing: the talk topics one may cite as where consensus was reached (?talkTopic= picks one to begin with).
  const talkTopics = view && !decision.allowed ? await listTalkTopics({ articleId: view.article.id }) : undefined;
  const talkParam = (await searchParams).talkTopic;
  const talkTopicId = typeof talkParam === "string" ? idFromText(talkParam) : null;

  return (
    <Shell title={title} slug={slug} section={section ? section.title || "Lead" : null}>
      {!view ? (
        <div className="notice editor-notice" role="note">
          There is no article “{title}” yet. Write it below; publishing creates it.
        </div>
      ) : null}
      <ArticleEditor
        slug={slug}
        title={title}
        baseRevisionId={view?.revision.id ?? null}
        content={content}
        sectionId={section?.id ?? null}
        protectionNotice={protectionNotice}
        protectionLevel={view?.protection.level ?? "none"}
        keysBefore={before.keys}
        notesBefore={before.notes}
        talkTopics={talkTopics}
        talkTopicId={talkTopics?.some((topic) => topic.id === talkTopicId) ? talkTopicId : null}
      />
    </Shell>
  );
}

/**
 * The author revises their proposal in the same editor: it opens on the
 * proposal moved onto the current revision (their version kept where the
 * article changed in the same places, for them to merge by hand), and saving
 * makes a new version of the proposal. A reviewer who may approve it opens
 * the same editor to amend it ("Amend proposal #ID"): saving posts an
 * amendment pinned to the version opened.
 */
async function ProposalRevision({
  slug,
  title,
  proposalId,
  viewer,
}: {
  slug: string;
  title: string;
  proposalId: number;
  viewer: Actor;
}) {
  const viewerId = viewer.id;
  const details = await getProposal({ proposalId }).catch((error) => {
    if (error instanceof WikiError && error.code === "not_found") return null;
    throw error;
  });
  const problem = !details
    ? `There is no proposal #${proposalId}.`
    : details.proposal.authorId !== viewerId && !mayAmend(viewer, details)
      ? "Only the author of a proposal, or a reviewer who may approve it, can change it; you can comment on it instead."
      : !(REVISABLE_PROPOSAL_STATUSES as readonly string[]).includes(details.proposal.status)
        ? `This proposal is ${details.proposal.status.replace("_", " ")} and can no longer be revised.`
        : details.article.slug !== slug
          ? "This proposal belongs to another article."
          : null;
  if (problem || !details) {
    return (
      <Shell title={title} slug={slug}>
        <div className="notice notice-warning" role="note">
          {problem} <a href={`/proposals/${proposalId}`}>Back to the proposal</a>
        </div>
      </Shell>
    );
  }
  const { content: rebased, conflictingSections } = rebaseKeepingMine(
    details.content.base,
    details.content.proposed,
    details.content.head,
    mergeContent,
  );
  const titles = conflictingSections.map(
    (id) => details.content.head.sections.find((section) => section.id === id)?.title || "Lead",
  );
  const amending = details.proposal.authorId !== viewerId;
  const notice = `${amending ? `Amend proposal #${proposalId} (version ${details.version.number}) by ${details.proposal.author}: saving keeps your change as a new version, written by you; it does not approve it.` : `You are revising your proposal #${proposalId}; saving keeps it as a new version for review.`}${
    titles.length
      ? ` The article changed in ${titles.map((name) => `“${name}”`).join(", ")} since you proposed it: your version is shown there; compare it with the current text on the proposal page and merge by hand.`
      : ""
  }`;
  const threads = await getProposalThreads({
    proposalId,
    newest: { version: details.version.number, content: details.content.proposed },
  });
  return (
    <Shell title={title} slug={slug}>
      <div className="editor-with-threads">
        <ArticleEditor
          slug={slug}
          title={title}
          baseRevisionId={details.article.currentRevisionId}
          content={rebased}
          sectionId={null}
          protectionNotice={notice}
          protectionLevel={details.article.protection.level}
          keysBefore={[]}
          notesBefore={0}
          proposalId={proposalId}
          amendVersion={amending ? details.version.number : null}
        />
        <EditorThreadsPanel
          proposalId={proposalId}
          threads={threads}
          sections={rebased.sections.map((section) => ({ id: section.id, title: section.title }))}
        />
      </div>
    </Shell>
  );
}

/** Whether the viewer may amend the proposal: they could approve it at the article's protection now (never its author). */
function mayAmend(
  viewer: Actor,
  details: { proposal: { authorId: number }; article: { protection: { level: ProtectionLevel } } },
) {
  return decide(viewer, "approve", { protection: details.article.protection.level, ownerId: details.proposal.authorId })
    .allowed;
}
