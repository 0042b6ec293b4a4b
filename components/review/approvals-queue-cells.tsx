/** "1 of 2 approvals; needs 1 more (alice)": where a proposal's current version stands. */
export function ApprovalCountText({ approvers, required }: { approvers: string[]; required: number }) {
  const missing = Math.max(required - approvers.length, 0);
  return (
    <span className={`approval-count ${missing ? "approval-missing" : "approval-done"}`}>
      {approvers.length} of {required} approval{required === 1 ? "" : "s"}
      {missing ? `; needs ${missing} more` : ""}
      {approvers.length ? <span className="form-hint"> ({approvers.join(", ")})</span> : null}
    </span>
  );
}

/** What two proposals both touch, in words: "2 sections, reference smith2024, the infobox". */
export function describeOverlap(
  overlap: { sections: string[]; references: string[]; infobox: boolean },
  sectionTitle?: (id: string) => string,
): string {
  const parts: string[] = [];
  if (overlap.sections.length)
    parts.push(
      sectionTitle
        ? `section${overlap.sections.length === 1 ? "" : "s"} ${overlap.sections.map(sectionTitle).join(", ")}`
        : `${overlap.sections.length} section${overlap.sections.length === 1 ? "" : "s"}`,
    );
  if (overlap.references.length)
    parts.push(`reference${overlap.references.length === 1 ? "" : "s"} ${overlap.references.join(", ")}`);
  if (overlap.infobox) parts.push("the infobox");
  return parts.join(", ");
}

/** The queue's overlap flag: the other open proposals of the same article that touch the same parts. */
export function OverlapFlags({
  overlaps,
}: {
  overlaps: Array<{ id: number; sections: string[]; references: string[]; infobox: boolean }>;
}) {
  if (!overlaps.length) return <span className="form-hint">none</span>;
  return (
    <span className="overlap-flag">
      ⚠ overlaps{" "}
      {overlaps.map((overlap, index) => (
        <span key={overlap.id}>
          {index ? ", " : ""}
          <a href={`/proposals/${overlap.id}`} title={describeOverlap(overlap)}>
            #{overlap.id}
          </a>
        </span>
      ))}
    </span>
  );
}
