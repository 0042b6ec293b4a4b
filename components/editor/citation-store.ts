import { walkArticleDocs } from "@/lib/document/walk";
import type { Infobox, Reference } from "@/lib/document/model";
import { citedKeys, countNotes } from "./sections";

/** Id of the main editor's document in the citation context (infobox editors use their JSON path). */
export const MAIN_DOC = "main";

/** What an editor needs to number its citations and letter its notes as the page will. */
export interface CitationContext {
  /** reference keys already numbered before this document, in order */
  keysBefore(docId: string): string[];
  /** notes already lettered before this document */
  notesBefore(docId: string): number;
  /** the reference behind a key, for the tooltip; undefined when the key is unknown */
  referenceOf(key: string): Reference | undefined;
}

/** A tiny observable holding the citation context; editors re-number when it changes. */
export interface CitationStore {
  get(): CitationContext;
  set(context: CitationContext): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a citation store. */
export function createCitationStore(initial: CitationContext): CitationStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(context) {
      current = context;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * The context of one draft. Whole mode: the infobox comes first on the page,
 * so each infobox field counts what precedes it and the main text counts the
 * whole infobox. Section mode: what precedes the section comes from the server.
 */
export function citationContext(options: {
  references: Reference[];
  infobox: Infobox | null;
  before?: { keys: string[]; notes: number };
}): CitationContext {
  const byKey = new Map(options.references.map((reference) => [reference.key, reference]));
  const keys = new Map<string, string[]>();
  const notes = new Map<string, number>();
  const seenDocs: Parameters<typeof citedKeys>[0] = [];
  if (options.infobox) {
    walkArticleDocs({ infobox: options.infobox, sections: [] }, (doc, path) => {
      keys.set(
        path,
        citedKeys(seenDocs).filter((key) => byKey.has(key)),
      );
      notes.set(path, countNotes(seenDocs));
      seenDocs.push(doc);
    });
  }
  keys.set(MAIN_DOC, options.before?.keys ?? citedKeys(seenDocs).filter((key) => byKey.has(key)));
  notes.set(MAIN_DOC, options.before?.notes ?? countNotes(seenDocs));
  return {
    keysBefore: (docId) => keys.get(docId) ?? [],
    notesBefore: (docId) => notes.get(docId) ?? 0,
    referenceOf: (key) => byKey.get(key),
  };
}
