import { locatorText } from "@/lib/document/extensions/citation";
import type { Reference } from "@/lib/document/model";
import { locatorChange, type LocatorChange } from "@/lib/diff/tokens";
import type { Token, TokenRun } from "@/lib/diff/types";

/** How citations are named in a diff: by their reference's title, which is what a reviewer needs. */
export type ReferenceLookup = (key: string) => Reference | undefined;

function shorten(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One token as a reader sees it: words as text, a citation as a chip naming its source. */
export function TokenView({ token, lookup }: { token: Token; lookup: ReferenceLookup }) {
  switch (token.kind) {
    case "text":
      return token.marks.includes("bold") ? (
        <b>{token.text}</b>
      ) : token.marks.includes("italic") ? (
        <i>{token.text}</i>
      ) : (
        token.text
      );
    case "citation": {
      const reference = lookup(token.refKey);
      const locator = token.locator ? locatorText(token.locator) : "";
      return (
        <span className="diff-cite" title={reference ? reference.title : `unknown reference ${token.refKey}`}>
          [cite: {reference ? shorten(reference.title) : token.refKey}
          {locator ? <span className="diff-cite-locator">, {shorten(locator, 80)}</span> : null}]
        </span>
      );
    }
    case "note":
      return <span className="diff-note">[note: {shorten(token.text, 80)}]</span>;
    case "tag":
      return <span className="diff-tag">[{token.tag}]</span>;
    case "break":
      return token.label === "¶" ? (
        <span className="diff-break"> ¶ </span>
      ) : (
        <span className="diff-break">{token.label === "—" ? " — " : ` ${token.label.trim()} `}</span>
      );
  }
}

/** A citation whose locator alone changed: one chip, "[cite: Title, p. 12 → p. 14]", the old and new locators marked. */
function LocatorChangeView({ change, lookup }: { change: LocatorChange; lookup: ReferenceLookup }) {
  const reference = lookup(change.refKey);
  return (
    <span className="diff-cite" title={reference ? reference.title : `unknown reference ${change.refKey}`}>
      [cite: {reference ? shorten(reference.title) : change.refKey},{" "}
      <del className="diff-del">{change.from ? shorten(change.from, 80) : "no page or place"}</del> →{" "}
      <ins className="diff-ins">{change.to ? shorten(change.to, 80) : "no page or place"}</ins>]
    </span>
  );
}

export function Tokens({ tokens, lookup }: { tokens: Token[]; lookup: ReferenceLookup }) {
  return (
    <>
      {tokens.map((token, index) => (
        <TokenView key={index} token={token} lookup={lookup} />
      ))}
    </>
  );
}

/**
 * Word runs marked in place. `side` limits them to one column of a
 * side-by-side view: the old side shows deletions, the new side insertions.
 */
export function Runs({
  runs,
  lookup,
  side = "both",
}: {
  runs: TokenRun[];
  lookup: ReferenceLookup;
  side?: "both" | "old" | "new";
}) {
  return (
    <>
      {runs.map((run, index) => {
        if (run.op === "equal") return <Tokens key={index} tokens={run.tokens} lookup={lookup} />;
        if (side === "both") {
          // A citation whose locator alone changed reads as one change, not as a removal and an addition.
          const change = locatorChange(run, runs[index + 1]);
          if (change) return <LocatorChangeView key={index} change={change} lookup={lookup} />;
          if (locatorChange(runs[index - 1], run)) return null;
        }
        if (run.op === "insert") {
          return side === "old" ? null : (
            <ins key={index} className="diff-ins">
              <Tokens tokens={run.tokens} lookup={lookup} />
            </ins>
          );
        }
        return side === "new" ? null : (
          <del key={index} className="diff-del">
            <Tokens tokens={run.tokens} lookup={lookup} />
          </del>
        );
      })}
    </>
  );
}
