import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    citation: {
      /** Insert a citation of the reference `refKey` at the selection, with its locator if any. */
      insertCitation: (refKey: string, locator?: CitationLocator) => ReturnType;
    };
  }
}

/**
 * Where in a reference one citation points (Wikipedia's sub-referencing): a
 * page range, a place that is not a page (a timestamp, a section, "ch. 3")
 * and a short quotation. Each is absent, never null or empty, so a citation
 * without one is stored exactly as before locators existed.
 */
export interface CitationLocator {
  pages?: string;
  at?: string;
  quote?: string;
}

/** The locator fields and their longest allowed values, in the order a reader sees them. */
export const LOCATOR_LIMITS = { pages: 100, at: 100, quote: 500 } as const;
export type LocatorField = keyof typeof LOCATOR_LIMITS;
export const LOCATOR_FIELDS = Object.keys(LOCATOR_LIMITS) as LocatorField[];

// C0 and C1 controls, DEL, and the invisible direction controls (which could make "p. 12" read as another page).
const LOCATOR_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * What is wrong with one locator field's value, naming the field, or null:
 * absent is fine; otherwise short, trimmed, one-line text. Shared by the
 * validator (the server's word) and the citation dialog (told while typing).
 */
export function locatorProblem(field: LocatorField, value: unknown): string | null {
  if (value === undefined) return null;
  const max = LOCATOR_LIMITS[field];
  if (typeof value !== "string" || value === "")
    return `${field} must be a non-empty string of at most ${max} characters, or left out`;
  if (value.length > max) return `${field} must be at most ${max} characters (it has ${value.length})`;
  if (value.trim() !== value) return `${field} must not start or end with spaces`;
  if (LOCATOR_FORBIDDEN.test(value)) return `${field} must not contain line breaks, control or direction characters`;
  return null;
}

/** The locator of a citation node's attributes: only the fields that are non-empty strings. */
export function locatorOf(attrs: Record<string, unknown> | undefined | null): CitationLocator {
  const locator: CitationLocator = {};
  for (const field of LOCATOR_FIELDS) {
    const value = attrs?.[field];
    if (typeof value === "string" && value !== "") locator[field] = value;
  }
  return locator;
}

/** Whether a locator says anything. */
export function hasLocator(locator: CitationLocator): boolean {
  return LOCATOR_FIELDS.some((field) => locator[field] !== undefined);
}

/** A string equal for equal locators ("" for none): citations of one reference with the same key share a sub-reference. */
export function locatorKey(locator: CitationLocator): string {
  return hasLocator(locator) ? JSON.stringify(LOCATOR_FIELDS.map((field) => locator[field] ?? null)) : "";
}

/** Where a locator points, without its quotation: "p. 12", "pp. 12–14", "p. 3, ch. 2", "01:23:45". */
export function locatorPlace(locator: CitationLocator): string {
  const parts: string[] = [];
  if (locator.pages !== undefined) parts.push(`${/[-–—,]/.test(locator.pages) ? "pp." : "p."} ${locator.pages}`);
  if (locator.at !== undefined) parts.push(locator.at);
  return parts.join(", ");
}

/** A locator in one line, as a diff shows it: "p. 12", "01:23:45: “quote”". */
export function locatorText(locator: CitationLocator): string {
  const place = locatorPlace(locator);
  const quote = locator.quote !== undefined ? `“${locator.quote}”` : "";
  return place && quote ? `${place}: ${quote}` : place || quote;
}

/** Reference keys: short, readable, URL-safe. */
export const REF_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/;

/**
 * An inline citation: points at a reference of the revision by key, so one
 * reference can be cited many times and edited once. Its number ([n]) is not
 * stored; it is computed from the order of first use when rendering.
 */
export const Citation = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      refKey: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-ref-key"),
        renderHTML: (attributes) => ({ "data-ref-key": attributes.refKey }),
      },
      // Absent by default (undefined, which JSON drops), not null: a citation without a locator keeps
      // the JSON it always had, so stored revisions, their content hashes and diffs stay as they were.
      ...Object.fromEntries(
        LOCATOR_FIELDS.map((field) => [
          field,
          {
            default: undefined,
            parseHTML: (element: HTMLElement) => element.getAttribute(`data-${field}`) || undefined,
            renderHTML: (attributes: Record<string, unknown>) =>
              typeof attributes[field] === "string" && attributes[field] !== ""
                ? { [`data-${field}`]: attributes[field] }
                : {},
          },
        ]),
      ),
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-citation]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["sup", mergeAttributes({ "data-citation": "", class: "citation" }, HTMLAttributes), "[*]"];
  },

  addCommands() {
    return {
      insertCitation:
        (refKey, locator = {}) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { refKey, ...locatorOf(locator as Record<string, unknown>) },
          }),
    };
  },
});
