"use client";

import { useEffect, useMemo, useRef } from "react";
import { Citation } from "@/components/article/reference-list";
import { renderRichText } from "@/components/article/rich-text";
import { DiffView } from "@/components/diff/diff-view";
import type { TEditConflictDetails } from "@/lib/contracts/articles";
import { planCitations } from "@/lib/document/citations";
import type { ArticleContent } from "@/lib/document/model";
import { changesModel } from "./changes-model";

function SectionVersion({ content, sectionId, label }: { content: ArticleContent; sectionId: string; label: string }) {
  const section = content.sections.find((candidate) => candidate.id === sectionId);
  return (
    <div className="conflict-version">
      <h4>{label}</h4>
      {section ? (
        <div className="article-body conflict-body">
          {section.level > 0 ? <p className="conflict-heading">{section.title}</p> : null}
          {renderRichText(section.body, planCitations(content))}
        </div>
      ) : (
        <p className="conflict-missing">(this section is removed in this version)</p>
      )}
    </div>
  );
}

/**
 * Only what is in conflict, from each side: the conflicting sections, and
 * their references with the user's version only of the conflicting ones and
 * of those the user added (the rest merges by itself and would be noise).
 */
export function conflictContents(details: TEditConflictDetails, mine: ArticleContent) {
  const sectionIds = new Set(details.conflictingSectionIds);
  const keys = new Set(details.conflictingReferenceKeys);
  const theirKeys = new Set(details.theirs.references.map((reference) => reference.key));
  const myByKey = new Map(mine.references.map((reference) => [reference.key, reference]));
  const sections = (content: ArticleContent) => content.sections.filter((section) => sectionIds.has(section.id));
  return {
    theirs: { ...details.theirs, infobox: null, sections: sections(details.theirs) },
    mine: {
      ...mine,
      infobox: null,
      sections: sections(mine),
      references: [
        ...details.theirs.references.flatMap((reference) =>
          !keys.has(reference.key) ? [reference] : myByKey.has(reference.key) ? [myByKey.get(reference.key)!] : [],
        ),
        ...mine.references.filter((reference) => !theirKeys.has(reference.key)),
      ],
    },
  };
}

/**
 * Shown after a 409: someone saved the same section since the user started.
 * What the user's version changes in theirs is shown as a diff (the same
 * engine and view as "Show changes"), both versions in full below it; the
 * user's text stays in the editor, to be merged by hand and saved on top of
 * the newer revision. The save button is in the panel's sticky header, so
 * nothing sticky can cover it however far the panel is scrolled.
 */
export function ConflictPanel({
  message,
  details,
  mine,
  onResolve,
}: {
  message: string;
  details: TEditConflictDetails;
  /** the user's draft, as it is now in the editor */
  mine: ArticleContent;
  onResolve: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus({ preventScroll: true });
  }, []);
  const model = useMemo(() => {
    const only = conflictContents(details, mine);
    return changesModel(only.theirs, only.mine);
  }, [details, mine]);
  const theirRefs = new Map(details.theirs.references.map((reference) => [reference.key, reference]));
  const myRefs = new Map(mine.references.map((reference) => [reference.key, reference]));

  return (
    <section
      ref={ref}
      className="editor-result editor-conflict"
      aria-labelledby="conflict-title"
      tabIndex={-1}
      role="alert"
    >
      <header className="editor-result-header">
        <h2 id="conflict-title">Edit conflict</h2>
        <p>{message}</p>
        <button type="button" className="editor-button primary small" onClick={onResolve}>
          I have merged by hand — save on top of revision {details.currentRevisionId}
        </button>
      </header>
      <p>
        Your text is still in the editor, unchanged. Merge their changes into it by hand (both versions are in full
        below), then save on top of revision {details.currentRevisionId}.
      </p>
      <section className="conflict-diff" aria-labelledby="conflict-diff-title">
        <h3 id="conflict-diff-title">
          Their version (revision {details.currentRevisionId}) compared with yours:{" "}
          <span className="conflict-legend">
            <del className="diff-del">only in theirs</del> <ins className="diff-ins">only in yours</ins>
          </span>
        </h3>
        <DiffView diff={model.diff} from={model.from} to={model.to} mode="inline" />
      </section>
      <details className="conflict-full">
        <summary>Both versions in full</summary>
        {details.conflictingSectionIds.map((id) => (
          <div key={id} className="conflict-pair">
            <SectionVersion
              content={details.theirs}
              sectionId={id}
              label={`Their version (revision ${details.currentRevisionId})`}
            />
            <SectionVersion content={mine} sectionId={id} label="Your version (in the editor)" />
          </div>
        ))}
        {details.conflictingReferenceKeys.map((key) => (
          <div key={key} className="conflict-pair">
            <div className="conflict-version">
              <h4>Their reference “{theirRefs.get(key)?.title ?? myRefs.get(key)?.title ?? key}”</h4>
              {theirRefs.get(key) ? (
                <Citation reference={theirRefs.get(key)!} />
              ) : (
                <p className="conflict-missing">(removed)</p>
              )}
            </div>
            <div className="conflict-version">
              <h4>Your reference “{myRefs.get(key)?.title ?? theirRefs.get(key)?.title ?? key}”</h4>
              {myRefs.get(key) ? (
                <Citation reference={myRefs.get(key)!} />
              ) : (
                <p className="conflict-missing">(removed)</p>
              )}
            </div>
          </div>
        ))}
      </details>
      {details.infoboxConflict ? (
        <p className="change-note">
          The infobox was changed on both sides; your version is the one in the infobox form above.
        </p>
      ) : null}
    </section>
  );
}
