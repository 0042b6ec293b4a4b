import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "@/lib/cache/deep-freeze";
import { docFromMarkup } from "@/lib/document/markup";
import type { ArticleContent } from "@/lib/document/model";
import { partCacheStats } from "@/lib/views/rendered-parts";
import { colouredPieces, type LinkedBytes } from "@/lib/views/wiki-links";
import {
  applyRenderEdit,
  fuzzParameters,
  renderArticleArb,
  renderEditArb,
  type RenderEdit,
} from "@/test/document-arbitraries";
import { generateArticle } from "@/test/factories";
import { renderRevisionByParts, renderRevisionWhole } from "./revision-parts";

function viewOf(content: ArticleContent, options: { isCurrent: boolean; slug: string; revisionId: number }) {
  return {
    article: { id: 1, slug: options.slug, title: content.title, currentRevisionId: options.revisionId },
    revision: {
      id: options.revisionId,
      parentId: options.revisionId > 1 ? options.revisionId - 1 : null,
      createdAt: new Date("2024-12-01T10:00:00Z"),
      summary: "",
      minor: false,
      sizeBytes: 1,
      schemaVersion: 1,
      tags: [],
      author: { id: 1, name: "someone" },
      approvedBy: null,
    },
    isCurrent: options.isCurrent,
    content,
  };
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
const htmlOf = (linked: LinkedBytes, existing: ReadonlySet<string> = new Set()) =>
  text(Buffer.concat(colouredPieces(linked, existing)));

/** Every revision of an edit sequence, frozen as the content store hands them out (unchanged parts shared). */
function revisionsOf(first: ArticleContent, edits: RenderEdit[]): ArticleContent[] {
  const revisions = [deepFreeze(first)];
  edits.forEach((edit, index) => revisions.push(deepFreeze(applyRenderEdit(revisions.at(-1)!, edit, index))));
  return revisions;
}

describe("a revision assembled from cached parts", () => {
  it("is byte for byte the whole render, for every revision of any sequence of edits", () => {
    fc.assert(
      fc.property(
        renderArticleArb,
        fc.array(renderEditArb, { maxLength: 6 }),
        fc.constantFrom("Hama_offensive", "A/b c?"),
        fc.boolean(),
        (first, edits, slug, oldToo) => {
          revisionsOf(first, edits).forEach((content, index) => {
            // The same revision as the current one and as an old one (no edit links, a banner): parts differ.
            for (const isCurrent of oldToo ? [true, false] : [true]) {
              const view = viewOf(content, { isCurrent, slug, revisionId: index + 1 });
              const parts = renderRevisionByParts(view, renderToStaticMarkup);
              const whole = renderRevisionWhole(view, renderToStaticMarkup);
              expect(text(parts.sidebar)).toBe(text(whole.sidebar));
              for (const existing of [new Set<string>(), new Set(["Hama", "Homs"])])
                expect(htmlOf(parts.body, existing)).toBe(htmlOf(whole.body, existing));
              expect(parts.body.links).toEqual(whole.body.links);
              expect(parts.body.slugs).toEqual(whole.body.slugs);
            }
          });
        },
      ),
      fuzzParameters(60),
    );
  });

  it("renders only the edited section after a one-section edit of a long article", () => {
    const before = deepFreeze(generateArticle({ sections: 40, references: 60, sectionChars: 900, seed: 7 }));
    const render = (content: ArticleContent, revisionId: number) =>
      renderRevisionByParts(viewOf(content, { isCurrent: true, slug: "Long", revisionId }), renderToStaticMarkup);
    render(before, 1);
    const edited = structuredClone(before.sections[20]);
    edited.body.content!.push(docFromMarkup("A sentence added by the edit.").content![0]);
    const after = deepFreeze({ ...before, sections: before.sections.with(20, edited) });
    const missesBefore = partCacheStats().misses;
    const parts = render(after, 2);
    expect(partCacheStats().misses - missesBefore).toBe(1);
    const whole = renderRevisionWhole(
      viewOf(after, { isCurrent: true, slug: "Long", revisionId: 2 }),
      renderToStaticMarkup,
    );
    expect(htmlOf(parts.body)).toBe(htmlOf(whole.body));
  });

  it("renders again the sections whose citation numbers an edit of an earlier section shifted", () => {
    const content: ArticleContent = deepFreeze({
      title: "T",
      infobox: null,
      sections: (
        [
          ["lead", "", "Lead."],
          ["s1", "One", "One.[[ref:b]]"],
          ["s2", "Two", "Two.[[ref:a|pages=3]][[note:See[[ref:a]]]]"],
        ] as const
      ).map(([id, title, markup]) => ({ id, title, level: title ? 2 : 0, body: docFromMarkup(markup) })),
      references: [
        { key: "a", title: "Alpha" },
        { key: "b", title: "Beta" },
      ],
    });
    const render = (revision: ArticleContent) =>
      renderRevisionByParts(viewOf(revision, { isCurrent: true, slug: "T", revisionId: 1 }), renderToStaticMarkup).body;
    expect(htmlOf(render(content))).toContain('<a href="#cite_note-a~1">[2.1]</a>');
    // Citing a first in the lead makes it reference 1: the untouched section two now shows [1.1].
    const edited = deepFreeze({
      ...content,
      sections: content.sections.with(0, { ...content.sections[0], body: docFromMarkup("Lead.[[ref:a]]") }),
    });
    const html = htmlOf(render(edited));
    expect(html).toContain('<a href="#cite_note-a~1">[1.1]</a>');
    expect(html).not.toContain("[2.1]");
  });
});
