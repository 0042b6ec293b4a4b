import { blockExcerpt, globalBlockId, type SectionBlocks } from "@/lib/proposals/block-parts";
import type { DecidablePart } from "./proposal-actions";

/** The block parts of a proposal as the decision form lists them under their section: place and first words. */
export function decidableBlocks(plans: Map<string, SectionBlocks>): Array<Omit<DecidablePart, "name">> {
  return [...plans].flatMap(([sectionId, plan]) =>
    plan.parts.map((part) => ({
      kind: "block" as const,
      id: globalBlockId(sectionId, part.id),
      label: part.label.charAt(0).toUpperCase() + part.label.slice(1),
      section: sectionId,
      excerpt: blockExcerpt(part.to ?? part.from),
      words: part.words,
    })),
  );
}
