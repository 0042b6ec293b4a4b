import { Extension, getChangedRanges, type Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { type CitationLocator, locatorOf } from "@/lib/document/extensions/citation";
import type { CitationStore } from "./citation-store";

/** A citation the user's last edits removed: where it stood (mapped through later edits) and what it was. */
export interface CitationRemoval {
  id: number;
  refKey: string;
  /** the place in the source it cited, put back with it */
  locator?: CitationLocator;
  /** its number [n] on the page before it went; null when the reference is unknown */
  number: number | null;
  pos: number;
}

/** Told after a transaction changed the list of recent removals (a new one, or one restored); the editor's handlers carry it. */
export interface RemovalsHandlers {
  citationsRemoved?(editor: Editor, removals: CitationRemoval[]): void;
}

const removalsKey = new PluginKey<CitationRemoval[]>("citationRemovals");
// Only the last few are offered back: the notice is about what just happened.
const KEEP = 3;
let lastId = 0;

function citationsBetween(
  doc: PMNode,
  from: number,
  to: number,
): Array<{ refKey: string; locator: CitationLocator; pos: number }> {
  const found: Array<{ refKey: string; locator: CitationLocator; pos: number }> = [];
  doc.nodesBetween(Math.max(0, from), Math.min(to, doc.content.size), (node, pos) => {
    if (node.type.name === "citation" && pos >= from && pos + node.nodeSize <= to)
      found.push({ refKey: String(node.attrs.refKey), locator: locatorOf(node.attrs), pos });
    return true;
  });
  return found;
}

/** The number [n] of `refKey` in `doc` as the page numbers it (first use, after what precedes the document). */
function numberIn(doc: PMNode, refKey: string, store: CitationStore | null, docId: string): number | null {
  const context = store?.get();
  if (context && !context.referenceOf(refKey)) return null;
  const order = [...(context?.keysBefore(docId) ?? [])];
  doc.descendants((node) => {
    if (node.type.name !== "citation") return true;
    const key = String(node.attrs.refKey);
    if (!order.includes(key) && (!context || context.referenceOf(key))) order.push(key);
    return false;
  });
  const index = order.indexOf(refKey);
  return index < 0 ? null : index + 1;
}

/** The citations a transaction took out of the document, and the keys it put in (a citation of the same key put back in the same change is not a removal). */
export function citationsRemovedBy(tr: Transaction): {
  removed: Array<{ refKey: string; locator: CitationLocator; pos: number }>;
  added: Set<string>;
} {
  const removed: Array<{ refKey: string; locator: CitationLocator; pos: number }> = [];
  const added = new Set<string>();
  for (const { oldRange, newRange } of getChangedRanges(tr)) {
    const before = citationsBetween(tr.before, oldRange.from, oldRange.to);
    const after = citationsBetween(tr.doc, newRange.from, newRange.to);
    const left = new Map<string, number>();
    for (const citation of after) left.set(citation.refKey, (left.get(citation.refKey) ?? 0) + 1);
    for (const citation of before) {
      const count = left.get(citation.refKey) ?? 0;
      if (count > 0) left.set(citation.refKey, count - 1);
      else removed.push(citation);
    }
    for (const [refKey, count] of left) if (count > 0) added.add(refKey);
  }
  return { removed, added };
}

/**
 * Deleting a citation is easy to do by accident (a click selects the marker,
 * the next key replaces it), so every removal is reported as it happens
 * (issue 19): the plugin keeps the last few, their places mapped through
 * later edits, and `restoreCitation` puts one back. A citation of the same
 * reference coming back (Undo, or inserted again) closes its report.
 * Behaviour only: no node, mark or attribute.
 */
export const CitationRemovals = Extension.create<{
  store: CitationStore | null;
  docId: string;
  handlers: { current: RemovalsHandlers | null };
}>({
  name: "citationRemovals",
  addOptions: () => ({ store: null, docId: "main", handlers: { current: null } }),
  addProseMirrorPlugins() {
    const { store, docId, handlers } = this.options;
    const editor = this.editor;
    return [
      new Plugin<CitationRemoval[]>({
        key: removalsKey,
        state: {
          init: () => [],
          apply(tr, value, oldState) {
            const restored = tr.getMeta(removalsKey) as { restored: number } | undefined;
            let list = restored ? value.filter((removal) => removal.id !== restored.restored) : value;
            if (!tr.docChanged) return list;
            list = list.map((removal) => ({ ...removal, pos: tr.mapping.map(removal.pos, -1) }));
            const { removed, added } = citationsRemovedBy(tr);
            if (added.size) list = list.filter((removal) => !added.has(removal.refKey));
            // A citation moved within one change (drag and drop) was not removed.
            const fresh = removed
              .filter((citation) => !added.has(citation.refKey))
              .map((citation) => ({
                id: ++lastId,
                refKey: citation.refKey,
                locator: citation.locator,
                number: numberIn(oldState.doc, citation.refKey, store, docId),
                pos: tr.mapping.map(citation.pos, -1),
              }));
            return fresh.length ? [...list, ...fresh].slice(-KEEP) : list;
          },
        },
        view: () => ({
          update(view, previous) {
            const now = removalsKey.getState(view.state) ?? [];
            const before = removalsKey.getState(previous) ?? [];
            const changed =
              now.length !== before.length || now.some((removal, index) => removal.id !== before[index]?.id);
            if (changed) handlers.current?.citationsRemoved?.(editor, now);
          },
        }),
      }),
    ];
  },
});

/** Puts the removed citation `id` back where it stood; false when it is no longer on offer. */
export function restoreCitation(editor: Editor, id: number): boolean {
  const removal = removalsKey.getState(editor.state)?.find((candidate) => candidate.id === id);
  const type = editor.schema.nodes.citation;
  if (!removal || !type || editor.isDestroyed) return false;
  const { state } = editor;
  let pos = Math.min(Math.max(removal.pos, 0), state.doc.content.size);
  const $pos = state.doc.resolve(pos);
  // The place may have stopped being inside a paragraph (its paragraph went too): the nearest text place.
  if (!$pos.parent.inlineContent) pos = TextSelection.near($pos).from;
  const tr = state.tr.insert(pos, type.create({ refKey: removal.refKey, ...removal.locator }));
  tr.setSelection(TextSelection.create(tr.doc, pos + 1)).setMeta(removalsKey, { restored: id });
  editor.view.dispatch(tr);
  editor.commands.focus();
  return true;
}
