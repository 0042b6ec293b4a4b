"use client";

import { useEffect } from "react";

/** Whether a key press belongs to a field being typed in (never taken over) or carries a modifier. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return Boolean(
    event.metaKey ||
      event.ctrlKey ||
      event.altKey ||
      (target && (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable)),
  );
}

/** Moves one step through `items` from the one marked current (or from before the first), marks and shows it. */
function step(items: HTMLElement[], by: 1 | -1, focusOf: (item: HTMLElement) => HTMLElement | null) {
  if (!items.length) return;
  const at = items.findIndex((item) => item.classList.contains("keyboard-current"));
  const next = items[at === -1 ? (by === 1 ? 0 : items.length - 1) : Math.min(Math.max(at + by, 0), items.length - 1)];
  for (const item of items) item.classList.remove("keyboard-current");
  next.classList.add("keyboard-current");
  next.scrollIntoView({ block: "nearest" });
  (focusOf(next) ?? next).focus();
}

/**
 * The queue's keys: j or ↓ the next proposal, k or ↑ the previous one (the
 * row's link takes the focus, so Enter opens it). Keys typed into the filter
 * fields are left alone.
 */
export function QueueKeys() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event)) return;
      const by =
        event.key === "j" || event.key === "ArrowDown" ? 1 : event.key === "k" || event.key === "ArrowUp" ? -1 : 0;
      if (!by) return;
      event.preventDefault();
      const rows = [...document.querySelectorAll<HTMLElement>("table.proposal-table tbody tr")];
      step(rows, by, (row) => row.querySelector("a"));
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <p className="form-hint keyboard-hint">
      Keys: <kbd>j</kbd> / <kbd>↓</kbd> next proposal · <kbd>k</kbd> / <kbd>↑</kbd> previous · <kbd>Enter</kbd> open
    </p>
  );
}

/**
 * Inside one proposal's diff: n the next changed section, p the previous one
 * (the sections shown; folded unchanged ones are skipped). j / k between
 * proposals stay with the decision form's keys.
 */
export function ChangeKeys() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event)) return;
      const by = event.key === "n" ? 1 : event.key === "p" ? -1 : 0;
      if (!by) return;
      event.preventDefault();
      const sections = [...document.querySelectorAll<HTMLElement>("section.diff-section")].filter(
        (section) => section.offsetParent !== null,
      );
      for (const section of sections) if (!section.hasAttribute("tabindex")) section.tabIndex = -1;
      step(sections, by, () => null);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <p className="form-hint keyboard-hint">
      Keys: <kbd>n</kbd> next change · <kbd>p</kbd> previous change
    </p>
  );
}
