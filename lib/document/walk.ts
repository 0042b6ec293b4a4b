import type { ArticleContent, DocJSON } from "./model";

/** Visits every node of a document depth-first in document order, with its path below the root. */
export function walkDoc(doc: DocJSON, visit: (node: DocJSON, path: string) => void, path = ""): void {
  visit(doc, path);
  doc.content?.forEach((child, index) => walkDoc(child, visit, `${path}.content[${index}]`));
}

/** Visits every node of a document depth-first in document order, without paths (for walks over a whole article). */
export function eachNode(doc: DocJSON, visit: (node: DocJSON) => void): void {
  visit(doc);
  if (doc.content) for (const child of doc.content) eachNode(child, visit);
}

/**
 * Visits every rich-text document of an article in reading order: the
 * infobox first (as on the page), then the sections. Citation numbers and note
 * letters follow this order.
 */
export function walkArticleDocs(
  content: Pick<ArticleContent, "infobox" | "sections">,
  visit: (doc: DocJSON, path: string) => void,
): void {
  const infobox = content.infobox;
  if (infobox) {
    if (infobox.partOf) visit(infobox.partOf, "$.infobox.partOf");
    if (infobox.imageCaption) visit(infobox.imageCaption, "$.infobox.imageCaption");
    infobox.rows.forEach((row, index) => {
      const path = `$.infobox.rows[${index}]`;
      if (row.kind === "field") visit(row.value, `${path}.value`);
      else {
        row.sides.forEach((side, sideIndex) => visit(side, `${path}.sides[${sideIndex}]`));
        if (row.footer) visit(row.footer, `${path}.footer`);
      }
    });
  }
  content.sections.forEach((section, index) => visit(section.body, `$.sections[${index}].body`));
}
