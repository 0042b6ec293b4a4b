"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import type { DocJSON } from "@/lib/document/model";
import type { CitationStore } from "./citation-store";
import { editorExtensions, type ShortcutHandlers } from "./editor-extensions";
import { useTiptapEditor } from "./tiptap";

/** Props of one Tiptap editing surface. */
export interface RichEditorProps {
  /** where this document stands in the citation context (MAIN_DOC or an infobox path) */
  docId: string;
  initialContent: DocJSON;
  store: CitationStore;
  label: string;
  placeholder: string;
  handlers: { current: ShortcutHandlers | null };
  className?: string;
  onChange?: (editor: Editor) => void;
  onFocus?: (editor: Editor) => void;
  onReady?: (editor: Editor | null) => void;
}

/**
 * One Tiptap editor over THE document extension list. The main text and
 * every infobox field use it, so citations, notes and tags work the same in
 * each. Content is read once at creation; remount (React `key`) to replace it.
 */
export function RichEditor(props: RichEditorProps) {
  // Callbacks change on every parent render; the editor is made once, so it reads them through a ref.
  const latest = useRef(props);
  latest.current = props;
  const host = useRef<HTMLDivElement>(null);
  const editor = useTiptapEditor(host, () => ({
    extensions: editorExtensions({
      store: props.store,
      docId: props.docId,
      handlers: props.handlers,
      placeholder: props.placeholder,
    }),
    content: props.initialContent,
    editorProps: {
      attributes: {
        class: `editor-prose ${props.className ?? ""}`.trim(),
        "aria-label": props.label,
        "aria-multiline": "true",
        role: "textbox",
        spellcheck: "true",
      },
    },
    onUpdate: ({ editor }) => latest.current.onChange?.(editor),
    onFocus: ({ editor }) => latest.current.onFocus?.(editor),
  }));

  useEffect(() => {
    latest.current.onReady?.(editor);
    return () => latest.current.onReady?.(null);
  }, [editor]);

  // The editor makes its text box inside `host`, which React leaves empty; until then it is the placeholder.
  return (
    <div
      ref={host}
      className={editor ? undefined : `editor-prose editor-loading ${props.className ?? ""}`}
      aria-busy={editor ? undefined : true}
    />
  );
}
