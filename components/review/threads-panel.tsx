import type { ReactNode } from "react";
import type { Actor } from "@/lib/authz/policy";
import { decide } from "@/lib/authz/policy";
import { decideThreadAction } from "@/lib/authz/threads";
import type { ArticleContent } from "@/lib/document/model";
import type { ArticleDiff } from "@/lib/diff/types";
import { citedKeys } from "@/lib/review-threads/anchor";
import type { ReviewThreadView } from "@/lib/review-threads/read-threads";
import { blockMarkup } from "@/lib/review-threads/suggestion";
import { shownNewBlocks, type BlockAside } from "@/components/diff/section-diff-view";
import { NewThreadForm, ThreadCard, type ThreadContext } from "./threads-view";

/** What the viewer may do with threads, for the page's buttons; the server decides again on every request. */
export function threadViewer(viewer: Actor | null, proposalAuthorId: number): ThreadContext["viewer"] {
  const people = { proposalAuthorId, threadAuthorId: -1 };
  return {
    id: viewer?.id ?? null,
    canComment: decide(viewer, "comment").allowed,
    canSuggest: decideThreadAction(viewer, "suggest", people).allowed,
    isAuthor: viewer !== null && viewer.id === proposalAuthorId,
    isReviewer: decide(viewer, "review").allowed,
  };
}

const placeKey = (sectionId: string | null, index: number | null) => `${sectionId}#${index}`;

/**
 * The review threads of a proposal page: a renderer for the diff (threads
 * under the block they are on, and "Add comment" under each changed block),
 * and a panel with every thread the diff does not show (outdated ones with
 * the text they referred to, threads on references, on the infobox, or on
 * text the diff folds away). `diff` is the diff against the base the page
 * shows beside its threads, or null when it shows none (an interdiff): then
 * the panel lists every thread, since none is shown beside its text.
 */
export function proposalThreads(options: {
  threads: ReviewThreadView[];
  context: ThreadContext;
  diff: ArticleDiff | null;
  proposed: ArticleContent;
}): { blockAside: BlockAside; panel: ReactNode } {
  const { threads, context, diff, proposed } = options;
  const shown = new Set<string>();
  for (const section of diff?.sections ?? [])
    for (const index of shownNewBlocks(section)) shown.add(placeKey(section.id, index));
  const titles = new Map(proposed.references.map((reference) => [reference.key, reference.title]));
  const card = (thread: ReviewThreadView) => (
    <ThreadCard
      key={thread.id}
      thread={thread}
      context={context}
      refTitle={thread.refKey ? titles.get(thread.refKey) : undefined}
    />
  );
  const atBlock = new Map<string, ReviewThreadView[]>();
  const elsewhere: ReviewThreadView[] = [];
  for (const thread of threads) {
    const key = thread.place.state === "current" ? placeKey(thread.place.sectionId, thread.place.blockIndex) : null;
    if (key && thread.place.state === "current" && thread.place.sectionId !== null && shown.has(key))
      atBlock.set(key, [...(atBlock.get(key) ?? []), thread]);
    else elsewhere.push(thread);
  }
  const blockAside: BlockAside = ({ sectionId, index, changed }) => {
    const here = atBlock.get(placeKey(sectionId, index)) ?? [];
    const block = proposed.sections.find((section) => section.id === sectionId)?.body.content?.[index];
    if (!here.length && (!changed || !context.viewer.canComment || !block)) return null;
    return (
      <aside className="block-threads" aria-label="Review threads on this paragraph">
        {here.map(card)}
        {changed && context.viewer.canComment && block ? (
          <NewThreadForm
            context={context}
            sectionId={sectionId}
            blockIndex={index}
            citations={citedKeys(block).map((refKey) => ({ refKey, label: `“${titles.get(refKey) ?? refKey}”` }))}
            markup={blockMarkup(block)}
          />
        ) : null}
      </aside>
    );
  };
  const open = threads.filter((thread) => !thread.resolved).length;
  const panel = (
    <section className="threads-panel" id="threads" aria-labelledby="threads-panel-title">
      <h2 id="threads-panel-title">
        Review threads{" "}
        <span className="form-hint">
          ({open} open of {threads.length})
        </span>
      </h2>
      {threads.length === 0 ? (
        <p className="form-hint">
          No review threads yet. Comment on a changed paragraph or a citation in the diff above.
        </p>
      ) : elsewhere.length === 0 ? (
        <p className="form-hint">Every thread is shown beside the text it concerns, above.</p>
      ) : (
        elsewhere.map(card)
      )}
    </section>
  );
  return { blockAside, panel };
}
