"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import type { ReviewThreadView } from "@/lib/review-threads/read-threads";
import { callApi } from "@/components/ui/api-client";

/** What the viewer may do with threads, decided on the server (lib/authz/threads.ts) and decided again there on every request. */
export interface ThreadViewer {
  id: number | null;
  canComment: boolean;
  canSuggest: boolean;
  isAuthor: boolean;
  isReviewer: boolean;
}

/** The proposal the threads belong to, and its version on the page. */
export interface ThreadContext {
  proposalId: number;
  version: number;
  proposalAuthorId: number;
  viewer: ThreadViewer;
}

const ENTRY_WORDS: Record<string, string> = {
  resolve: "resolved the thread",
  reopen: "reopened the thread",
  apply: "applied the suggestion",
};

/** What a thread is anchored to, in words (`refTitle`: the title of the reference it names, when known). */
export function anchorLabel(thread: ReviewThreadView, refTitle?: string): string {
  switch (thread.anchorKind) {
    case "infobox":
      return "On the infobox";
    case "reference":
      return `On reference “${thread.quote || thread.refKey}”`;
    case "citation":
      return `On the citation of “${refTitle ?? thread.refKey}”`;
    case "range":
      return `On “${thread.quote}”`;
    default:
      return "On this paragraph";
  }
}

/** A textarea with its label, the one shape of every text box of a thread. */
function TextBox(props: {
  label: ReactNode;
  labelClass?: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  maxLength: number;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={props.labelClass}>
        {props.label}
      </label>
      <textarea
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        rows={props.rows}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        required
      />
    </>
  );
}

/** The server's refusal, announced to screen readers. */
function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

async function post(url: string, body: unknown, setError: (message: string) => void) {
  const result = await callApi("POST", url, body);
  if (!result.ok) return setError(result.error?.message ?? "That did not work; nothing was changed.");
  window.location.reload();
}

/** One review thread: its anchor, entries, suggestion, and the replies and actions the viewer may use. Resolved threads are folded. */
export function ThreadCard({
  thread,
  context,
  refTitle,
}: {
  thread: ReviewThreadView;
  context: ThreadContext;
  refTitle?: string;
}) {
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/proposals/${context.proposalId}/threads/${thread.id}`;
  const { viewer } = context;
  const mayResolve =
    viewer.canComment &&
    (viewer.isAuthor || viewer.isReviewer || (viewer.id !== null && viewer.id === thread.authorId));
  const run = async (url: string, body: unknown) => {
    setBusy(true);
    setError(null);
    await post(url, body, (message) => {
      setError(message);
      setBusy(false);
    });
  };
  const outdated = thread.place.state === "outdated";
  const status = thread.appliedInVersion
    ? `Applied in version ${thread.appliedInVersion}`
    : thread.resolved
      ? `Resolved by ${thread.resolved.by}`
      : outdated
        ? "Outdated"
        : "Open";
  return (
    <details
      className={`review-thread${thread.resolved ? " review-thread-resolved" : ""}${outdated ? " review-thread-outdated" : ""}`}
      id={`thread-${thread.id}`}
      open={!thread.resolved}
      data-thread-id={thread.id}
    >
      <summary>
        <span
          className={`thread-status thread-status-${thread.appliedInVersion ? "applied" : thread.resolved ? "resolved" : outdated ? "outdated" : "open"}`}
        >
          {status}
        </span>{" "}
        <span className="thread-anchor">{anchorLabel(thread, refTitle)}</span>{" "}
        <span className="form-hint">
          #{thread.id} by {thread.author}, on version {thread.version}
        </span>
      </summary>
      {outdated ? (
        <blockquote className="thread-outdated-quote">
          <span className="form-hint">
            {thread.place.state === "outdated" ? thread.place.reason : ""} It referred to:
          </span>
          <br />
          {thread.quote}
        </blockquote>
      ) : null}
      <ol className="thread-entries">
        {thread.entries.map((entry) => (
          <li key={entry.id} className={`thread-entry thread-entry-${entry.kind}`}>
            <b>
              <a href={`/user/${encodeURIComponent(entry.author)}`}>{entry.author}</a>
            </b>
            {entry.kind === "comment" ? null : ` ${ENTRY_WORDS[entry.kind] ?? entry.kind}`}{" "}
            <span className="form-hint">(version {entry.version})</span>
            {entry.body ? <p>{entry.body}</p> : null}
          </li>
        ))}
      </ol>
      {thread.suggestion !== null ? (
        <div className="thread-suggestion">
          <div className="thread-suggestion-label">Suggested change</div>
          <pre className="thread-suggestion-text">{thread.suggestion}</pre>
          {viewer.isAuthor && !thread.appliedInVersion ? (
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void run(`${base}/apply`, { version: context.version })}
            >
              Apply suggestion
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorLine error={error} />
      {viewer.canComment ? (
        <form
          className="thread-reply"
          onSubmit={(event) => {
            event.preventDefault();
            void run(`${base}/comments`, { body: reply });
          }}
        >
          <TextBox
            label={`Reply to thread #${thread.id}`}
            labelClass="visually-hidden"
            value={reply}
            onChange={setReply}
            rows={2}
            maxLength={5000}
            placeholder="Reply…"
          />
          <div className="thread-buttons">
            <button type="submit" disabled={busy}>
              Reply
            </button>
            {mayResolve ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(`${base}/${thread.resolved ? "reopen" : "resolve"}`, {})}
              >
                {thread.resolved ? "Reopen" : "Resolve"}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </details>
  );
}

