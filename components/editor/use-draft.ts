"use client";

import { useCallback, useEffect, useRef } from "react";
import { SECTION_ID_PATTERN } from "@/lib/document/ids";
import type { DocJSON, Infobox, Reference } from "@/lib/document/model";

/** What is kept in localStorage so that a closed tab or a crash loses nothing. */
export interface StoredDraft {
  version: 1;
  savedAt: string;
  baseRevisionId: number | null;
  doc: DocJSON;
  /** references new or changed in the draft (the others come from the article) */
  references: Reference[];
  infobox: Infobox | null;
  summary: string;
  minor: boolean;
}

/** The localStorage key of a draft: one per article and section (or the whole article). */
export function draftKey(slug: string, sectionId: string | null): string {
  return `wiki-draft:${slug}:${sectionId ?? "whole"}`;
}

/** Reads a stored draft, or null when there is none or it cannot be read. */
export function readDraft(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as StoredDraft;
    return draft?.version === 1 && draft.doc?.type === "doc" ? draft : null;
  } catch {
    return null;
  }
}

/** The stored drafts of every section editor of `slug` (each under its own key), for the whole-article editor. */
export function readSectionDrafts(slug: string): Array<{ sectionId: string; draft: StoredDraft }> {
  const prefix = `wiki-draft:${slug}:`;
  const found: Array<{ sectionId: string; draft: StoredDraft }> = [];
  try {
    for (let index = 0; index < window.localStorage.length; index++) {
      const key = window.localStorage.key(index);
      if (!key?.startsWith(prefix)) continue;
      const sectionId = key.slice(prefix.length);
      // Another article whose slug starts with this one's and a colon leaves a colon in the rest.
      if (sectionId === "whole" || !SECTION_ID_PATTERN.test(sectionId)) continue;
      const draft = readDraft(key);
      if (draft) found.push({ sectionId, draft });
    }
  } catch {
    // No storage, no drafts.
  }
  return found;
}

/** Writes a draft at once; false when the browser would not keep it. */
export function writeDraft(key: string, draft: StoredDraft): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Removes a stored draft (after it was carried elsewhere, or published). */
export function removeDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to remove when storage is unavailable.
  }
}

/**
 * Debounced storage of the draft under `key`: `schedule` on every change,
 * `flush` before leaving, `clear` after a successful save. A full or
 * unavailable localStorage is reported once through `onError`, never thrown.
 */
export function useDraftStorage(key: string, build: () => StoredDraft | null, onError: (message: string) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const buildRef = useRef(build);
  buildRef.current = build;
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const failed = useRef(false);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = buildRef.current();
    if (!draft) return;
    try {
      window.localStorage.setItem(key, JSON.stringify(draft));
    } catch {
      if (!failed.current)
        errorRef.current(
          "Your browser would not keep a copy of this draft (storage full or disabled). Save soon, or copy your text.",
        );
      failed.current = true;
    }
  }, [key]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, 600);
  }, [flush]);

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear when storage is unavailable.
    }
  }, [key]);

  // Leaving the page (or hiding it on a phone) writes the latest state at once.
  useEffect(() => {
    const onHide = () => {
      if (timer.current) flush();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [flush]);

  return { schedule, flush, clear };
}

/** Asks before leaving the page while `active` (unsaved changes), unless `leaving` says the page is going on purpose. */
export function useBeforeUnload(active: boolean, leaving: { current: boolean }) {
  useEffect(() => {
    if (!active) return;
    const handler = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", handler);
    return () => window.removeEventListener("beforeunload", handler);
  }, [active, leaving]);
}
