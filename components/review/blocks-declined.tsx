import type { DeclinedPart } from "@/lib/proposals/decide-proposal";
import { blockExcerpt } from "@/lib/proposals/block-parts";

/**
 * One declined block in a proposal's decision log, by its place and text
 * (never its key): “Declined paragraph 3 of “History” (“The offensive
 * began…”): reason”, with the whole declined text for the author to carry
 * into a new proposal.
 */
export function DeclinedBlock({ part }: { part: DeclinedPart }) {
  const excerpt = blockExcerpt({ type: "paragraph", content: [{ type: "text", text: part.text ?? "" }] });
  return (
    <>
      {`Declined ${part.label ?? "a block"}`}
      {excerpt ? (
        <>
          {" ("}
          <q>{excerpt}</q>
          {")"}
        </>
      ) : null}
      {`: ${part.reason}`}
      {part.text ? (
        <details className="declined-block-text">
          <summary>Declined text</summary>
          <blockquote>{part.text}</blockquote>
        </details>
      ) : null}
    </>
  );
}
