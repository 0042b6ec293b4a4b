import { Fragment, type ReactNode } from "react";
import { alertAnchor } from "@/lib/diff/review-alerts";
import { blockTokens } from "@/lib/diff/tokens";
import type { BlockDiff, SectionDiff } from "@/lib/diff/types";
import { Runs, Tokens, type ReferenceLookup } from "./tokens-view";

export type DiffMode = "inline" | "side-by-side";

const CONTEXT = 1;

function sectionTitle(section: SectionDiff): string {
  return (section.to ?? section.from)!.title || "(lead)";
}

function SectionBadges({ section }: { section: SectionDiff }) {
  const badges: string[] = [];
  if (section.status === "added") badges.push("section added");
  if (section.status === "removed") badges.push("section removed");
  if (section.renamed) badges.push(`renamed from “${section.from!.title}”`);
  if (section.relevelled) badges.push(`heading level ${section.from!.level} → ${section.to!.level}`);
  if (section.moved) badges.push("section moved");
  return (
    <>
      {badges.map((badge) => (
        <span key={badge} className={`diff-badge diff-badge-${section.status}`}>
          {badge}
        </span>
      ))}
    </>
  );
}

/** Which equal blocks to show as context (next to a change) and which to fold. */
function visibleBlocks(blocks: BlockDiff[]): Array<BlockDiff | { op: "fold"; count: number }> {
  const near = blocks.map(
    (block, index) =>
      block.op !== "equal" ||
      blocks.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((b) => b.op !== "equal"),
  );
  const out: Array<BlockDiff | { op: "fold"; count: number }> = [];
  blocks.forEach((block, index) => {
    if (near[index]) return void out.push(block);
    const last = out[out.length - 1];
    if (last && last.op === "fold") last.count += 1;
    else out.push({ op: "fold", count: 1 });
  });
  return out;
}

/** Each block of the diff that is in the newer version, with its index there (deleted and moved-out blocks have none). */
export function newBlockIndexes(section: SectionDiff): Map<BlockDiff, number> {
  const indexes = new Map<BlockDiff, number>();
  let next = 0;
  for (const block of section.blocks)
    if (block.op === "equal" || block.op === "insert" || block.op === "change" || block.op === "move-in")
      indexes.set(block, next++);
  return indexes;
}

/** The newer version's block indexes an inline diff of the section shows (changes and their context, not folded ones). */
export function shownNewBlocks(section: SectionDiff): Set<number> {
  const indexes = newBlockIndexes(section);
  return new Set(
    visibleBlocks(section.blocks).flatMap((block) => (block.op === "fold" ? [] : [indexes.get(block) ?? -1])),
  );
}

/** Renders what goes under a block of the newer version in an inline diff (the proposal page's review threads). */
export type BlockAside = (place: { sectionId: string; index: number; changed: boolean }) => ReactNode;

function MoveNote({ block, titleOf }: { block: BlockDiff; titleOf: (id: string) => string }) {
  if (block.op === "move-out") return <span className="diff-move-note">⤷ moved to “{titleOf(block.toSectionId)}”</span>;
  if (block.op === "move-in")
    return <span className="diff-move-note">⤶ moved here from “{titleOf(block.fromSectionId)}”</span>;
  return null;
}

function InlineBlock({
  block,
  lookup,
  titleOf,
}: {
  block: BlockDiff;
  lookup: ReferenceLookup;
  titleOf: (id: string) => string;
}) {
  switch (block.op) {
    case "equal":
      return (
        <div className="diff-block diff-equal">
          <Tokens tokens={blockTokens(block.to)} lookup={lookup} />
        </div>
      );
    case "insert":
      return (
        <div className="diff-block diff-block-ins" data-op="insert">
          <span className="diff-gutter" role="img" aria-label="added">
            +
          </span>
          <ins className="diff-ins">
            <Tokens tokens={block.tokens} lookup={lookup} />
          </ins>
        </div>
      );
    case "delete":
      return (
        <div className="diff-block diff-block-del" data-op="delete">
          <span className="diff-gutter" role="img" aria-label="removed">
            −
          </span>
          <del className="diff-del">
            <Tokens tokens={block.tokens} lookup={lookup} />
          </del>
        </div>
      );
    case "change":
      return (
        <div className="diff-block diff-block-change" data-op="change">
          <span className="diff-gutter" role="img" aria-label="changed">
            ±
          </span>
          {block.runs ? (
            <Runs runs={block.runs} lookup={lookup} />
          ) : (
            <>
              <del className="diff-del">
                <Tokens tokens={blockTokens(block.from)} lookup={lookup} />
              </del>{" "}
              <ins className="diff-ins">
                <Tokens tokens={blockTokens(block.to)} lookup={lookup} />
              </ins>
            </>
          )}
        </div>
      );
    case "move-out":
      return (
        <div className="diff-block diff-block-move" data-op="move-out" id={`${block.moveId}-from`}>
          <MoveNote block={block} titleOf={titleOf} /> <a href={`#${block.moveId}-to`}>(go to)</a>
          <div className="diff-moved-text">
            <Tokens tokens={block.tokens} lookup={lookup} />
          </div>
        </div>
      );
    case "move-in":
      return (
        <div className="diff-block diff-block-move" data-op="move-in" id={`${block.moveId}-to`}>
          <MoveNote block={block} titleOf={titleOf} /> <a href={`#${block.moveId}-from`}>(go to)</a>
          <div className="diff-moved-text">
            {block.runs ? (
              <Runs runs={block.runs} lookup={lookup} />
            ) : (
              <Tokens tokens={blockTokens(block.to)} lookup={lookup} />
            )}
          </div>
        </div>
      );
  }
}

