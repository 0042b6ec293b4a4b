import { docFromMarkup } from "../lib/document/markup";
import type { SourceBlock } from "../lib/document/markup-source";
import type { Section } from "../lib/document/model";

/** A section from markup blocks (a string is one paragraph); "lead" is the level-0 lead. Pure: for unit tests too. */
export const sectionOf = (id: string, title: string, blocks: string | SourceBlock[]): Section => ({
  id,
  title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(blocks),
});
