import { diffArticles } from "../diff/article-diff";
import { plainText } from "../diff/tokens";
import type { BlockDiff, TokenRun } from "../diff/types";
import type { ArticleContent, DocJSON, Section } from "../document/model";

/**
 * Finer partial approval: the changed blocks of a section (paragraphs, list
 * items, the quote box) as parts a reviewer declines one by one. Block
 * identity is the diff engine's alignment of the base section's blocks with
 * the proposed section's (lib/diff): what the reviewer saw in the diff is
 * what they decline. Pure.
 */

/** One changed block of a section that a reviewer may decline on its own. */
export interface BlockPart {
  /**
   * Stable for a given base and version: `p3` is proposed block 3 (inserted,
   * changed or moved there), `b2` is base block 2 (removed); an item of a
   * changed list adds its own, `p4.p1` (item 1 of the list at proposed block 4).
   */
  id: string;
  op: "insert" | "delete" | "change" | "move";
  type: string;
  /** the block in the base (null when inserted) and in the proposal (null when removed) */
  from: DocJSON | null;
  to: DocJSON | null;
  /** how a reviewer reads where it is: "paragraph 3", "new item 2 of list 1" */
  label: string;
  /** for a changed block, the words the change adds and removes (the diff's word runs), so a part reads by what changed */
  words?: { added: string; removed: string };
}

/** Where each block of the accepted section comes from: kept as is, a part, or a list whose items are parts. */
type Slot =
  | { kind: "equal"; block: DocJSON; baseIndex: number }
  /** inserted or moved here: the proposal's block, present only when accepted */
  | { kind: "to"; part: BlockPart }
  /** removed or moved away: the base's block, present only when declined */
  | { kind: "from"; part: BlockPart; baseIndex: number }
  /** changed: the proposal's block when accepted, the base's when declined */
  | { kind: "both"; part: BlockPart; baseIndex: number }
  | { kind: "list"; from: DocJSON; to: DocJSON; baseIndex: number; slots: Slot[] };

/** The block parts of one changed section and how to put the section back together from a choice of them. */
export interface SectionBlocks {
  sectionId: string;
  parts: BlockPart[];
  slots: Slot[];
}

const LIST_TYPES = new Set(["bulletList", "orderedList"]);
const TYPE_NAMES: Record<string, string> = {
  paragraph: "paragraph",
  bulletList: "list",
  orderedList: "list",
  listItem: "item",
  quoteBox: "quote box",
  heading: "heading",
};
const typeName = (type: string) => TYPE_NAMES[type] ?? type;
const OP_WORDS: Record<BlockPart["op"], string> = { insert: "new ", delete: "removed ", change: "", move: "moved " };

/** The diff engine's alignment of two block lists (a fixed clock: the alignment must not depend on the machine's speed). */
function alignBlocks(from: DocJSON[], to: DocJSON[]): BlockDiff[] {
  const wrap = (content: DocJSON[]): ArticleContent => ({
    title: "",
    infobox: null,
    references: [],
    sections: [{ id: "s", title: "", level: 0, body: { type: "doc", content } }],
  });
  return diffArticles(wrap(from), wrap(to), { clock: () => 0 }).sections[0].blocks;
}

/** The 1-based number of blocks[index] among the blocks of its kind ("paragraph 3" is the third paragraph). */
function ordinal(blocks: DocJSON[], index: number): number {
  const name = typeName(blocks[index].type ?? "");
  return blocks.slice(0, index + 1).filter((block) => typeName(block.type ?? "") === name).length;
}

/** Both lists of the same type and attributes, so their items can be told apart; otherwise the list is one part. */
function sameListShell(from: DocJSON, to: DocJSON): boolean {
  if (from.type !== to.type || !LIST_TYPES.has(from.type ?? "")) return false;
  const { content: _a, ...fromShell } = from;
  const { content: _b, ...toShell } = to;
  return JSON.stringify(fromShell) === JSON.stringify(toShell);
}

