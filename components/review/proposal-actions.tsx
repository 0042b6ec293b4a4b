"use client";

import { useEffect, useRef, useState } from "react";
import type { ArticleDiff } from "@/lib/diff/types";
import {
  acceptedWithDependencies,
  brokenDependencies,
  declinedWithDependants,
  explainBrokenDependency,
  partKey,
  withDeclinedBlocks,
  type PartDependency,
  type ProposalPart,
} from "@/lib/proposals/part-dependencies";
import type { TDecisionResponse } from "@/lib/contracts/proposals";
import { callApi } from "../ui/api-client";
import { BlockParts } from "./blocks-parts";

export interface DecidablePart {
  kind: "section" | "reference" | "infobox" | "block";
  id: string;
  label: string;
  /** how a sentence names it: "section ‘Background’" (describePart) */
  name: string;
  /** a block part's section and first words (blocks-parts.tsx) */
  section?: string;
  excerpt?: string;
  words?: { added: string; removed: string };
}

/** What the server sends back (409) when the author posted a newer version than the one shown. */
interface StaleVersion {
  seenVersion: number;
  currentVersion: number;
  diff: Pick<ArticleDiff, "sections" | "references" | "infobox">;
}

/** The changes between the version shown and the current one, as lines a reviewer reads. */
function describeChanges(diff: StaleVersion["diff"]): string[] {
  const lines = diff.sections
    .filter((section) => section.status !== "unchanged" || section.moved || section.renamed)
    .map(
      (section) =>
        `Section “${(section.to ?? section.from)?.title || "Lead"}” ${section.status === "unchanged" ? (section.renamed ? "renamed" : "moved") : section.status}`,
    );
  for (const reference of diff.references) lines.push(`Reference ${reference.key} ${reference.op}`);
  if (diff.infobox) lines.push("Infobox changed");
  return lines;
}

/**
 * A reviewer's decision controls: approve (optionally declining parts, each
 * with a reason), reject (reason required), request changes. Every decision
 * names the version shown (`version`), so a newer version the author posted
 * meanwhile is never decided unseen: the server refuses, and the form says
 * what changed. Declining a part declines the parts that need it along with
 * it (a section citing a declined new reference), and accepting one accepts
 * what it needs, so the choice sent is one the server accepts. Keyboard: a
 * approve, r reject, c request changes, j / k next / previous proposal.
 */
