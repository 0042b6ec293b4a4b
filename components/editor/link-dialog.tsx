"use client";

import { useState, type FormEvent } from "react";
import { titleProblem } from "@/lib/articles/titles";
import { isSafeHttpUrl } from "@/lib/document/url";
import { Dialog } from "./dialog";

/** Where a link points: a web page (the `link` mark) or an article of this wiki (the `wikiLink` mark). */
export type LinkTarget = { kind: "external"; href: string } | { kind: "internal"; title: string };

/**
 * Reads what the user typed: http(s) URLs are external links, other schemes
 * (javascript:, mailto:, ftp://…) are refused, anything else is an article title.
 */
export function parseLinkTarget(raw: string): LinkTarget | { problem: string } {
  const value = raw.trim();
  if (!value) return { problem: "Type a web address or the title of an article." };
  if (/^https?:/i.test(value))
    return isSafeHttpUrl(value)
      ? { kind: "external", href: value }
      : { problem: "This web address is not valid. Check it and try again." };
  if (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
    /^(javascript|data|vbscript|file|mailto|tel|blob|about|ftp|sms):/i.test(value)
  ) {
    return { problem: "Only http:// and https:// web addresses can be linked." };
  }
  const problem = titleProblem(value);
  return problem ? { problem: `Not a valid article title: ${problem}` } : { kind: "internal", title: value };
}

/** The link dialog: one field for a URL or an article title, plus the text when nothing is selected. */
export function LinkDialog({
  initial,
  needsText,
  onApply,
  onRemove,
  onClose,
}: {
  initial: string;
  needsText: boolean;
  onApply: (target: LinkTarget, text: string | null) => void;
  onRemove: (() => void) | null;
  onClose: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = value.trim() ? parseLinkTarget(value) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = parseLinkTarget(value);
    if ("problem" in target) return setProblem(target.problem);
    onApply(target, needsText ? text.trim() || null : null);
  }

  return (
    <Dialog title={initial ? "Edit link" : "Insert link"} onClose={onClose} className="link-dialog">
      <form className="dialog-panel link-form" onSubmit={submit} noValidate>
        <label htmlFor="link-target">Link to</label>
        <input
          id="link-target"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
          }}
          placeholder="Article title or https://…"
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby="link-hint"
          data-autofocus=""
        />
        <span id="link-hint" className={problem ? "field-problem" : "field-hint"} role={problem ? "alert" : undefined}>
          {problem ??
            (parsed && !("problem" in parsed)
              ? parsed.kind === "external"
                ? `External link to ${parsed.href}`
                : `Link to the article “${parsed.title}”`
              : "A web address (http:// or https://) or the title of an article of this wiki.")}
        </span>
        {needsText ? (
          <>
            <label htmlFor="link-text">Text to show</label>
            <input
              id="link-text"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder="Defaults to the link target"
              autoComplete="off"
            />
          </>
        ) : null}
        <div className="reference-form-actions">
          <button type="submit" className="editor-button primary">
            {initial ? "Update link" : "Insert link"}
          </button>
          {onRemove ? (
            <button type="button" className="editor-button danger" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <button type="button" className="editor-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
