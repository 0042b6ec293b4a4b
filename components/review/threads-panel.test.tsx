import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { diffArticles } from "@/lib/diff/article-diff";
import type { ArticleContent } from "@/lib/document/model";
import type { ReviewThreadView } from "@/lib/review-threads/read-threads";
import { proposalThreads } from "./threads-panel";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const article = (...paragraphs: string[]): ArticleContent => ({
  title: "T",
  infobox: null,
  sections: [
    { id: "lead", title: "", level: 0, body: { type: "doc", content: [paragraph("The lead.")] } },
    { id: "history", title: "History", level: 2, body: { type: "doc", content: paragraphs.map(paragraph) } },
  ],
  references: [],
});
const base = article("The mill was built.");
const proposed = article("The mill was built.", "It stopped for a fortnight.");

/** An open thread on the proposal's new paragraph (History, block 1), placed on the newest version. */
const thread: ReviewThreadView = {
  id: 7,
  version: 1,
  author: "reviewer",
  authorId: 2,
  anchorKind: "block",
  sectionId: "history",
  blockIndex: 1,
  quote: "",
  rangeStart: null,
  rangeEnd: null,
  refKey: null,
  suggestion: null,
  resolved: null,
  appliedInVersion: null,
  createdAt: new Date("2026-12-01T10:00:00Z"),
  place: { state: "current", sectionId: "history", blockIndex: 1, rangeStart: null, rangeEnd: null, changed: false },
  entries: [
    {
      id: 1,
      kind: "comment",
      author: "reviewer",
      body: "Which source says a fortnight?",
      version: 1,
      createdAt: new Date("2026-12-01T10:00:00Z"),
    },
  ],
};
const context = {
  proposalId: 1,
  version: 2,
  proposalAuthorId: 1,
  viewer: { id: 2, canComment: true, canSuggest: true, isAuthor: false, isReviewer: true },
};

const panelOf = (diff: ReturnType<typeof diffArticles> | null) =>
  renderToStaticMarkup(proposalThreads({ threads: [thread], context, diff, proposed }).panel);

describe("the proposal page's review threads panel", () => {
  it("leaves a thread beside its paragraph when the page shows the diff against the base", () => {
    const html = panelOf(diffArticles(base, proposed));
    expect(html).toContain("Every thread is shown beside the text it concerns, above.");
    expect(html).not.toContain("Which source says a fortnight?");
  });

  it("lists every thread when the page shows an interdiff, which has no threads beside its text", () => {
    const html = panelOf(null);
    expect(html).not.toContain("Every thread is shown beside the text it concerns");
    expect(html).toContain("Which source says a fortnight?");
    expect(html).toContain('data-thread-id="7"');
  });
});