/** Slots of an aligned pair of block lists; `prefix` and `where` place nested items ("p4." and " of list 2"). */
function planSlots(from: DocJSON[], to: DocJSON[], prefix: string, where: string): Slot[] {
  // The diff hands back the base's own block objects, so their indexes are found by identity.
  const baseIndexes = new Map<DocJSON, number[]>();
  from.forEach((block, index) => baseIndexes.set(block, [...(baseIndexes.get(block) ?? []), index]));
  const baseIndexOf = (block: DocJSON) => baseIndexes.get(block)?.shift() ?? -1;
  const moves = new Map<string, BlockPart>();
  const moveOf = (moveId: string, type: string) => {
    let part = moves.get(moveId);
    if (!part) moves.set(moveId, (part = { id: "", op: "move", type, from: null, to: null, label: "" }));
    return part;
  };
  const slots: Slot[] = [];
  let j = 0;
  for (const block of alignBlocks(from, to)) {
    const proposedLabel = (op: BlockPart["op"]) => `${OP_WORDS[op]}${typeName(block.type)} ${ordinal(to, j)}${where}`;
    switch (block.op) {
      case "equal":
        slots.push({ kind: "equal", block: block.to, baseIndex: baseIndexOf(block.from) });
        j++;
        break;
      case "insert":
        slots.push({
          kind: "to",
          part: {
            id: `${prefix}p${j}`,
            op: "insert",
            type: block.type,
            from: null,
            to: block.to,
            label: proposedLabel("insert"),
          },
        });
        j++;
        break;
      case "move-in": {
        const part = Object.assign(moveOf(block.moveId, block.type), {
          id: `${prefix}p${j}`,
          from: block.from,
          to: block.to,
          label: proposedLabel("move"),
          words: changedWords(block.runs),
        });
        slots.push({ kind: "to", part });
        j++;
        break;
      }
      case "delete":
      case "move-out": {
        const i = baseIndexOf(block.from);
        const part =
          block.op === "delete"
            ? {
                id: `${prefix}b${i}`,
                op: "delete" as const,
                type: block.type,
                from: block.from,
                to: null,
                label: `removed ${typeName(block.type)} ${ordinal(from, i)}${where}`,
              }
            : moveOf(block.moveId, block.type);
        slots.push({ kind: "from", part, baseIndex: i });
        break;
      }
      case "change": {
        const i = baseIndexOf(block.from);
        const items = sameListShell(block.from, block.to)
          ? planSlots(
              block.from.content ?? [],
              block.to.content ?? [],
              `${prefix}p${j}.`,
              ` of list ${ordinal(to, j)}${where}`,
            )
          : null;
        if (items?.some((slot) => slot.kind !== "equal"))
          slots.push({ kind: "list", from: block.from, to: block.to, baseIndex: i, slots: items });
        else
          slots.push({
            kind: "both",
            part: {
              id: `${prefix}p${j}`,
              op: "change",
              type: block.type,
              from: block.from,
              to: block.to,
              label: proposedLabel("change"),
              words: changedWords(block.runs),
            },
            baseIndex: i,
          });
        j++;
        break;
      }
    }
  }
  return slots;
}

/** Every part of a slot list, nested list items included, in reading order (a move once). */
function partsOf(slots: Slot[]): BlockPart[] {
  const parts = new Set<BlockPart>();
  for (const slot of slots) {
    if (slot.kind === "list") for (const part of partsOf(slot.slots)) parts.add(part);
    else if (slot.kind !== "equal") parts.add(slot.part);
  }
  return [...parts];
}

/** The block parts of a section the proposal changes (null when its blocks are all equal). Pure. */
export function sectionBlocks(base: Section, proposed: Section): SectionBlocks | null {
  const slots = planSlots(base.body.content ?? [], proposed.body.content ?? [], "", "");
  const parts = partsOf(slots);
  return parts.length ? { sectionId: proposed.id, parts, slots } : null;
}

/** The block parts of every changed section present in both versions, by section id. Pure. */
export function blockPlans(
  base: ArticleContent,
  proposed: ArticleContent,
  changedSections: string[],
): Map<string, SectionBlocks> {
  const baseById = new Map(base.sections.map((section) => [section.id, section]));
  const proposedById = new Map(proposed.sections.map((section) => [section.id, section]));
  const plans = new Map<string, SectionBlocks>();
  for (const id of changedSections) {
    const before = baseById.get(id);
    const after = proposedById.get(id);
    if (!before || !after || JSON.stringify(before.body) === JSON.stringify(after.body)) continue;
    const plan = sectionBlocks(before, after);
    if (plan) plans.set(id, plan);
  }
  return plans;
}

/** The id a block part goes by among all the parts of a proposal ("history/p3"): section ids never hold a slash. */
export const globalBlockId = (sectionId: string, partId: string) => `${sectionId}/${partId}`;

