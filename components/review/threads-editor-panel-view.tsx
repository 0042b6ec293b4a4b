"use client";

import type { ReviewThreadView } from "@/lib/review-threads/read-threads";
import { anchorLabel } from "./threads-view";

/**
 * The top-level element of block `blockIndex` of section `sectionId` in the
 * editor's document (the editor lays the article out as one document, each
 * section but the lead opened by a heading carrying its id), or the section's
 * heading when the block is not there.
 */
function findBlockElement(sectionId: string, blockIndex: number, leadId: string): HTMLElement | null {
  const prose = document.querySelector<HTMLElement>(".ProseMirror.editor-main");
  if (!prose) return null;
  const children = [...prose.children] as HTMLElement[];
  const heading = children.findIndex((child) => child.dataset.sectionId === sectionId);
  const start = heading >= 0 ? heading + 1 : sectionId === leadId ? 0 : -1;
  if (start < 0) return null;
  let index = 0;
  for (let at = start; at < children.length; at++) {
    if (children[at].dataset.sectionId) break;
    if (index === blockIndex) return children[at];
    index += 1;
  }
  return heading >= 0 ? children[heading] : null;
}

/**
 * Scrolls the editor to a block, outlines it for a moment and puts the caret
 * at its start. The outline is a marker laid over the block, not a class on
 * it: ProseMirror owns its DOM and would undo the change.
 */
function focusBlock(sectionId: string, blockIndex: number, leadId: string): void {
  const element = findBlockElement(sectionId, blockIndex, leadId);
  if (!element) return;
  // Caret first (focusing the editor may scroll to its old selection), then the scroll, then the marker where the block now is.
  element.closest<HTMLElement>(".ProseMirror")?.focus({ preventScroll: true });
  const range = document.createRange();
  range.selectNodeContents(element);
  range.collapse(true);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  element.scrollIntoView({ block: "center" });
  const box = element.getBoundingClientRect();
  const marker = document.createElement("div");
  marker.className = "thread-target-marker";
  marker.setAttribute("aria-hidden", "true");
  Object.assign(marker.style, {
    top: `${box.top + window.scrollY - 4}px`,
    left: `${box.left + window.scrollX - 4}px`,
    width: `${box.width + 8}px`,
    height: `${box.height + 8}px`,
  });
  document.body.append(marker);
  window.setTimeout(() => marker.remove(), 3000);
}

function EditorThread({ thread, onGo }: { thread: ReviewThreadView; onGo: (() => void) | null }) {
  const first = thread.entries[0];
  const replies = thread.entries.length - 1;
  return (
    <li className="editor-thread" data-thread-id={thread.id}>
      {onGo ? (
        <button type="button" className="editor-thread-go" onClick={onGo}>
          {anchorLabel(thread)}
        </button>
      ) : (
        <span className="editor-thread-go">{anchorLabel(thread)}</span>
      )}
      {thread.place.state === "outdated" ? (
        <p className="form-hint">
          Outdated: {thread.place.reason} It referred to “{thread.quote}”.
        </p>
      ) : null}
      {first ? (
        <p>
          <b>{first.author}:</b> {first.body}
          {replies > 0 ? (
            <span className="form-hint">
              {" "}
              ({replies} more entr{replies === 1 ? "y" : "ies"})
            </span>
          ) : null}
        </p>
      ) : null}
      {thread.suggestion !== null ? (
        <p className="editor-thread-suggestion">
          Suggested: <q>{thread.suggestion}</q>
          {thread.appliedInVersion ? ` (applied in version ${thread.appliedInVersion})` : null}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The review threads of the proposal being revised, beside the editor:
 * open ones grouped by section, each a button that scrolls to the block it
 * concerns and puts the caret there; resolved ones folded; replying,
 * resolving and applying happen on the proposal page, linked.
 */
export function EditorThreadsPanel({
  proposalId,
  threads,
  sections,
}: {
  proposalId: number;
  threads: ReviewThreadView[];
  sections: Array<{ id: string; title: string }>;
}) {
  const leadId = sections[0]?.id ?? "";
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const groups = [
    ...sections.map((section) => ({
      title: section.title || "Lead",
      threads: open.filter((thread) => thread.place.state === "current" && thread.place.sectionId === section.id),
    })),
    {
      title: "References, infobox and outdated",
      threads: open.filter((thread) => thread.place.state !== "current" || thread.place.sectionId === null),
    },
  ].filter((group) => group.threads.length > 0);
  const go = ({ place }: ReviewThreadView) => {
    if (place.state !== "current" || place.sectionId === null || place.blockIndex === null) return null;
    const { sectionId, blockIndex } = place;
    return () => focusBlock(sectionId, blockIndex, leadId);
  };
  return (
    <aside className="editor-threads" aria-labelledby="editor-threads-title">
      <h2 id="editor-threads-title">
        Review threads <span className="form-hint">({open.length} open)</span>
      </h2>
      <p className="form-hint">
        Reply, resolve or apply suggestions on <a href={`/proposals/${proposalId}`}>the proposal page</a>.
      </p>
      {groups.length === 0 ? <p className="form-hint">No open threads.</p> : null}
      {groups.map((group) => (
        <section key={group.title} aria-label={`Threads on ${group.title}`}>
          <h3>{group.title}</h3>
          <ul className="editor-thread-list">
            {group.threads.map((thread) => (
              <EditorThread key={thread.id} thread={thread} onGo={go(thread)} />
            ))}
          </ul>
        </section>
      ))}
      {resolved.length ? (
        <details className="editor-threads-resolved">
          <summary>{resolved.length} resolved</summary>
          <ul className="editor-thread-list">
            {resolved.map((thread) => (
              <EditorThread key={thread.id} thread={thread} onGo={go(thread)} />
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}
