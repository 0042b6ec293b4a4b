"use client";

import { useEffect, useRef } from "react";
import { Citation } from "@/components/article/reference-list";
import { renderRichText } from "@/components/article/rich-text";
import type { TEditConflictDetails } from "@/lib/contracts/articles";
import { planCitations } from "@/lib/document/citations";
import type { ArticleContent } from "@/lib/document/model";

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
 * Shown after a 409: someone saved the same section since the user started.
 * Their version is shown beside the user's (which stays in the editor), so
 * the user merges by hand and then saves on top of the newer revision.
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
      </header>
      <p>
        Your text is still in the editor, unchanged. Merge their changes into it by hand (you can copy from their
        version below), then save on top of revision {details.currentRevisionId}.
      </p>
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
            <h4>Their reference “{key}”</h4>
            {theirRefs.get(key) ? (
              <Citation reference={theirRefs.get(key)!} />
            ) : (
              <p className="conflict-missing">(removed)</p>
            )}
          </div>
          <div className="conflict-version">
            <h4>Your reference “{key}”</h4>
            {myRefs.get(key) ? (
              <Citation reference={myRefs.get(key)!} />
            ) : (
              <p className="conflict-missing">(removed)</p>
            )}
          </div>
        </div>
      ))}
      {details.infoboxConflict ? (
        <p className="change-note">
          The infobox was changed on both sides; your version is the one in the infobox form above.
        </p>
      ) : null}
      <button type="button" className="editor-button primary" onClick={onResolve}>
        I have merged by hand — save on top of revision {details.currentRevisionId}
      </button>
    </section>
  );
}
