import type { Reference } from "@/lib/document/model";
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
      return (
        <span className="diff-cite" title={reference ? reference.title : `unknown reference ${token.refKey}`}>
          [cite: {reference ? shorten(reference.title) : token.refKey}]
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
