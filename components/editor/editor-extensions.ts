import { Extension, type Extensions } from "@tiptap/core";
// By their own entry points: the package's main entry also bundles drop and gap cursors, focus,
// character count and more, none of which can be tree-shaken away from the editor's script.
import { Placeholder } from "@tiptap/extensions/placeholder";
import { UndoRedo } from "@tiptap/extensions/undo-redo";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { letterLabel } from "@/lib/document/citations";
import { hasLocator, locatorOf, locatorPlace, locatorText } from "@/lib/document/extensions/citation";
import { documentExtensions } from "@/lib/document/extensions";
import type { CitationStore } from "./citation-store";
import { CitationRemovals, type RemovalsHandlers } from "./citation-removals";

const numbersKey = new PluginKey<DecorationSet>("citationNumbers");

function referenceTooltip(store: CitationStore, key: string): string {
  const reference = store.get().referenceOf(key);
  if (!reference) return `Unknown reference “${key}”`;
  return [reference.title, reference.work ?? reference.publisher].filter(Boolean).join(" — ");
}

/** Decorations giving every citation its [n] (by first use) and every note its letter. */
function numberDecorations(doc: PMNode, store: CitationStore, docId: string): DecorationSet {
  const context = store.get();
  const numbers = new Map<string, number>();
  context.keysBefore(docId).forEach((key) => numbers.set(key, numbers.size + 1));
  let notes = context.notesBefore(docId);
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "citation") {
      const key = String(node.attrs.refKey);
      const known = context.referenceOf(key) !== undefined;
      if (known && !numbers.has(key)) numbers.set(key, numbers.size + 1);
      // The place cited, shown beside the number ("[2: p. 12]"; the quotation only in the tooltip, unless it is all
      // there is): the page numbers these 2.1, 2.2 by first appearance.
      const locator = locatorOf(node.attrs);
      const place = hasLocator(locator) ? locatorText(locator) : "";
      const shown = locatorPlace(locator) || (locator.quote ? `“${locator.quote}”` : "");
      const shortPlace = shown.length > 24 ? `${shown.slice(0, 23)}…` : shown;
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          "data-number": known ? String(numbers.get(key)) : "?",
          ...(place ? { "data-locator": `: ${shortPlace}` } : {}),
          title: place ? `${referenceTooltip(store, key)} — ${place}` : referenceTooltip(store, key),
          class: known ? "citation" : "citation citation-unknown",
        }),
      );
    } else if (node.type.name === "note") {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-label": letterLabel(notes++) }));
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Numbers citations [n] and letters notes in the editor exactly as the page
 * will (the stored node has no number). Behaviour only: decorations, no schema.
 * It re-numbers when the document or the shared citation context changes.
 */
export const CitationNumbers = Extension.create<{ store: CitationStore | null; docId: string }>({
  name: "citationNumbers",
  addOptions: () => ({ store: null, docId: "main" }),
  addProseMirrorPlugins() {
    const { store, docId } = this.options;
    if (!store) return [];
    return [
      new Plugin<DecorationSet>({
        key: numbersKey,
        state: {
          init: (_config, state) => numberDecorations(state.doc, store, docId),
          apply: (tr, old) => (tr.docChanged || tr.getMeta(numbersKey) ? numberDecorations(tr.doc, store, docId) : old),
        },
        props: { decorations: (state) => numbersKey.getState(state) },
        view: (view) => {
          const unsubscribe = store.subscribe(() => {
            if (!view.isDestroyed)
              view.dispatch(view.state.tr.setMeta(numbersKey, true).setMeta("addToHistory", false));
          });
          return { destroy: unsubscribe };
        },
      }),
    ];
  },
});

/** Handlers the editor's own shortcuts (and its removal reports) call; held in a ref so they can change after the editor is made. */
export interface ShortcutHandlers extends RemovalsHandlers {
  insertCitation(): void;
  editLink(): void;
}

/**
 * Editor-specific shortcuts: Mod-Shift-K opens the citation dialog, Mod-K the
 * link dialog. Arrow keys at the edge of a note, and Escape inside one, step
 * out of it: a note at the end of a paragraph otherwise traps the caret.
 */
export const EditorShortcuts = Extension.create<{ handlers: { current: ShortcutHandlers | null } }>({
  name: "editorShortcuts",
  addOptions: () => ({ handlers: { current: null } }),
  addKeyboardShortcuts() {
    const run = (name: "insertCitation" | "editLink") => () => {
      this.options.handlers.current?.[name]();
      return true;
    };
    const leaveNote = (side: "before" | "after" | "either") => () => {
      const { selection } = this.editor.state;
      const { $from } = selection;
      if (!selection.empty || $from.parent.type.name !== "note") return false;
      const atEnd = $from.parentOffset === $from.parent.content.size;
      const atStart = $from.parentOffset === 0;
      if (side === "after" && !atEnd) return false;
      if (side === "before" && !atStart) return false;
      return this.editor.commands.setTextSelection(side === "before" ? $from.before() : $from.after());
    };
    return {
      "Mod-Shift-k": run("insertCitation"),
      "Mod-k": run("editLink"),
      ArrowRight: leaveNote("after"),
      ArrowLeft: leaveNote("before"),
      Escape: leaveNote("either"),
    };
  },
});

/**
 * THE document extensions plus behaviour-only ones (undo, placeholder,
 * numbering, shortcuts). Never a second schema: nothing here adds node or
 * mark types or attributes.
 */
export function editorExtensions(options: {
  store: CitationStore;
  docId: string;
  placeholder: string;
  handlers: { current: ShortcutHandlers | null };
}): Extensions {
  return [
    ...documentExtensions,
    UndoRedo,
    Placeholder.configure({
      placeholder: ({ node }) => (node.type.name === "heading" ? "Section title" : options.placeholder),
    }),
    CitationNumbers.configure({ store: options.store, docId: options.docId }),
    EditorShortcuts.configure({ handlers: options.handlers }),
    CitationRemovals.configure({ store: options.store, docId: options.docId, handlers: options.handlers }),
  ];
}
