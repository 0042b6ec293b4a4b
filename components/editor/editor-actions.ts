import type { Editor } from "@tiptap/core";
import type { MaintenanceTagKind } from "@/lib/document/extensions/maintenance-tag";
import type { LinkTarget } from "./link-dialog";

/** The current month as a maintenance tag's date (YYYY-MM). */
export function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** Inserts a note with its placeholder text selected, so typing replaces it. */
export function insertNoteSelected(editor: Editor): void {
  if (!editor.chain().focus().insertNote().run()) return;
  const { selection } = editor.state;
  const before = selection.$from.nodeBefore;
  if (before?.type.name !== "note") return;
  const start = selection.from - before.nodeSize;
  editor
    .chain()
    .setTextSelection({ from: start + 1, to: start + 1 + before.content.size })
    .run();
}

/** Inserts a maintenance tag dated this month. */
export function insertTag(editor: Editor, kind: MaintenanceTagKind): void {
  editor.chain().focus().insertMaintenanceTag(kind, currentMonth()).run();
}

/** The link under the selection, as text for the link dialog ("" when none). */
export function currentLink(editor: Editor): { value: string; mark: "link" | "wikiLink" | null } {
  if (editor.isActive("link")) return { value: String(editor.getAttributes("link").href ?? ""), mark: "link" };
  if (editor.isActive("wikiLink"))
    return { value: String(editor.getAttributes("wikiLink").title ?? ""), mark: "wikiLink" };
  return { value: "", mark: null };
}

/**
 * Makes the selection (or the link under the cursor) a link to `target`; with
 * nothing selected it inserts `text` (or the target itself) as the link.
 */
export function applyLink(editor: Editor, target: LinkTarget, text: string | null): void {
  const mark =
    target.kind === "external"
      ? { type: "link", attrs: { href: target.href } }
      : { type: "wikiLink", attrs: { title: target.title } };
  const existing = currentLink(editor).mark;
  const chain = editor.chain().focus();
  if (existing) {
    chain.extendMarkRange(existing).unsetMark("link").unsetMark("wikiLink").setMark(mark.type, mark.attrs).run();
    return;
  }
  if (editor.state.selection.empty) {
    const label = text ?? (target.kind === "external" ? target.href : target.title);
    chain
      .insertContent({ type: "text", text: label, marks: [mark] })
      .unsetMark(mark.type)
      .run();
    return;
  }
  chain.unsetMark("link").unsetMark("wikiLink").setMark(mark.type, mark.attrs).run();
}

/** Removes the link under the cursor or in the selection. */
export function removeLink(editor: Editor): void {
  const { mark } = currentLink(editor);
  if (mark) editor.chain().focus().extendMarkRange(mark).unsetMark(mark).run();
}
