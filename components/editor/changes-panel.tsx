"use client";

import { useEffect, useMemo, useRef } from "react";
import { DiffView } from "@/components/diff/diff-view";
import type { ArticleContent } from "@/lib/document/model";
import { changesModel, type RemovedCitation } from "./changes-model";

/** The citations a draft removed, each named by its reference's title and the section it was in. */
export function RemovedCitations({ removed }: { removed: RemovedCitation[] }) {
  if (removed.length === 0) return null;
  return (
    <div className="removed-citations" role="note" aria-labelledby="removed-citations-title">
      <p id="removed-citations-title">
        <b>{removed.length === 1 ? "A citation was removed" : `${removed.length} citations were removed`}</b> (struck
        through below):
      </p>
      <ul>
        {removed.map((item) => (
          <li key={`${item.sectionId}/${item.refKey}`} data-ref-key={item.refKey}>
            <del className="diff-del">“{item.reference?.title ?? item.refKey}”</del>
            {item.count > 1 ? ` (${item.count} times)` : ""} in “{item.sectionTitle}”
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Show changes": the draft against the revision it started from, through the
 * same diff engine and view as the diff page and the proposal page
 * (changes-model.ts puts both sides in one JSON spelling first).
 */
export function ChangesPanel({ from, to, onClose }: { from: ArticleContent; to: ArticleContent; onClose: () => void }) {
  const ref = useRef<HTMLElement>(null);
  const model = useMemo(() => changesModel(from, to), [from, to]);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section ref={ref} className="editor-result editor-changes" aria-label="Your changes" tabIndex={-1}>
      <header className="editor-result-header">
        <h2>Your changes</h2>
        <p>Compared with the revision you started from.</p>
        <button type="button" className="editor-button small" onClick={onClose}>
          Close
        </button>
      </header>
      <RemovedCitations removed={model.removedCitations} />
      <DiffView diff={model.diff} from={model.from} to={model.to} mode="inline" />
    </section>
  );
}
