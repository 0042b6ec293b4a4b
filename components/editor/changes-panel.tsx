"use client";

import { useEffect, useMemo, useRef } from "react";
import { DiffView } from "@/components/diff/diff-view";
import { diffArticles } from "@/lib/diff/article-diff";
import type { ArticleContent } from "@/lib/document/model";

/**
 * "Show changes": the draft against the revision it started from, through the
 * same diff engine and view as the diff page and the proposal page.
 */
export function ChangesPanel({ from, to, onClose }: { from: ArticleContent; to: ArticleContent; onClose: () => void }) {
  const ref = useRef<HTMLElement>(null);
  const diff = useMemo(() => diffArticles(from, to), [from, to]);
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
      <DiffView diff={diff} from={from} to={to} mode="inline" />
    </section>
  );
}
