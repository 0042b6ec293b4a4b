import { mergeContent } from "@/lib/articles/merge";
import type { ArticleContent } from "@/lib/document/model";
import { sameInfobox } from "./draft";

// Its own module, loaded when a conflict is resolved: the three-way merge is not needed before (issue 19).

/**
 * After a conflict the user merges by hand in the editor and saves on top of
 * the newer revision `theirs`. Their changes to what the user did not touch
 * must survive that save, so the draft is rebased: a three-way merge where
 * every conflict resolves to the user's version. Null when even that fails
 * (both sides reordered sections): the draft is then kept as it is.
 */
export function rebaseDraft(base: ArticleContent, mine: ArticleContent, theirs: ArticleContent): ArticleContent | null {
  const mineById = new Map(mine.sections.map((section) => [section.id, section]));
  const mineRefs = new Map(mine.references.map((reference) => [reference.key, reference]));
  // Where both sides changed something, pretend they agreed with the user.
  const theirsResolved: ArticleContent = {
    ...theirs,
    sections: theirs.sections.flatMap((section) => {
      const baseSection = base.sections.find((candidate) => candidate.id === section.id);
      const mineSection = mineById.get(section.id);
      const mineChanged = !baseSection || !mineSection || JSON.stringify(baseSection) !== JSON.stringify(mineSection);
      if (!mineChanged) return [section];
      return mineSection ? [mineSection] : [];
    }),
    references: theirs.references.map((reference) => mineRefs.get(reference.key) ?? reference),
    infobox: sameInfobox(base.infobox, mine.infobox) ? theirs.infobox : mine.infobox,
  };
  for (const section of mine.sections) {
    if (
      !theirsResolved.sections.some((candidate) => candidate.id === section.id) &&
      base.sections.some((candidate) => candidate.id === section.id)
    ) {
      // They deleted a section the user changed: the user's edit wins, placed by the merge.
      theirsResolved.sections.push(section);
    }
  }
  const merged = mergeContent(base, mine, theirsResolved);
  return merged.ok ? merged.content : null;
}