/**
 * The blocks of a section with the declined parts (local ids) undone:
 * a declined inserted block is left out, a declined removed block kept, a
 * declined changed block keeps its base text, a declined move stays where it
 * was. Between two unchanged blocks, the kept base blocks come in base order
 * when nothing of the proposal is kept there, and before the proposal's
 * blocks otherwise; so declining nothing gives the proposal and declining
 * everything the base.
 */
function mergeSlots(slots: Slot[], declined: Set<string>): DocJSON[] {
  const out: DocJSON[] = [];
  let gap: Array<Exclude<Slot, { kind: "equal" }>> = [];
  const flush = () => {
    const emitted = gap.flatMap((slot) => emit(slot, declined));
    const proposalKept = emitted.some((entry) => entry.proposed);
    const ordered = proposalKept
      ? [...emitted.filter((entry) => entry.baseOnly), ...emitted.filter((entry) => !entry.baseOnly)]
      : [...emitted].sort((a, b) => a.baseIndex - b.baseIndex);
    out.push(...ordered.map((entry) => entry.block));
    gap = [];
  };
  for (const slot of slots) {
    if (slot.kind !== "equal") {
      gap.push(slot);
      continue;
    }
    flush();
    out.push(slot.block);
  }
  flush();
  return out;
}

/** What one slot puts into the accepted section, and whether it is the proposal's text. */
function emit(
  slot: Exclude<Slot, { kind: "equal" }>,
  declined: Set<string>,
): Array<{ block: DocJSON; proposed: boolean; baseOnly: boolean; baseIndex: number }> {
  switch (slot.kind) {
    case "to":
      return declined.has(slot.part.id)
        ? []
        : [{ block: slot.part.to!, proposed: true, baseOnly: false, baseIndex: -1 }];
    case "from":
      return declined.has(slot.part.id)
        ? [{ block: slot.part.from!, proposed: false, baseOnly: true, baseIndex: slot.baseIndex }]
        : [];
    case "both": {
      const kept = !declined.has(slot.part.id);
      return [
        { block: kept ? slot.part.to! : slot.part.from!, proposed: kept, baseOnly: false, baseIndex: slot.baseIndex },
      ];
    }
    case "list": {
      const kept = partsOf(slot.slots).some((part) => !declined.has(part.id));
      const items = mergeSlots(slot.slots, declined);
      const { content: _items, ...shell } = kept ? slot.to : slot.from;
      // A list needs an item: one whose items were all declined away is left out.
      return items.length
        ? [{ block: { ...shell, content: items }, proposed: kept, baseOnly: false, baseIndex: slot.baseIndex }]
        : [];
    }
  }
}

/**
 * The proposed section with the declined block parts (local ids) undone
 * (mergeSlots). Declining every block of a section that is not renamed
 * gives the base section itself. Pure.
 */
export function mergeSectionBlocks(
  base: Section,
  proposed: Section,
  plan: SectionBlocks,
  declined: Set<string>,
): Section {
  const sameMeta = base.title === proposed.title && base.level === proposed.level;
  if (sameMeta && plan.parts.every((part) => declined.has(part.id))) return base;
  const content = mergeSlots(plan.slots, declined);
  return { ...proposed, body: { ...proposed.body, content: content.length ? content : [{ type: "paragraph" }] } };
}

/** The words a word diff adds and removes, each as a short excerpt (empty when the block was compared whole). */
function changedWords(runs: TokenRun[] | null): { added: string; removed: string } | undefined {
  if (!runs) return undefined;
  const text = (op: TokenRun["op"]) =>
    excerpt(
      runs
        .filter((run) => run.op === op)
        .flatMap((run) => run.tokens.map((token) => (token.kind === "text" ? token.text : " ")))
        .join(""),
    );
  return { added: text("insert"), removed: text("delete") };
}

/** The first `words` words of a text, with an ellipsis when there are more. */
function excerpt(text: string, words = 8): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(" ")}…` : all.join(" ");
}

/** The first words of a block's text, for a reviewer's or author's eye: "The offensive began on…". Pure. */
export function blockExcerpt(block: DocJSON | null, words = 8): string {
  return excerpt(blockText(block), words);
}

/** The plain text of a block (citations as [key]), paragraphs and items on their own lines. Pure. */
export function blockText(block: DocJSON | null): string {
  if (!block) return "";
  const lines: string[] = [];
  const visit = (node: DocJSON) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "quoteAttribution")
      lines.push(plainText(node));
    else (node.content ?? []).forEach(visit);
  };
  visit(block);
  return lines.join("\n").trim();
}