function SideBlock({
  block,
  side,
  lookup,
  titleOf,
}: {
  block: BlockDiff;
  side: "old" | "new";
  lookup: ReferenceLookup;
  titleOf: (id: string) => string;
}) {
  const empty = <td className="diff-cell diff-cell-empty" />;
  switch (block.op) {
    case "equal":
      return (
        <td className="diff-cell diff-equal">
          <Tokens tokens={blockTokens(side === "old" ? block.from : block.to)} lookup={lookup} />
        </td>
      );
    case "insert":
      return side === "old" ? (
        empty
      ) : (
        <td className="diff-cell diff-cell-ins">
          <ins className="diff-ins">
            <Tokens tokens={block.tokens} lookup={lookup} />
          </ins>
        </td>
      );
    case "delete":
      return side === "new" ? (
        empty
      ) : (
        <td className="diff-cell diff-cell-del">
          <del className="diff-del">
            <Tokens tokens={block.tokens} lookup={lookup} />
          </del>
        </td>
      );
    case "change":
      return (
        <td className={`diff-cell ${side === "old" ? "diff-cell-del" : "diff-cell-ins"}`}>
          {block.runs ? (
            <Runs runs={block.runs} lookup={lookup} side={side} />
          ) : (
            <Tokens tokens={blockTokens(side === "old" ? block.from : block.to)} lookup={lookup} />
          )}
        </td>
      );
    case "move-out":
      return side === "new" ? (
        <td className="diff-cell diff-cell-move">
          <MoveNote block={block} titleOf={titleOf} />
        </td>
      ) : (
        <td className="diff-cell diff-cell-move">
          <Tokens tokens={block.tokens} lookup={lookup} />
        </td>
      );
    case "move-in":
      return side === "old" ? (
        <td className="diff-cell diff-cell-move">
          <MoveNote block={block} titleOf={titleOf} />
        </td>
      ) : (
        <td className="diff-cell diff-cell-move">
          {block.runs ? (
            <Runs runs={block.runs} lookup={lookup} side="new" />
          ) : (
            <Tokens tokens={blockTokens(block.to)} lookup={lookup} />
          )}
        </td>
      );
  }
}

/** One changed section of a diff, inline or side by side, unchanged paragraphs folded around the changes. */
export function SectionDiffView({
  section,
  mode,
  lookup,
  titleOf,
  blockAside,
  anchors,
}: {
  section: SectionDiff;
  mode: DiffMode;
  lookup: ReferenceLookup;
  titleOf: (id: string) => string;
  blockAside?: BlockAside;
  /** ids of the places review alerts link to (lib/diff/review-alerts.ts): only those blocks get one */
  anchors?: ReadonlySet<string>;
}) {
  const newIndexes = blockAside ? newBlockIndexes(section) : null;
  const indexOf = new Map(section.blocks.map((block, index) => [block, index]));
  const anchorOf = (block: BlockDiff) => {
    const id = alertAnchor({ at: "block", sectionId: section.id, blockIndex: indexOf.get(block) ?? -1 });
    return anchors?.has(id) ? id : undefined;
  };
  const level = Math.max(2, (section.to ?? section.from)!.level);
  const Heading = `h${Math.min(level + 1, 5)}` as "h3";
  const blocks = visibleBlocks(section.blocks);
  return (
    <section className={`diff-section diff-section-${section.status}`} data-section-id={section.id}>
      <Heading className="diff-section-title">
        {sectionTitle(section)} <SectionBadges section={section} />
      </Heading>
      {mode === "inline" ? (
        blocks.map((block, index) =>
          block.op === "fold" ? (
            <div key={index} className="diff-fold">
              … {block.count} unchanged paragraph{block.count > 1 ? "s" : ""} …
            </div>
          ) : (
            <Fragment key={index}>
              {anchorOf(block) ? <span id={anchorOf(block)} className="diff-anchor" /> : null}
              {newIndexes?.has(block) ? (
                <div className="diff-block-with-aside">
                  <InlineBlock block={block} lookup={lookup} titleOf={titleOf} />
                  {blockAside?.({
                    sectionId: section.id,
                    index: newIndexes.get(block)!,
                    changed: block.op !== "equal",
                  })}
                </div>
              ) : (
                <InlineBlock block={block} lookup={lookup} titleOf={titleOf} />
              )}
            </Fragment>
          ),
        )
      ) : (
        <table className="diff-table">
          <tbody>
            {blocks.map((block, index) =>
              block.op === "fold" ? (
                <tr key={index}>
                  <td colSpan={2} className="diff-fold">
                    … {block.count} unchanged paragraph{block.count > 1 ? "s" : ""} …
                  </td>
                </tr>
              ) : (
                <tr key={index} data-op={block.op} id={anchorOf(block)}>
                  <SideBlock block={block} side="old" lookup={lookup} titleOf={titleOf} />
                  <SideBlock block={block} side="new" lookup={lookup} titleOf={titleOf} />
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
