/**
 * Authoring format for seed and generated articles: compact text with inline
 * markup, turned into document JSON by `./markup.ts`.
 *
 * Inline markup inside any string:
 *   [[ref:key]]                         citation of reference `key`
 *   [[note:text, may hold [[ref:key]]]] footnote (no nested notes)
 *   [[tag:clarification needed|2024-12]] maintenance tag: "citation needed",
 *                                        "clarification needed" or
 *                                        "unreliable source?", then YYYY-MM
 *   [[wiki:Target title|label]]         internal link (label optional)
 *   [[url:https://example.org/x|label]] external link (http or https only)
 *   '''bold'''   ''italic''
 */

/** A block: a string is one paragraph. */
export type SourceBlock =
  | string
  | { list: "bullet" | "ordered"; items: string[] }
  | { quote: string[]; attribution: string };

export interface SourceSection {
  /** stable id of the section, e.g. "sec-background" */
  id: string;
  /** empty for the lead */
  title: string;
  /** 0 for the lead, otherwise 2, 3 or 4 */
  level: 0 | 2 | 3 | 4;
  blocks: SourceBlock[];
}

export interface SourceReference {
  key: string;
  title: string;
  url?: string;
  work?: string;
  publisher?: string;
  authors?: string[];
  /** ISO date: YYYY-MM-DD, YYYY-MM or YYYY */
  date?: string;
  accessDate?: string;
  archiveUrl?: string;
  archiveDate?: string;
  /** language name, e.g. "Arabic" */
  language?: string;
  quote?: string;
}

export type SourceInfoboxRow =
  | { kind: "field"; label: string; value: SourceBlock[] }
  | { kind: "sides"; label: string; sides: SourceBlock[][]; footer?: SourceBlock[] };

export interface SourceInfobox {
  /** template kind, e.g. "military conflict" */
  kind: string;
  title: string;
  partOf?: string;
  imageCaption?: string;
  /** typed date range; the duration is computed */
  dateStart?: string;
  dateEnd?: string;
  rows: SourceInfoboxRow[];
}

export interface SourceArticle {
  title: string;
  infobox?: SourceInfobox;
  sections: SourceSection[];
  references: SourceReference[];
}