export function ReviewActions({
  proposalId,
  version,
  parts,
  dependencies,
  nextId,
  previousId,
  approveBlocked,
}: {
  proposalId: number;
  version: number;
  parts: DecidablePart[];
  dependencies: PartDependency[];
  nextId: number | null;
  previousId: number | null;
  /** why this reviewer cannot approve now (a conflict with the current revision, or the article's protection), or null */
  approveBlocked: string | null;
}) {
  const canApprove = approveBlocked === null;
  const [comment, setComment] = useState("");
  const [declined, setDeclined] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [stale, setStale] = useState<StaleVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const labels = new Map(parts.map((part) => [partKey(part), part.name]));
  const labelOf = (part: ProposalPart) => labels.get(partKey(part)) ?? `${part.kind} ${part.id}`;
  // Block parts are listed under their section (blocks-parts.tsx).
  const wholeParts = parts.filter((part) => part.kind !== "block");

  /** Declines a part and everything that needs it (each dependant gets a reason saying why); accepting one accepts what it needs. */
  function choose(part: DecidablePart, accept: boolean) {
    const next = { ...declined };
    if (accept) {
      for (const needed of acceptedWithDependencies(dependencies, part)) delete next[partKey(needed)];
      // Accepting a section again takes back the blocks declined with it.
      for (const edge of dependencies)
        if (edge.via === "within" && partKey(edge.dependency) === partKey(part)) delete next[partKey(edge.dependant)];
    } else {
      for (const dependant of declinedWithDependants(dependencies, part)) {
        const key = partKey(dependant);
        if (next[key] === undefined)
          next[key] = key === partKey(part) ? "" : `Depends on ${labelOf(part)}, which is declined.`;
      }
    }
    setDeclined(next);
  }

  async function send(action: "approve" | "reject" | "request-changes") {
    if ((action === "reject" || action === "request-changes") && !comment.trim()) {
      setMessage({
        ok: false,
        text:
          action === "reject"
            ? "Give a reason for the rejection; the author will read it."
            : "Say what should change; the author will read it.",
      });
      commentRef.current?.focus();
      return;
    }
    const declinedParts = parts
      .filter((part) => declined[partKey(part)] !== undefined)
      // The blocks of a declined section go with it unnamed.
      .filter((part) => part.kind !== "block" || declined[`section:${part.section}`] === undefined)
      .map((part) => ({ kind: part.kind, id: part.id, reason: declined[partKey(part)] ?? "" }));
    if (action === "approve") {
      if (declinedParts.some((part) => !part.reason.trim()))
        return setMessage({ ok: false, text: "Each declined part needs a reason." });
      const broken = brokenDependencies(
        dependencies,
        withDeclinedBlocks(dependencies, new Set(declinedParts.map(partKey))),
      );
      if (broken.length)
        return setMessage({ ok: false, text: broken.map((edge) => explainBrokenDependency(edge, labelOf)).join(" ") });
    }
    setBusy(true);
    const body =
      action === "approve"
        ? { version, comment, declined: declinedParts }
        : action === "reject"
          ? { version, reason: comment }
          : { version, comment };
    const result = await callApi<TDecisionResponse>("POST", `/api/proposals/${proposalId}/${action}`, body);
    setBusy(false);
    const details = result.error?.details as (StaleVersion & { reason?: string }) | undefined;
    if (result.status === 409 && details?.reason === "stale_version") {
      setMessage(null);
      return setStale(details);
    }
    if (!result.ok) return setMessage({ ok: false, text: result.error?.message ?? "The decision failed." });
    setMessage({ ok: true, text: `Done: ${result.data!.status.replace("_", " ")}.` });
    window.location.reload();
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
        return;
      if (event.key === "j" && nextId) window.location.assign(`/proposals/${nextId}`);
      else if (event.key === "k" && previousId) window.location.assign(`/proposals/${previousId}`);
      else if (event.key === "a" && canApprove && !stale) void send("approve");
      else if (event.key === "r" || event.key === "c") {
        event.preventDefault();
        commentRef.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  /** "cited by: Background" under a reference, "cites: smith2024" under a section, and so on. */
  function relations(part: DecidablePart): string[] {
    const key = partKey(part);
    const lines: string[] = [];
    const citedBy = dependencies
      .filter((edge) => edge.via === "cites" && partKey(edge.dependency) === key)
      .map((edge) => labelOf(edge.dependant));
    const cites = dependencies
      .filter((edge) => edge.via === "cites" && partKey(edge.dependant) === key)
      .map((edge) => labelOf(edge.dependency));
    const removalNeeds = dependencies
      .filter((edge) => edge.via === "uncites" && partKey(edge.dependant) === key)
      .map((edge) => labelOf(edge.dependency));
    const enablesRemoval = dependencies
      .filter((edge) => edge.via === "uncites" && partKey(edge.dependency) === key)
      .map((edge) => labelOf(edge.dependant));
    if (citedBy.length) lines.push(`cited by: ${citedBy.join(", ")}`);
    if (cites.length) lines.push(`cites: ${cites.join(", ")}`);
    if (removalNeeds.length) lines.push(`removal needs: ${removalNeeds.join(", ")}`);
    if (enablesRemoval.length) lines.push(`needed to remove: ${enablesRemoval.join(", ")}`);
    return lines;
  }

  return (
    <section className="review-actions" aria-labelledby="review-actions-title">
      <h2 id="review-actions-title">Decide on version {version}</h2>
      {stale ? (
        <div className="stale-version form-error" role="alert">
          <p>
            <b>The author changed the proposal since you opened it</b>: you saw version {stale.seenVersion}, it is now
            version {stale.currentVersion}. Nothing was decided.
          </p>
          {describeChanges(stale.diff).length ? (
            <ul className="stale-version-changes">
              {describeChanges(stale.diff).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          <a className="button-primary" href={`/proposals/${proposalId}`}>
            Review version {stale.currentVersion}
          </a>
        </div>
      ) : null}
      {parts.length > 1 ? (
        <fieldset className="review-parts">
          <legend>
            Accept the parts you agree with (uncheck to decline, with a reason; parts that need it are declined with it)
          </legend>
          {wholeParts.map((part) => {
            const key = partKey(part);
            const isDeclined = declined[key] !== undefined;
            const related = relations(part);
            return (
              <div key={key} className="review-part">
                <label>
                  <input
                    type="checkbox"
                    checked={!isDeclined}
                    onChange={(event) => choose(part, event.target.checked)}
                  />{" "}
                  {part.label}
                </label>
                {related.length ? (
                  <span className="review-part-relations form-hint"> ({related.join("; ")})</span>
                ) : null}
                {isDeclined ? (
                  <input
                    className="review-part-reason"
                    aria-label={`Reason for declining ${part.label}`}
                    placeholder="Why it is declined"
                    value={declined[key]}
                    onChange={(event) => setDeclined({ ...declined, [key]: event.target.value })}
                  />
                ) : null}
                <BlockParts
                  section={part}
                  blocks={parts.filter((block) => block.kind === "block" && block.section === part.id)}
                  declined={declined}
                  onChoose={choose}
                  onReason={(block, reason) => setDeclined({ ...declined, [partKey(block)]: reason })}
                  relations={relations}
                />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <label className="review-comment">
        Comment or reason
        <textarea
          ref={commentRef}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={3}
          maxLength={2000}
          placeholder="Optional for an approval; required to reject or to request changes"
        />
      </label>
      <div className="review-buttons">
        <button
          type="button"
          className="button-primary button-approve"
          disabled={busy || !canApprove || Boolean(stale)}
          onClick={() => send("approve")}
          title="Approve (a)"
        >
          {Object.values(declined).some((value) => value !== undefined) ? "Approve the accepted parts" : "Approve"}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || Boolean(stale)}
          onClick={() => send("request-changes")}
          title="Request changes (c, then type)"
        >
          Request changes
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={busy || Boolean(stale)}
          onClick={() => send("reject")}
          title="Reject (r, then type the reason)"
        >
          Reject
        </button>
      </div>
      {approveBlocked ? <p className="form-hint">{approveBlocked}</p> : null}
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
