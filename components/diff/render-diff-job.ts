import { createElement } from "react";
import { diffArticles } from "@/lib/diff/article-diff";
import { renderHtml } from "@/lib/http/html";
import { DiffViewContent } from "./diff-view";
import type { RenderedDiff, RenderDiffJob } from "./render-diff";

/** Diffs and renders one pair for the diff page: the diff worker's job, also run in place where there is no worker. */
export async function renderDiff(job: RenderDiffJob): Promise<RenderedDiff> {
  const from = JSON.parse(job.older);
  const to = JSON.parse(job.newer);
  const diff = diffArticles(from, to);
  return { stats: diff.stats, html: await renderHtml(createElement(DiffViewContent, { diff, from, to, mode: job.mode })) };
}
