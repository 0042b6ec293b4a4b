"use client";

import { useEffect, useRef } from "react";
import { ArticleView } from "@/components/article/article-view";
import type { RevisionView } from "@/lib/articles/read-article";
import type { ProtectionLevel } from "@/lib/authz/levels";
import type { ArticleContent } from "@/lib/document/model";

/**
 * The draft rendered by the reader's own ArticleView, so the preview is the
 * page as it will be (numbers, notes, reference list, infobox included).
 */
export function PreviewPanel({
  content,
  slug,
  protectionLevel,
  focusSectionId,
  onClose,
}: {
  content: ArticleContent;
  slug: string;
  protectionLevel: ProtectionLevel;
  focusSectionId: string | null;
  onClose: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const view: RevisionView = {
    article: { id: 0, slug, title: content.title, currentRevisionId: null },
    protection: { level: protectionLevel, expiresAt: null, reason: null },
    revision: {
      id: 0,
      parentId: null,
      createdAt: new Date(),
      summary: "",
      minor: false,
      sizeBytes: 0,
      schemaVersion: 1,
      author: { id: 0, name: "" },
    },
    isCurrent: true,
    content,
  };

  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    panel.scrollIntoView({ block: "start" });
    panel.focus({ preventScroll: true });
    if (focusSectionId)
      panel.querySelector(`[data-section-id="${CSS.escape(focusSectionId)}"]`)?.classList.add("preview-focus");
  }, [focusSectionId]);

  return (
    <section ref={ref} className="editor-result editor-preview" aria-label="Preview" tabIndex={-1}>
      <header className="editor-result-header">
        <h2>Preview</h2>
        <p>This is only a preview; your changes have not been saved yet.</p>
        <button type="button" className="editor-button small" onClick={onClose}>
          Close preview
        </button>
      </header>
      <div className="preview-frame">
        <ArticleView view={view} />
      </div>
    </section>
  );
}
