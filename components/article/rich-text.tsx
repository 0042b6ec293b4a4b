import { renderJSONContentToReactElement } from "@tiptap/static-renderer/json/react";
import type { ReactNode } from "react";
import type { CitationPlan } from "@/lib/document/citations";
import type { DocJSON } from "@/lib/document/model";
import { isSafeHttpUrl } from "@/lib/document/url";
import {
  templateLabel,
  templateParamLabel,
  type TemplateParam,
  type TemplateForm,
} from "@/lib/document/extensions/template";
import { slugOfTitle, titleOfSlug } from "@/lib/articles/titles";

type NodeProps = { node: DocJSON; children?: ReactNode };
type MarkProps = { mark: { type: string; attrs?: Record<string, unknown> }; children?: ReactNode };

/**
 * U+2060 WORD JOINER at the start of every citation, note and maintenance
 * mark: a browser may otherwise break the line between "media," and "[7]" or
 * between "[7]" and "[citation needed]", leaving the mark alone at the start of
 * a line, away from the claim it belongs to. Invisible, and not a space.
 */
const WORD_JOINER = "\u2060";

const TAG_EXPLANATIONS: Record<string, string> = {
  "citation needed": "This claim needs references to reliable sources.",
  "clarification needed": "The text near this tag may need clarification or removal of jargon.",
  "unreliable source?": "The material near this tag may rely on an unreliable source.",
};

function monthLabel(date: unknown): string {
  if (typeof date !== "string") return "";
  const [year, month] = date.split("-");
  const name = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString("en", {
    month: "long",
    timeZone: "UTC",
  });
  return ` (${name} ${year})`;
}

const span = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) && value > 1 ? value : undefined;

/** The React rendering of every node and mark type of the schema (a test checks none is missing). */
export function richTextMappings(plan: CitationPlan, options: { inline?: boolean } = {}) {
  const nodeMapping: Record<string, (props: NodeProps) => ReactNode> = {
    doc: ({ children }) => <>{children}</>,
    text: ({ node }) => node.text ?? "",
    paragraph: ({ children }) => (options.inline ? children : <p>{children}</p>),
    hardBreak: () => <br />,
    bulletList: ({ children }) => <ul>{children}</ul>,
    orderedList: ({ node, children }) => (
      <ol start={typeof node.attrs?.start === "number" && node.attrs.start !== 1 ? node.attrs.start : undefined}>
        {children}
      </ol>
    ),
    listItem: ({ children }) => <li>{children}</li>,
    heading: ({ node, children }) => {
      const Tag = `h${node.attrs?.level ?? 2}` as "h2";
      return <Tag>{children}</Tag>;
    },
    quoteBox: ({ children }) => (
      <figure className="quote-box">
        <blockquote>{children}</blockquote>
      </figure>
    ),
    quoteAttribution: ({ children }) => <figcaption className="quote-attribution">{children}</figcaption>,
    table: ({ children }) => (
      <div className="wikitable-wrap">
        <table className="wikitable">{children}</table>
      </div>
    ),
    tableCaption: ({ children }) => <caption>{children}</caption>,
    tableRow: ({ children }) => <tr>{children}</tr>,
    tableCell: ({ node, children }) => (
      <td colSpan={span(node.attrs?.colspan)} rowSpan={span(node.attrs?.rowspan)}>
        {children}
      </td>
    ),
    tableHeader: ({ node, children }) => (
      <th colSpan={span(node.attrs?.colspan)} rowSpan={span(node.attrs?.rowspan)}>
        {children}
      </th>
    ),
    figure: ({ node, children }) => (
      <figure className="wiki-figure">
        <div className="wiki-figure-file">File: {String(node.attrs?.file ?? "")}</div>
        <figcaption>{children}</figcaption>
      </figure>
    ),
    // Shown, never run: the name and every parameter as written, in a box a reader can tell apart from prose.
    template: ({ node }) => {
      const params = Array.isArray(node.attrs?.params) ? (node.attrs.params as TemplateParam[]) : [];
      return (
        <span className="wiki-template">
          <span className="wiki-template-name">
            {templateLabel(String(node.attrs?.name ?? ""), (node.attrs?.form ?? "template") as TemplateForm)}
          </span>
          {params.map((param, index) => (
            <span key={index} className="wiki-template-param">
              {templateParamLabel(param)}
            </span>
          ))}
        </span>
      );
    },
    citation: ({ node }) => {
      const anchor = plan.citationAnchors.get(node);
      if (!anchor) return <sup className="reference reference-missing">{WORD_JOINER}[?]</sup>;
      return (
        <sup id={anchor.id} className="reference">
          {WORD_JOINER}
          <a href={`#${anchor.targetId}`}>[{anchor.label}]</a>
        </sup>
      );
    },
    note: ({ node }) => {
      const note = plan.noteAnchors.get(node);
      if (!note) return null;
      return (
        <sup id={note.anchorId} className="reference note-ref">
          {WORD_JOINER}
          <a href={`#${note.noteId}`}>[{note.label}]</a>
        </sup>
      );
    },
    maintenanceTag: ({ node }) => {
      const kind = String(node.attrs?.kind ?? "");
      return (
        <sup className="maintenance-tag">
          {WORD_JOINER}
          <i>
            [<span title={`${TAG_EXPLANATIONS[kind] ?? ""}${monthLabel(node.attrs?.date)}`}>{kind}</span>]
          </i>
        </sup>
      );
    },
  };
  const markMapping: Record<string, (props: MarkProps) => ReactNode> = {
    bold: ({ children }) => <b>{children}</b>,
    italic: ({ children }) => <i>{children}</i>,
    link: ({ mark, children }) => {
      const href = mark.attrs?.href;
      return isSafeHttpUrl(href) ? (
        <a className="external" href={href} rel="nofollow">
          {children}
        </a>
      ) : (
        children
      );
    },
    // A stable marker, not a colour: whether the target exists is not a fact of the revision, so the
    // article view colours these at serve time (lib/views/wiki-links.ts); elsewhere they stay plain links.
    // "Title#Section" links to the section's anchor (imported wikilinks carry them).
    wikiLink: ({ mark, children }) => {
      const [title, ...anchor] = String(mark.attrs?.title ?? "").split("#");
      const slug = slugOfTitle(title);
      const fragment = anchor.length ? `#${encodeURIComponent(anchor.join("#").trim().replaceAll(" ", "_"))}` : "";
      return (
        <a
          href={title.trim() ? `/wiki/${encodeURIComponent(slug)}${fragment}` : fragment}
          data-wiki-link={titleOfSlug(slug)}
        >
          {children}
        </a>
      );
    },
  };
  return { nodeMapping, markMapping };
}

/**
 * Renders one document of the schema in `lib/document` to React elements,
 * through Tiptap's static renderer. Text is passed to React as text, never as
 * HTML; hrefs are re-checked here as well as on save.
 */
export function renderRichText(doc: DocJSON, plan: CitationPlan, options: { inline?: boolean } = {}): ReactNode {
  const mappings = richTextMappings(plan, options);
  const render = renderJSONContentToReactElement(
    mappings as unknown as Parameters<typeof renderJSONContentToReactElement>[0],
  );
  return render({ content: doc } as Parameters<typeof render>[0]);
}
