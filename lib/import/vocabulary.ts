import type { ALL_MAINTENANCE_TAG_KINDS } from "../document/extensions/maintenance-tag";

/*
 * The templates the importer knows by name, shared with the exporter so that
 * what one writes the other reads back: maintenance tags, notes, citation
 * templates, quotations and the generated lists.
 */

type TagKind = (typeof ALL_MAINTENANCE_TAG_KINDS)[number];

/** The template the exporter writes for each tag kind (the importer reads these names too). */
export const TAG_TEMPLATE: Record<TagKind, string> = {
  "citation needed": "Citation needed",
  "clarification needed": "Clarify",
  "unreliable source?": "Unreliable source?",
  "dead link": "Dead link",
  "failed verification": "Failed verification",
  "better source needed": "Better source needed",
  dubious: "Dubious",
  vague: "Vague",
  "who?": "Who",
  "when?": "When",
  "which?": "Which",
  "by whom?": "By whom",
  "according to whom?": "According to whom",
  "page needed": "Page needed",
  "full citation needed": "Full citation needed",
  "verification needed": "Verification needed",
  "original research?": "Original research inline",
  "year needed": "Year needed",
  "attribution needed": "Attribution needed",
  "needs update": "Update inline",
  specify: "Specify",
  "permanent dead link": "Permanent dead link",
};

const TAG_ALIASES: Record<string, TagKind> = {
  "citation needed": "citation needed",
  cn: "citation needed",
  fact: "citation needed",
  "citation missing": "citation needed",
  "cite needed": "citation needed",
  "needs citation": "citation needed",
  clarify: "clarification needed",
  "clarification needed": "clarification needed",
  "unreliable source?": "unreliable source?",
  "unreliable source": "unreliable source?",
  "unreliable source inline": "unreliable source?",
  "dead link": "dead link",
  deadlink: "dead link",
  "permanent dead link": "permanent dead link",
  "failed verification": "failed verification",
  "not in citation given": "failed verification",
  "better source needed": "better source needed",
  "better source": "better source needed",
  dubious: "dubious",
  "dubious – discuss": "dubious",
  vague: "vague",
  who: "who?",
  "who?": "who?",
  when: "when?",
  "when?": "when?",
  which: "which?",
  "which?": "which?",
  "by whom": "by whom?",
  "by whom?": "by whom?",
  "according to whom": "according to whom?",
  "according to whom?": "according to whom?",
  "page needed": "page needed",
  "page number": "page needed",
  pn: "page needed",
  "full citation needed": "full citation needed",
  "verification needed": "verification needed",
  "verify source": "verification needed",
  "original research inline": "original research?",
  "or?": "original research?",
  "original research?": "original research?",
  "year needed": "year needed",
  "attribution needed": "attribution needed",
  "update inline": "needs update",
  "update after": "needs update",
  specify: "specify",
};
for (const [kind, name] of Object.entries(TAG_TEMPLATE)) TAG_ALIASES[name.toLowerCase()] = kind as TagKind;

/** The maintenance tag kind a template stands for, if it is an inline maintenance template. */
export function tagKindOf(key: string): TagKind | undefined {
  return Object.hasOwn(TAG_ALIASES, key) ? TAG_ALIASES[key] : undefined;
}

/** Footnote templates ({{efn}} and its list-style variants): their text becomes a note. */
export const NOTE_TEMPLATES = new Set([
  "efn",
  "efn-ua",
  "efn-lr",
  "efn-ur",
  "efn-lg",
  "efn-la",
  "refn",
  "notetag",
  "note tag",
  "anmerkung",
]);

/** Templates that only print a list the renderer makes itself (references, notes). */
export const GENERATED_LIST_TEMPLATES = new Set([
  "reflist",
  "notelist",
  "notelist-ua",
  "notelist-lr",
  "notelist-ur",
  "notelist-lg",
  "notelist-la",
  "references",
  "reflist-talk",
  "refs",
]);

/** Quotation templates that become the quote box. */
export const QUOTE_TEMPLATES = new Set(["quote box", "blockquote", "quote", "cquote", "quotation", "quote frame"]);

/** Citation templates whose fields become a reference's structured fields. */
export function isCitationTemplate(key: string): boolean {
  return (
    /^cite[ _]/.test(key) ||
    key === "citation" ||
    key === "cite" ||
    key === "internetquelle" ||
    key === "literatur" ||
    key === "vcite web" ||
    key === "vcite news"
  );
}

/** A citation template's parameter (English and German spellings) → the reference field it fills. */
export const CITE_FIELDS: Record<
  string,
  | "title"
  | "url"
  | "work"
  | "publisher"
  | "author"
  | "date"
  | "accessDate"
  | "archiveUrl"
  | "archiveDate"
  | "language"
  | "quote"
> = {
  title: "title",
  titel: "title",
  url: "url",
  "chapter-url": "url",
  website: "work",
  work: "work",
  newspaper: "work",
  journal: "work",
  magazine: "work",
  periodical: "work",
  encyclopedia: "work",
  publication: "work",
  werk: "work",
  sammelwerk: "work",
  publisher: "publisher",
  agency: "publisher",
  hrsg: "publisher",
  verlag: "publisher",
  date: "date",
  year: "date",
  datum: "date",
  jahr: "date",
  "access-date": "accessDate",
  accessdate: "accessDate",
  abruf: "accessDate",
  "archive-url": "archiveUrl",
  archiveurl: "archiveUrl",
  "archiv-url": "archiveUrl",
  "archive-date": "archiveDate",
  archivedate: "archiveDate",
  "archiv-datum": "archiveDate",
  language: "language",
  lang: "language",
  sprache: "language",
  quote: "quote",
  zitat: "quote",
  author: "author",
  autor: "author",
  authors: "author",
};

/** The sided rows of a conflict infobox: parameter stem → row label (combatant1, combatant2 → "Belligerents"). */
export const SIDED_ROWS: Record<string, string> = {
  combatant: "Belligerents",
  commander: "Commanders and leaders",
  units: "Units involved",
  strength: "Strength",
  casualties: "Casualties and losses",
};

/** The infobox parameter that names the subject, by infobox kind (the infobox's title). */
export function titleParamOf(kind: string): string {
  return kind.toLowerCase() === "military conflict" ? "conflict" : "name";
}
