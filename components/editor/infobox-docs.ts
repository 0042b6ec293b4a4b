import type { DocJSON, Infobox, InfoboxRow } from "@/lib/document/model";

/** The infobox with the rich-text document at `path` (a walkArticleDocs path such as `$.infobox.rows[2].sides[1]`) replaced. */
export function setInfoboxDoc(infobox: Infobox, path: string, doc: DocJSON): Infobox {
  if (path === "$.infobox.partOf") return { ...infobox, partOf: doc };
  if (path === "$.infobox.imageCaption") return { ...infobox, imageCaption: doc };
  const match = /^\$\.infobox\.rows\[(\d+)\]\.(value|footer|sides\[(\d+)\])$/.exec(path);
  if (!match) return infobox;
  const index = Number(match[1]);
  const rows = infobox.rows.map((row, i): InfoboxRow => {
    if (i !== index) return row;
    if (row.kind === "field") return match[2] === "value" ? { ...row, value: doc } : row;
    if (match[2] === "footer") return { ...row, footer: doc };
    if (match[3] !== undefined)
      return { ...row, sides: row.sides.map((side, s) => (s === Number(match[3]) ? doc : side)) };
    return row;
  });
  return { ...infobox, rows };
}
