"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useRef, useState } from "react";
import type { DocJSON } from "@/lib/document/model";
import { documentSchema } from "@/lib/document/schema";
import type { CitationStore } from "./citation-store";
import { type EarlyText, takeOverEarlyText } from "./early-text";
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
  /**
   * `initialContent` as the editor's HTML (lib/document/editor-html.ts), sent by the server: the text box is then
   * editable before the script runs, and the editor takes over what was typed and where the caret was
   * (early-text.ts). Read on the first render only.
   */
  earlyHtml?: string | null;
  /** called when the editor took over text typed into the early text box (before onChange) */
  onEarlyInput?: () => void;
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
  // The early text box's HTML, fixed at the first render: React must never re-set it (that would wipe the editor).
  const [earlyHtml] = useState(() => props.earlyHtml ?? null);
  // Taken over once: in development React makes the editor twice, and the box is empty the second time.
  const early = useRef<EarlyText | null>(null);
  const editor = useTiptapEditor(
    host,
    () => {
      if (earlyHtml && host.current && !early.current)
        early.current = takeOverEarlyText(host.current, earlyHtml, documentSchema);
      const taken = early.current;
      return {
        extensions: editorExtensions({
          store: props.store,
          docId: props.docId,
          handlers: props.handlers,
          placeholder: props.placeholder,
        }),
        content: taken?.typedDoc ?? props.initialContent,
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
      };
    },
    (made) => {
      // In the same task as the editor is made (Tiptap's own "create" comes a task later): no key can land
      // between the box and the editor, and the article editor hears of the typing before it restores a draft.
      const taken = early.current;
      // The box loses the focus as it stops being editable: the editor's text box takes it at once.
      if (taken?.selection) made.commands.setTextSelection({ from: taken.selection.anchor, to: taken.selection.head });
      if (taken?.focused) made.view.focus();
      if (taken?.typedDoc) {
        latest.current.onEarlyInput?.();
        latest.current.onChange?.(made);
      }
    },
  );

  useEffect(() => {
    latest.current.onReady?.(editor);
    return () => latest.current.onReady?.(null);
  }, [editor]);

  if (earlyHtml)
    // Editable as the server sent it. The props never change after the first render, so React leaves the element
    // as the editor left it: its attributes removed, its content the editor's (takeOverEarlyText).
    return (
      <div
        ref={host}
        className={`editor-prose editor-early ${props.className ?? ""}`.trim()}
        contentEditable
        tabIndex={0}
        suppressContentEditableWarning
        role="textbox"
        aria-label={props.label}
        aria-multiline="true"
        spellCheck
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the editor's HTML of the document, made by the extensions' renderHTML on the server (editor-html.ts): every attribute and text escaped
        dangerouslySetInnerHTML={{ __html: earlyHtml }}
      />
    );
  // The editor makes its text box inside `host`, which React leaves empty; until then it is the placeholder.
  return (
    <div
      ref={host}
      className={editor ? undefined : `editor-prose editor-loading ${props.className ?? ""}`}
      aria-busy={editor ? undefined : true}
    />
  );
}
