import { createElement } from "react";
import { diffArticles } from "@/lib/diff/article-diff";
import { renderHtml } from "@/lib/http/html";
import { DiffViewContent } from "./diff-view";
import { changeCounts, type ChangeCounts } from "@/lib/diff/change-counts";
import type { DiffMode } from "./section-diff-view";

/** One pair of revisions to diff, as JSON text (cheaper for the event loop than a structured clone). */
export interface RenderDiffJob {
  older: string;
  newer: string;
  mode: DiffMode;
}

/**
 * A diff as the diff page shows it: its counts, and the inside of the
 * DiffView element as react-dom rendered it on the worker, from the two
 * revisions' JSON (so React escaped every user string in it).
 */
export interface RenderedDiff {
  counts: ChangeCounts;
  html: string;
}

/** Diffs and renders one pair for the diff page: the diff worker's job, also run in place where there is no worker. */
export async function renderDiff(job: RenderDiffJob): Promise<RenderedDiff> {
  const from = JSON.parse(job.older);
  const to = JSON.parse(job.newer);
  const diff = diffArticles(from, to);
  return {
    counts: changeCounts(diff),
    html: await renderHtml(createElement(DiffViewContent, { diff, from, to, mode: job.mode })),
  };
}
