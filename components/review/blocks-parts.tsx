"use client";

import { partKey, type ProposalPart } from "@/lib/proposals/part-dependencies";

/** A part as the decision form lists it (proposal-actions.tsx DecidablePart; its own type here, so the two files import one way). */
interface DecidablePart extends ProposalPart {
  label: string;
  name: string;
  excerpt?: string;
  words?: { added: string; removed: string };
}

/**
 * The changed blocks of one changed section in the decision form, each with
 * its own decline checkbox and reason (finer partial approval). The choice
 * itself lives in ReviewActions, so declining a block declines what needs it
 * and accepting one accepts what it needs, as for whole parts. A declined
 * section declines its blocks; they are shown unchecked and cannot be taken
 * back one by one until the section is accepted again.
 */
export function BlockParts({
  section,
  blocks,
  declined,
  onChoose,
  onReason,
  relations,
}: {
  section: DecidablePart;
  blocks: DecidablePart[];
  declined: Record<string, string | undefined>;
  onChoose: (part: DecidablePart, accept: boolean) => void;
  onReason: (part: ProposalPart, reason: string) => void;
  relations: (part: DecidablePart) => string[];
}) {
  if (!blocks.length) return null;
  const sectionDeclined = declined[partKey(section)] !== undefined;
  const declinedCount = blocks.filter((block) => declined[partKey(block)] !== undefined).length;
  return (
    <details className="block-parts" open={declinedCount > 0 && !sectionDeclined}>
      <summary>
        Blocks of {section.name}: {blocks.length} changed
        {declinedCount && !sectionDeclined ? `, ${declinedCount} declined` : ""}
      </summary>
      <ul className="block-parts-list" aria-label={`Changed blocks of ${section.name}`}>
        {blocks.map((block) => {
          const key = partKey(block);
          const isDeclined = sectionDeclined || declined[key] !== undefined;
          const related = relations(block);
          return (
            <li key={key} className={`block-part${isDeclined ? " block-part-declined" : ""}`}>
              <label>
                <input
                  type="checkbox"
                  checked={!isDeclined}
                  disabled={sectionDeclined}
                  onChange={(event) => onChoose(block, event.target.checked)}
                />{" "}
                <span className="block-part-label">{block.label}</span>{" "}
                {block.excerpt ? <q className="block-part-excerpt">{block.excerpt}</q> : null}
                {block.words?.added ? (
                  <span className="block-part-words">
                    {" adds "}
                    <ins>{block.words.added}</ins>
                  </span>
                ) : null}
                {block.words?.removed ? (
                  <span className="block-part-words">
                    {" removes "}
                    <del>{block.words.removed}</del>
                  </span>
                ) : null}
              </label>
              {related.length ? <span className="review-part-relations form-hint"> ({related.join("; ")})</span> : null}
              {!sectionDeclined && declined[key] !== undefined ? (
                <input
                  className="review-part-reason"
                  aria-label={`Reason for declining ${block.name}`}
                  placeholder="Why it is declined"
                  value={declined[key]}
                  onChange={(event) => onReason(block, event.target.value)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
