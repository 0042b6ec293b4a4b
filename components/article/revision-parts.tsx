import "server-only";
import { createHash } from "node:crypto";
import type { ReactElement } from "react";
import { hashOfContent } from "@/lib/articles/content-store";
import type { RevisionView } from "@/lib/articles/read-article";
import { planCitations, type CitationPlan, type NumberedReference } from "@/lib/document/citations";
import { locatorKey } from "@/lib/document/extensions/citation";
import type { DocJSON } from "@/lib/document/model";
import { eachNode, walkArticleDocs } from "@/lib/document/walk";
import { renderedLinkedPart, renderedPlainPart } from "@/lib/views/rendered-parts";
import { encodeLinkedHtml, joinLinkedBytes, splitWikiLinks, type LinkedBytes } from "@/lib/views/wiki-links";
import {
  ArticleBodyShell,
  ArticleRevisionBody,
  ArticleSidebar,
  articleOutline,
  LeadPart,
  OldRevisionBanner,
  RevisionFooter,
  SectionPart,
} from "./article-view";
import { Infobox } from "./infobox";
import { ListSection, NoteItem, ReferenceItem } from "./reference-list";
import { TableOfContents, type TocEntry } from "./table-of-contents";

/** React's static renderer (react-dom/server's renderToStaticMarkup, which app routes may only import lazily). */
export type StaticRender = (element: ReactElement) => string;

type RevisionParts = Pick<RevisionView, "article" | "revision" | "isCurrent" | "content">;

/** A revision's table of contents (ArticleSidebar) and body (ArticleRevisionBody, cut at its wiki links), as UTF-8. */
export interface RevisionHtml {
  sidebar: Uint8Array;
  body: LinkedBytes;
}

/*
 * Keys of the parts of a revision's page. A part's key names everything its
 * HTML shows: the content hash of what it renders (sections, references and
 * the infobox are content-addressed blobs, so a loaded revision's hashes are
 * known, lib/articles/content-store.ts) and each value it takes from the rest
 * of the revision: the numbering of its citations and notes (labels, anchors
 * and targets, which an edit of an earlier section can shift), its heading's
 * anchor, the table of contents, the edit links' slug. Wiki links' colours are
 * not in any part (they are set per page, lib/views/wiki-links.ts). Fields are
 * parted by control characters, which no key, anchor or label holds.
 */
const FIELD = "\u0001";
const ITEM = "\u0002";

/** What of the citation numbering a document shows: each citation's marker and each note's letter, in order. */
function numberingOf(doc: DocJSON, plan: CitationPlan): string {
  let shown = "";
  eachNode(doc, (node) => {
    if (node.type === "citation") {
      const anchor = plan.citationAnchors.get(node);
      shown += anchor ? `${anchor.label} ${anchor.id} ${anchor.targetId}${ITEM}` : `?${ITEM}`;
    } else if (node.type === "note") {
      shown += `${plan.noteAnchors.get(node)?.label ?? "-"}${ITEM}`;
    }
  });
  return shown;
}

function referenceKey(entry: NumberedReference, index: number): string {
  let key = `r${FIELD}${hashOfContent(entry.reference)}${FIELD}${index}${FIELD}${entry.number}${FIELD}${entry.citationIds.join(" ")}`;
  for (const sub of entry.subReferences)
    key += `${FIELD}${sub.label} ${sub.id} ${locatorKey(sub.locator)}${ITEM}${sub.citationIds.join(" ")}`;
  return key;
}

const HOLE = "\uE000";

const utf8 = new TextEncoder();

/** The HTML of a shell element before and after its children (rendered around a placeholder), as UTF-8. */
function around(render: StaticRender, shell: (hole: string) => ReactElement): [Uint8Array, Uint8Array] {
  const html = render(shell(HOLE));
  const at = html.indexOf(HOLE);
  return [utf8.encode(html.slice(0, at)), utf8.encode(html.slice(at + HOLE.length))];
}

/**
 * The sidebar and body of a revision (ArticleSidebar's and
 * ArticleRevisionBody's HTML, the body cut at its wiki links) assembled from parts rendered one at a time and cached by what they show
 * (lib/views/rendered-parts.ts): after a one-section edit, one section is
 * rendered and the rest come from the cache. Byte for byte the whole render
 * (revision-parts.test.tsx checks it on generated revisions and edits).
 */
