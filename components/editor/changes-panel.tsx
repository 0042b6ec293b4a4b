"use client";

import { useEffect, useRef } from "react";
import type { Change } from "diff";
import type { DraftChanges, SectionChange } from "./changes";

const CONTEXT = 110;

/** Shortens long unchanged stretches so the changes stand out. */
function trimContext(value: string, position: "first" | "middle" | "last"): string {
  if (value.length <= CONTEXT * 2 + 20) return value;
  if (position === "first") return `…${value.slice(-CONTEXT)}`;
  if (position === "last") return `${value.slice(0, CONTEXT)}…`;
  return `${value.slice(0, CONTEXT)} … ${value.slice(-CONTEXT)}`;
}

function WordDiff({ parts }: { parts: Change[] }) {
  return (
    <p className="word-diff">
      {parts.map((part, index) => {
        if (part.added) return <ins key={index}>{part.value}</ins>;
        if (part.removed) return <del key={index}>{part.value}</del>;
        const position = index === 0 ? "first" : index === parts.length - 1 ? "last" : "middle";
        return <span key={index}>{parts.length === 1 ? part.value : trimContext(part.value, position)}</span>;
      })}
    </p>
  );
}

const KIND_LABEL: Record<SectionChange["kind"], string> = { added: "added", removed: "removed", changed: "changed", renamed: "renamed" };

function sectionName(change: SectionChange): string {
  const title = change.newTitle ?? change.oldTitle;
  return title ? title : "Lead";
}

/** "Show changes": what the draft changes in each section, in the references and in the infobox. */
export function ChangesPanel({ changes, onClose }: { changes: DraftChanges; onClose: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus({ preventScroll: true });
  }, []);
  const { sections, references, infoboxChanged, moved } = changes;
  const nothing = !sections.length && !references.added.length && !references.removed.length && !references.changed.length && !infoboxChanged && !moved;

  return (
    <section ref={ref} className="editor-result editor-changes" aria-label="Your changes" tabIndex={-1}>
      <header className="editor-result-header">
        <h2>Your changes</h2>
        <p>Compared with the revision you started from. Citations show as [key].</p>
        <button type="button" className="editor-button small" onClick={onClose}>
          Close
        </button>
      </header>
      {nothing ? <p className="changes-none">You have not changed anything yet.</p> : null}
      {sections.map((change) => (
        <article key={change.id} className={`change change-${change.kind}`}>
          <h3>
            {sectionName(change)} <span className={`change-kind kind-${change.kind}`}>{KIND_LABEL[change.kind]}</span>
          </h3>
          {change.kind === "renamed" || (change.oldTitle !== null && change.newTitle !== null && change.oldTitle !== change.newTitle) ? (
            <p className="change-rename">
              Heading: <del>{change.oldTitle || "(none)"}</del> → <ins>{change.newTitle || "(none)"}</ins>
            </p>
          ) : null}
          {change.formattingOnly ? <p className="change-note">Formatting or links changed; the text is the same.</p> : null}
          {change.parts.length ? <WordDiff parts={change.parts} /> : null}
        </article>
      ))}
      {moved ? <p className="change-note">Sections were moved.</p> : null}
      {infoboxChanged ? (
        <article className="change">
          <h3>
            Infobox <span className="change-kind kind-changed">changed</span>
          </h3>
        </article>
      ) : null}
      {references.added.length || references.removed.length || references.changed.length ? (
        <article className="change">
          <h3>References</h3>
          <ul className="change-references">
            {references.added.map((reference) => (
              <li key={`a-${reference.key}`}>
                <span className="change-kind kind-added">added</span> {reference.title} <code>{reference.key}</code>
              </li>
            ))}
            {references.changed.map((reference) => (
              <li key={`c-${reference.key}`}>
                <span className="change-kind kind-changed">edited</span> {reference.title} <code>{reference.key}</code>
              </li>
            ))}
            {references.removed.map((reference) => (
              <li key={`r-${reference.key}`}>
                <span className="change-kind kind-removed">no longer cited</span> {reference.title} <code>{reference.key}</code>
              </li>
            ))}
          </ul>
        </article>
      ) : null}
    </section>
  );
}
