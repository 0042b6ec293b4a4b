import { diffWords, type Change } from "diff";
import type { ArticleContent, DocJSON, Reference } from "@/lib/document/model";
import { sameInfobox, sameReference } from "./draft";
import { sameDoc } from "./sections";

/** A section's fate between the base and the draft. */
export interface SectionChange {
  id: string;
  kind: "added" | "removed" | "changed" | "renamed";
  oldTitle: string | null;
  newTitle: string | null;
  /** word diff of the plain text (empty for a pure rename) */
  parts: Change[];
  /** the text is the same but its formatting or links changed */
  formattingOnly?: boolean;
}

/** Everything the draft changes, for "Show changes". */
export interface DraftChanges {
  sections: SectionChange[];
  moved: boolean;
  references: { added: Reference[]; removed: Reference[]; changed: Reference[] };
  infoboxChanged: boolean;
}

function inlineText(nodes: DocJSON[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      switch (node.type) {
        case "text":
          return node.text ?? "";
        case "hardBreak":
          return "\n";
        case "citation":
          return `[${String(node.attrs?.refKey)}]`;
        case "maintenanceTag":
          return `[${String(node.attrs?.kind)}]`;
        case "note":
          return `[note: ${inlineText(node.content)}]`;
        default:
          return inlineText(node.content);
      }
    })
    .join("");
}

/** A document as plain text for diffing: one line per block, citations as [key], notes and tags inline. */
export function plainText(doc: DocJSON | undefined): string {
  const lines: string[] = [];
  const visit = (node: DocJSON, prefix: string) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "quoteAttribution") {
      lines.push(prefix + inlineText(node.content));
    } else if (node.type === "listItem") {
      (node.content ?? []).forEach((child, index) => visit(child, index === 0 ? `${prefix}• ` : `${prefix}  `));
    } else if (node.type === "quoteBox") {
      (node.content ?? []).forEach((child) => visit(child, `${prefix}> `));
    } else {
      (node.content ?? []).forEach((child) => visit(child, prefix));
    }
  };
  if (doc) visit(doc, "");
  return lines.join("\n");
}

/** Compares the draft with the article it started from: sections by id, references by key, the infobox. */
export function compareDrafts(base: ArticleContent, draft: ArticleContent): DraftChanges {
  const oldById = new Map(base.sections.map((section) => [section.id, section]));
  const newIds = new Set(draft.sections.map((section) => section.id));
  const sections: SectionChange[] = [];
  for (const section of draft.sections) {
    const old = oldById.get(section.id);
    const newText = plainText(section.body);
    if (!old) {
      sections.push({ id: section.id, kind: "added", oldTitle: null, newTitle: section.title, parts: diffWords("", newText) });
      continue;
    }
    const oldText = plainText(old.body);
    const renamed = old.title !== section.title || old.level !== section.level;
    if (oldText !== newText) sections.push({ id: section.id, kind: "changed", oldTitle: old.title, newTitle: section.title, parts: diffWords(oldText, newText) });
    else if (!sameDoc(old.body, section.body)) sections.push({ id: section.id, kind: "changed", oldTitle: old.title, newTitle: section.title, parts: [], formattingOnly: true });
    else if (renamed) sections.push({ id: section.id, kind: "renamed", oldTitle: old.title, newTitle: section.title, parts: [] });
  }
  // A removed section is listed where it stood: right after its surviving predecessor.
  const draftIndex = new Map(draft.sections.map((section, index) => [section.id, index]));
  const position = new Map(sections.map((change) => [change.id, draftIndex.get(change.id)!]));
  let previous = -1;
  base.sections.forEach((section) => {
    if (newIds.has(section.id)) previous = draftIndex.get(section.id)!;
    else {
      sections.push({ id: section.id, kind: "removed", oldTitle: section.title, newTitle: null, parts: diffWords(plainText(section.body), "") });
      position.set(section.id, previous + 0.5);
    }
  });
  sections.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const kept = base.sections.filter((section) => newIds.has(section.id)).map((section) => section.id);
  const order = draft.sections.filter((section) => oldById.has(section.id)).map((section) => section.id);

  const oldRefs = new Map(base.references.map((reference) => [reference.key, reference]));
  const newRefs = new Map(draft.references.map((reference) => [reference.key, reference]));
  return {
    sections,
    moved: kept.join("\u0000") !== order.join("\u0000"),
    references: {
      added: draft.references.filter((reference) => !oldRefs.has(reference.key)),
      removed: base.references.filter((reference) => !newRefs.has(reference.key)),
      changed: draft.references.filter((reference) => oldRefs.has(reference.key) && !sameReference(oldRefs.get(reference.key), reference)),
    },
    infoboxChanged: !sameInfobox(base.infobox, draft.infobox),
  };
}