/** A citation in a block, with the label the reader sees. */
export interface BlockCitation {
  refKey: string;
  label: string;
}

/**
 * "Add comment" on one block of the proposal's newest version: on the whole
 * paragraph, on the words selected in it, or on one of its citations, with a
 * suggested replacement for reviewers (prefilled with the block's markup).
 */
export function NewThreadForm({
  context,
  sectionId,
  blockIndex,
  citations,
  markup,
}: {
  context: ThreadContext;
  sectionId: string;
  blockIndex: number;
  citations: BlockCitation[];
  markup: string;
}) {
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState("block");
  const [quote, setQuote] = useState("");
  const [body, setBody] = useState("");
  const [suggest, setSuggest] = useState(false);
  const [suggestion, setSuggestion] = useState(markup);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  if (!open)
    return (
      <button
        type="button"
        className="thread-add"
        onClick={() => {
          // Words selected in the block become the range the comment is on.
          const selected = window.getSelection()?.toString().trim() ?? "";
          if (selected) {
            setTarget("range");
            setQuote(selected);
          }
          setOpen(true);
          requestAnimationFrame(() => form.current?.querySelector("textarea")?.focus());
        }}
      >
        Add comment
      </button>
    );
  const anchor =
    target === "range"
      ? { kind: "range", sectionId, blockIndex, quote }
      : target.startsWith("citation:")
        ? { kind: "citation", sectionId, blockIndex, refKey: target.slice("citation:".length) }
        : { kind: "block", sectionId, blockIndex };
  return (
    <form
      ref={form}
      className="form thread-new"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        await post(
          `/api/proposals/${context.proposalId}/threads`,
          { version: context.version, anchor, body, ...(suggest ? { suggestion } : {}) },
          (message) => {
            setError(message);
            setBusy(false);
          },
        );
      }}
    >
      <label>
        Comment on
        <select value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="block">this paragraph</option>
          <option value="range">some words of it</option>
          {citations.map((citation) => (
            <option key={citation.refKey} value={`citation:${citation.refKey}`}>
              the citation {citation.label}
            </option>
          ))}
        </select>
      </label>
      {target === "range" ? (
        <label>
          The words (as they read in the paragraph)
          <input value={quote} onChange={(event) => setQuote(event.target.value)} required maxLength={5000} />
        </label>
      ) : null}
      <TextBox label="Comment" value={body} onChange={setBody} rows={3} maxLength={5000} />
      {context.viewer.canSuggest ? (
        <label className="checkbox">
          <input type="checkbox" checked={suggest} onChange={(event) => setSuggest(event.target.checked)} /> Suggest a
          replacement for the paragraph
        </label>
      ) : null}
      {suggest ? (
        <TextBox
          label={
            <>
              Suggested paragraph{" "}
              <span className="form-hint">
                (one paragraph per line; ''italic'', '''bold''', [[ref:key]] for a citation)
              </span>
            </>
          }
          value={suggestion}
          onChange={setSuggestion}
          rows={4}
          maxLength={20000}
        />
      ) : null}
      <ErrorLine error={error} />
      <div className="thread-buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          Start thread
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
