import type { CitationLocator } from "../document/extensions/citation";
import type { ArticleContent, DocJSON, Infobox, Reference, Section } from "../document/model";

/** A word-level token of a block: text words and spaces, and each inline node as a token of its own. */
export type Token =
  | { kind: "text"; text: string; marks: string }
  /** a citation, with its locator when it has one (absent otherwise, so old diffs' tokens are unchanged) */
  | { kind: "citation"; refKey: string; locator?: CitationLocator }
  | { kind: "note"; text: string }
  | { kind: "tag"; tag: string; date: string }
  | { kind: "break"; label: string };

/** A run of tokens that are equal, inserted or deleted. */
export interface TokenRun {
  op: "equal" | "insert" | "delete";
  tokens: Token[];
}

/**
 * One top-level block of a section (paragraph, list, quote box) in the diff.
 * `from`/`to` carry the blocks themselves so that the diff is complete:
 * applying it to the old revision rebuilds the new one exactly.
 */
export type BlockDiff =
  | { op: "equal"; type: string; from: DocJSON; to: DocJSON }
  | { op: "insert"; type: string; to: DocJSON; tokens: Token[] }
  | { op: "delete"; type: string; from: DocJSON; tokens: Token[] }
  | { op: "change"; type: string; from: DocJSON; to: DocJSON; runs: TokenRun[] | null }
  /** the block left this place for `moveId` (shown where it was) */
  | { op: "move-out"; type: string; from: DocJSON; tokens: Token[]; moveId: string; toSectionId: string }
  /** the block arrived here from `moveId`, with its own small changes */
  | {
      op: "move-in";
      type: string;
      from: DocJSON;
      to: DocJSON;
      runs: TokenRun[] | null;
      moveId: string;
      fromSectionId: string;
    };

export type SectionStatus = "unchanged" | "changed" | "added" | "removed";

export interface SectionDiff {
  id: string;
  status: SectionStatus;
  /** the section as it was and as it is (null when added / removed) */
  from: Omit<Section, "body"> | null;
  to: Omit<Section, "body"> | null;
  renamed: boolean;
  relevelled: boolean;
  /** its position among the sections changed relative to the others */
  moved: boolean;
  blocks: BlockDiff[];
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type ReferenceDiff =
  | { op: "added"; key: string; to: Reference }
  | { op: "removed"; key: string; from: Reference; stillCitedInFrom: boolean }
  | { op: "changed"; key: string; from: Reference; to: Reference; fields: FieldChange[] };

export interface InfoboxCellDiff {
  /** e.g. "Status", "Belligerents (side 2)", "Date" */
  label: string;
  op: "added" | "removed" | "changed";
  runs: TokenRun[];
}

export interface NoteDiff {
  op: "added" | "removed" | "changed";
  runs: TokenRun[];
}

export interface ArticleDiff {
  title: { from: string; to: string } | null;
  sections: SectionDiff[];
  references: ReferenceDiff[];
  infobox: { from: Infobox | null; to: Infobox | null; cells: InfoboxCellDiff[] } | null;
  notes: NoteDiff[];
  /** references the change left uncited (dropped), and citations that point nowhere */
  flags: { droppedReferences: string[]; danglingCitations: string[] };
  /** true when the time budget ran out and changed blocks were compared as wholes */
  coarse: boolean;
  stats: {
    sectionsChanged: number;
    blocksInserted: number;
    blocksDeleted: number;
    blocksChanged: number;
    blocksMoved: number;
    wordsInserted: number;
    wordsDeleted: number;
  };
}

export type { ArticleContent };
