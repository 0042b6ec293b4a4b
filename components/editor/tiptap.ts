"use client";

import { Editor, type EditorOptions } from "@tiptap/core";
import { useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore, type RefObject } from "react";

/**
 * The two things the editor needs from a React binding of Tiptap, on
 * @tiptap/core alone: make an editor in an element React rendered, and read
 * state from it for the toolbar. @tiptap/react brings its node-view
 * renderers, menus and a deep-equality library besides (about 20 KB of the
 * editor's script, issue 19), and the editor uses no React node views.
 */

/**
 * An editor made as soon as `host` (an element with no React children) is in
 * the document, and destroyed on unmount; null until then. A layout effect:
 * after hydration the text box is made in the same task, before the browser
 * paints the placeholder or handles a click or key on it (issue 19's time to
 * typing). `host` may stand in
 * for the text box until there is one (a loading placeholder's class and
 * aria-busy): they go as the editor comes, in the same task, so the two
 * never stand side by side. `options` are read once: remount (React `key`)
 * to replace them.
 */
export function useTiptapEditor(
  host: RefObject<HTMLElement | null>,
  options: () => Partial<EditorOptions>,
): Editor | null {
  const [editor, setEditor] = useState<Editor | null>(null);
  const make = useRef(options);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    element.removeAttribute("class");
    element.removeAttribute("aria-busy");
    const made = new Editor({ ...make.current(), element });
    setEditor(made);
    return () => {
      setEditor(null);
      made.destroy();
    };
  }, [host]);
  return editor;
}

function shallowEqual<T extends Record<string, unknown>>(a: T, b: T): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

const noSubscription = () => () => undefined;

/**
 * `select(editor)`, read again after every transaction of `editor`; the same
 * object while its fields stay equal, so a component re-renders only when
 * what it shows changes.
 */
export function useEditorSelector<T extends Record<string, unknown>>(
  editor: Editor | null,
  select: (editor: Editor) => T,
): T | null {
  const last = useRef<{ editor: Editor; value: T } | null>(null);
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!editor) return noSubscription();
      editor.on("transaction", changed);
      return () => {
        editor.off("transaction", changed);
      };
    },
    [editor],
  );
  const snapshot = () => {
    if (!editor || editor.isDestroyed) return null;
    const value = select(editor);
    if (last.current && last.current.editor === editor && shallowEqual(last.current.value, value))
      return last.current.value;
    last.current = { editor, value };
    return value;
  };
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
