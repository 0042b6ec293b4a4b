import type { ArticleContent } from "./model";
import { walkArticleDocs, walkDoc } from "./walk";

/** Keys of the references cited anywhere in the content (notes and infobox included). */
export function citedReferenceKeys(content: Pick<ArticleContent, "infobox" | "sections">): Set<string> {
  const keys = new Set<string>();
  walkArticleDocs(content, (doc) =>
    walkDoc(doc, (node) => {
      if (node.type === "citation" && typeof node.attrs?.refKey === "string") keys.add(node.attrs.refKey);
    }),
  );
  return keys;
}

/** The content without references that nothing cites any more. */
export function pruneUncitedReferences(content: ArticleContent): ArticleContent {
  const cited = citedReferenceKeys(content);
  return { ...content, references: content.references.filter((reference) => cited.has(reference.key)) };
}
