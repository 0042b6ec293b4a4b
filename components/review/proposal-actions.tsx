"use client";

import { useEffect, useRef, useState } from "react";
import { callApi } from "../ui/api-client";

export interface DecidablePart {
  kind: "section" | "reference" | "infobox";
  id: string;
  label: string;
}

/**
 * A reviewer's decision controls: approve (optionally declining parts, each
 * with a reason), reject (reason required), request changes. Keyboard: a
 * approve, r reject, c request changes, j / k next / previous proposal.
 */
export function ReviewActions({ proposalId, parts, nextId, previousId, canApprove }: { proposalId: number; parts: DecidablePart[]; nextId: number | null; previousId: number | null; canApprove: boolean }) {
  const [comment, setComment] = useState("");
  const [declined, setDeclined] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  async function send(action: "approve" | "reject" | "request-changes") {
    if ((action === "reject" || action === "request-changes") && !comment.trim()) {
      setMessage({ ok: false, text: action === "reject" ? "Give a reason for the rejection; the author will read it." : "Say what should change; the author will read it." });
      commentRef.current?.focus();
      return;
    }
    const declinedParts = parts.filter((part) => declined[`${part.kind}:${part.id}`] !== undefined).map((part) => ({ kind: part.kind, id: part.id, reason: declined[`${part.kind}:${part.id}`] ?? "" }));
    if (declinedParts.some((part) => !part.reason.trim())) return setMessage({ ok: false, text: "Each declined part needs a reason." });
    setBusy(true);
    const body = action === "approve" ? { comment, declined: declinedParts } : action === "reject" ? { reason: comment } : { comment };
    const result = await callApi<{ status: string; revisionId: number | null }>("POST", `/api/proposals/${proposalId}/${action}`, body);
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error?.message ?? "The decision failed." });
    setMessage({ ok: true, text: `Done: ${result.data!.status.replace("_", " ")}.` });
    window.location.reload();
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (event.key === "j" && nextId) window.location.assign(`/proposals/${nextId}`);
      else if (event.key === "k" && previousId) window.location.assign(`/proposals/${previousId}`);
      else if (event.key === "a" && canApprove) void send("approve");
      else if (event.key === "r" || event.key === "c") {
        event.preventDefault();
        commentRef.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <section className="review-actions" aria-labelledby="review-actions-title">
      <h2 id="review-actions-title">Decide</h2>
      {parts.length > 1 ? (
        <fieldset className="review-parts">
          <legend>Accept the parts you agree with (uncheck to decline, with a reason)</legend>
          {parts.map((part) => {
            const key = `${part.kind}:${part.id}`;
            const isDeclined = declined[key] !== undefined;
            return (
              <div key={key} className="review-part">
                <label>
                  <input type="checkbox" checked={!isDeclined} onChange={(event) => setDeclined({ ...declined, [key]: event.target.checked ? undefined : "" })} /> {part.label}
                </label>
                {isDeclined ? (
                  <input className="review-part-reason" aria-label={`Reason for declining ${part.label}`} placeholder="Why it is declined" value={declined[key]} onChange={(event) => setDeclined({ ...declined, [key]: event.target.value })} />
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <label className="review-comment">
        Comment or reason
        <textarea ref={commentRef} value={comment} onChange={(event) => setComment(event.target.value)} rows={3} maxLength={2000} placeholder="Optional for an approval; required to reject or to request changes" />
      </label>
      <div className="review-buttons">
        <button type="button" className="button-primary button-approve" disabled={busy || !canApprove} onClick={() => send("approve")} title="Approve (a)">
          {Object.values(declined).some((value) => value !== undefined) ? "Approve the accepted parts" : "Approve"}
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => send("request-changes")} title="Request changes (c, then type)">
          Request changes
        </button>
        <button type="button" className="button-danger" disabled={busy} onClick={() => send("reject")} title="Reject (r, then type the reason)">
          Reject
        </button>
      </div>
      {!canApprove ? <p className="form-hint">This proposal conflicts with the current revision; it can be approved once the author resolves it.</p> : null}
      <p className="form-hint">Keys: a approve · r reject · c request changes · j next · k previous</p>
      {message ? (
        <p role="status" className={message.ok ? "form-ok" : "form-error"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

/** The proposer's controls: withdraw an open proposal. */
export function AuthorActions({ proposalId }: { proposalId: number }) {
  const [error, setError] = useState<string | null>(null);
  async function withdraw() {
    if (!window.confirm("Withdraw this proposal? It stays readable but can no longer be approved.")) return;
    const result = await callApi("POST", `/api/proposals/${proposalId}/withdraw`, {});
    if (!result.ok) return setError(result.error?.message ?? "Could not withdraw.");
    window.location.reload();
  }
  return (
    <div className="author-actions">
      <button type="button" className="button-secondary" onClick={withdraw}>
        Withdraw proposal
      </button>
      {error ? <p className="form-error">{error}</p> : null}
    </div>
  );
}

/** The comment box of a proposal's discussion. */
export function CommentForm({ proposalId }: { proposalId: number }) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await callApi("POST", `/api/proposals/${proposalId}/comments`, { body });
    if (!result.ok) return setError(result.error?.message ?? "Could not post the comment.");
    window.location.reload();
  }
  return (
    <form className="form comment-form" onSubmit={submit}>
      {error ? <p className="form-error">{error}</p> : null}
      <label>
        Add to the discussion
        <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} maxLength={5000} required />
      </label>
      <button type="submit" className="button-primary">
        Post comment
      </button>
    </form>
  );
}