export function renderRevisionByParts(view: RevisionParts, render: StaticRender): RevisionHtml {
  const { content } = view;
  const slug = encodeURIComponent(view.article.slug);
  const plan = planCitations(content);
  const { toc, anchorOf, notesAnchor, referencesAnchor } = articleOutline(content, plan);
  const tocKey = tocKeyOf(toc);
  // The sidebar's table of contents (ArticleSidebar's HTML).
  const sidebar = renderedPlainPart(`t${FIELD}${tocKey}`, () =>
    render(<TableOfContents entries={toc} placement="sidebar" />),
  );
  const pieces: Array<LinkedBytes | Uint8Array> = [];
  if (!view.isCurrent) pieces.push(utf8.encode(render(<OldRevisionBanner view={view} />)));
  const [bodyOpen, bodyClose] = around(render, (hole) => <ArticleBodyShell>{hole}</ArticleBodyShell>);
  pieces.push(bodyOpen);
  const infobox = content.infobox;
  if (infobox) {
    let numbering = "";
    walkArticleDocs({ infobox, sections: [] }, (doc) => {
      numbering += `${numberingOf(doc, plan)}${FIELD}`;
    });
    pieces.push(
      renderedLinkedPart(`i${FIELD}${hashOfContent(infobox)}${FIELD}${numbering}`, () =>
        render(<Infobox infobox={infobox} plan={plan} />),
      ),
    );
  }
  for (const section of content.sections) {
    const hash = hashOfContent(section);
    const numbering = numberingOf(section.body, plan);
    if (section.level === 0) {
      pieces.push(
        renderedLinkedPart(`l${FIELD}${hash}${FIELD}${tocKey}${FIELD}${numbering}`, () =>
          render(<LeadPart section={section} plan={plan} toc={toc} />),
        ),
      );
      continue;
    }
    const anchor = anchorOf.get(section.id);
    const edit = view.isCurrent ? `edit ${slug}` : "";
    pieces.push(
      renderedLinkedPart(`s${FIELD}${hash}${FIELD}${anchor ?? ITEM}${FIELD}${edit}${FIELD}${numbering}`, () =>
        render(<SectionPart section={section} plan={plan} anchor={anchor} slug={slug} isCurrent={view.isCurrent} />),
      ),
    );
  }
  // The notes and the references: a section around one part per entry.
  const listSection = (kind: "notes" | "references", anchor: string, entries: LinkedBytes[]) => {
    const [open, close] = around(render, (hole) => (
      <ListSection kind={kind} anchor={anchor}>
        {hole}
      </ListSection>
    ));
    pieces.push(open);
    for (const entry of entries) pieces.push(entry);
    pieces.push(close);
  };
  if (notesAnchor) {
    const notes = plan.notes.map((note) => {
      const numbering = numberingOf({ type: "doc", content: note.content }, plan);
      return renderedLinkedPart(
        `n${FIELD}${hashOfContent(note.content)}${FIELD}${note.label}${FIELD}${numbering}`,
        () => render(<NoteItem note={note} plan={plan} />),
      );
    });
    listSection("notes", notesAnchor, notes);
  }
  if (referencesAnchor) {
    const references = plan.references.map((entry, index) =>
      renderedLinkedPart(referenceKey(entry, index), () => render(<ReferenceItem entry={entry} index={index} />)),
    );
    listSection("references", referencesAnchor, references);
  }
  pieces.push(bodyClose);
  pieces.push(utf8.encode(render(<RevisionFooter view={view} />)));
  return { sidebar, body: joinLinkedBytes(pieces) };
}

function tocKeyOf(toc: TocEntry[]): string {
  const hash = createHash("sha256");
  for (const entry of toc) hash.update(`${entry.level}${FIELD}${entry.anchor}${FIELD}${entry.title}${ITEM}`);
  return hash.digest("base64url");
}

/** The same rendered whole, in one call each (without a part cache, the cheapest way; the bench's baseline). */
export function renderRevisionWhole(view: RevisionParts, render: StaticRender): RevisionHtml {
  return {
    sidebar: utf8.encode(render(<ArticleSidebar content={view.content} />)),
    body: encodeLinkedHtml(splitWikiLinks(render(<ArticleRevisionBody view={view} />))),
  };
}
