import type { JSONContent } from "@tiptap/core";
import { LOCATOR_FIELDS } from "./extensions/citation";
import type { ArticleContent, DocJSON, Infobox, InfoboxRow, Reference } from "./model";
import type { SourceArticle, SourceBlock } from "./markup-source";

/**
 * Turns the compact authoring markup of seeds, benchmarks and tests into
 * document JSON. Not an editor format: the editor works on JSON directly.
 */

type Mark = NonNullable<JSONContent["marks"]>[number];

/** Parses one line of inline markup into inline nodes. */
export function parseInline(source: string, marks: Mark[] = []): JSONContent[] {
  const nodes: JSONContent[] = [];
  let text = "";
  const flush = () => {
    if (text) nodes.push(marks.length ? { type: "text", text, marks: [...marks] } : { type: "text", text });
    text = "";
  };
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("[[", i)) {
      const end = findClose(source, i);
      const body = source.slice(i + 2, end);
      flush();
      nodes.push(...parseDirective(body, marks));
      i = end + 2;
    } else if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      if (end < 0) throw new Error(`unclosed ''' in: ${source}`);
      flush();
      nodes.push(...parseInline(source.slice(i + 3, end), [...marks, { type: "bold" }]));
      i = end + 3;
    } else if (source.startsWith("''", i)) {
      const end = source.indexOf("''", i + 2);
      if (end < 0) throw new Error(`unclosed '' in: ${source}`);
      flush();
      nodes.push(...parseInline(source.slice(i + 2, end), [...marks, { type: "italic" }]));
      i = end + 2;
    } else {
      text += source[i];
      i += 1;
    }
  }
  flush();
  return nodes;
}

function findClose(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length - 1; i++) {
    if (source.startsWith("[[", i)) {
      depth++;
      i++;
    } else if (source.startsWith("]]", i)) {
      depth--;
      if (depth === 0) return i;
      i++;
    }
  }
  throw new Error(`unclosed [[ in: ${source}`);
}

function parseDirective(body: string, marks: Mark[]): JSONContent[] {
  const colon = body.indexOf(":");
  const name = body.slice(0, colon);
  const rest = body.slice(colon + 1);
  switch (name) {
    case "ref": {
      // [[ref:key]], or with a locator: [[ref:key|pages=12|at=ch. 3|quote=…]]
      // Split only before a field name, so a "|" inside a value (a quotation) stays in it.
      const [key, ...locator] = rest.split(/\|(?=\s*[a-z]+\s*=)/);
      const attrs: Record<string, string> = { refKey: key.trim() };
      for (const part of locator) {
        const equals = part.indexOf("=");
        const field = part.slice(0, Math.max(equals, 0)).trim();
        // Reviewers' suggestions are written in this markup: only the locator's own fields, each once.
        if (equals < 0 || !(LOCATOR_FIELDS as string[]).includes(field) || Object.hasOwn(attrs, field))
          throw new Error(`a citation takes pages=, at= or quote=, each once, after its key: [[ref:${rest}]]`);
        attrs[field] = part.slice(equals + 1).trim();
      }
      return [{ type: "citation", attrs }];
    }
    case "note":
      return [{ type: "note", content: parseInline(rest) }];
    case "tag": {
      const [kind, date] = rest.split("|");
      return [{ type: "maintenanceTag", attrs: { kind, date } }];
    }
    case "wiki": {
      const [title, label] = rest.split("|");
      return parseInline(label ?? title, [...marks, { type: "wikiLink", attrs: { title } }]);
    }
    case "url": {
      const bar = rest.lastIndexOf("|");
      const href = bar < 0 ? rest : rest.slice(0, bar);
      return parseInline(bar < 0 ? rest : rest.slice(bar + 1), [...marks, { type: "link", attrs: { href } }]);
    }
    default:
      throw new Error(`unknown markup [[${name}:...]]`);
  }
}

function paragraph(source: string): JSONContent {
  const content = parseInline(source);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

function block(source: SourceBlock): JSONContent {
  if (typeof source === "string") return paragraph(source);
  if ("list" in source) {
    return {
      type: source.list === "bullet" ? "bulletList" : "orderedList",
      content: source.items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
    };
  }
  return {
    type: "quoteBox",
    content: [...source.quote.map(paragraph), { type: "quoteAttribution", content: parseInline(source.attribution) }],
  };
}

/** A document from markup blocks (a string is one paragraph). */
export function docFromMarkup(blocks: SourceBlock[] | string): DocJSON {
  const list = typeof blocks === "string" ? [blocks] : blocks;
  return { type: "doc", content: list.length ? list.map(block) : [{ type: "paragraph" }] };
}

/** Builds the article content of a revision from its authoring source. */
export function articleFromSource(source: SourceArticle): ArticleContent {
  const infobox: Infobox | null = source.infobox
    ? {
        kind: source.infobox.kind,
        title: source.infobox.title,
        ...(source.infobox.partOf ? { partOf: docFromMarkup(source.infobox.partOf) } : {}),
        ...(source.infobox.imageCaption ? { imageCaption: docFromMarkup(source.infobox.imageCaption) } : {}),
        ...(source.infobox.dateStart ? { dateStart: source.infobox.dateStart } : {}),
        ...(source.infobox.dateEnd ? { dateEnd: source.infobox.dateEnd } : {}),
        rows: source.infobox.rows.map(
          (row): InfoboxRow =>
            row.kind === "field"
              ? { kind: "field", label: row.label, value: docFromMarkup(row.value) }
              : {
                  kind: "sides",
                  label: row.label,
                  sides: row.sides.map((side) => docFromMarkup(side)),
                  ...(row.footer ? { footer: docFromMarkup(row.footer) } : {}),
                },
        ),
      }
    : null;
  return {
    title: source.title,
    infobox,
    sections: source.sections.map((section) => ({
      id: section.id,
      title: section.title,
      level: section.level,
      body: docFromMarkup(section.blocks),
    })),
    references: source.references.map((reference): Reference => ({ ...reference })),
  };
}
