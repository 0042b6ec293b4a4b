import { describe, expect, it } from "vitest";
import type { ArticleContent, Reference } from "../document/model";
import { sectionOf } from "../../test/sections";
import { workItems } from "./work-items";

const article = (sections: ReturnType<typeof sectionOf>[], references: Reference[] = []): ArticleContent => ({
  title: "T",
  infobox: null,
  sections,
  references,
});

describe("workItems", () => {
  it("lists tagged claims oldest first (undated last) with the claim they mark", () => {
    const items = workItems(
      article(
        [
          sectionOf("lead", "", "The city fell on 5 December.[[tag:citation needed|2024-12]]"),
          sectionOf("s", "Aftermath", [
            "Thousands fled north within a week of the battle.[[ref:a]] Losses were heavy.[[tag:citation needed]]",
            "Officials gave a figure.[[ref:a]][[tag:clarification needed|2023-05]]",
          ]),
        ],
        [{ key: "a", title: "A" }],
      ),
    );
    expect(items).toEqual([
      { kind: "tag", sectionId: "s", tag: "clarification needed", date: "2023-05", claim: "Officials gave a figure." },
      {
        kind: "tag",
        sectionId: "lead",
        tag: "citation needed",
        date: "2024-12",
        claim: "The city fell on 5 December.",
      },
      {
        kind: "tag",
        sectionId: "s",
        tag: "citation needed",
        date: null,
        claim: "Losses were heavy.",
      },
    ]);
  });

  it("lists paragraphs of the body that cite nothing, not the lead's, not short lines, and counts a note's citation", () => {
    const items = workItems(
      article(
        [
          sectionOf("lead", "", "A lead paragraph long enough to count but the lead may rest on the body."),
          sectionOf("s", "Battle", [
            "Government forces withdrew from the northern districts overnight, leaving heavy equipment.",
            "Short caption line.",
            "A paragraph sourced only in its footnote, which is still a citation of the claim.[[note:See[[ref:a]]]]",
            "Another sourced paragraph about the fighting in the eastern suburbs of the city.[[ref:a]]",
          ]),
        ],
        [{ key: "a", title: "A" }],
      ),
    );
    expect(items).toEqual([
      {
        kind: "uncited-paragraph",
        sectionId: "s",
        excerpt: "Government forces withdrew from the northern districts overnight, leaving heavy equipment.",
      },
    ]);
  });

  it("lists weak references once each, in the section that first cites them, and ignores uncited or offline ones", () => {
    const items = workItems(
      article(
        [
          sectionOf("lead", "", "Lead.[[ref:book]]"),
          sectionOf("s", "Sources", [
            "Web claim.[[ref:web]][[tag:dead link|2025-01]] Again.[[ref:web]]",
            "Archived.[[ref:ok]]",
          ]),
        ],
        [
          { key: "book", title: "A Book" },
          { key: "web", title: "Web Page", url: "https://example.org/x" },
          {
            key: "ok",
            title: "Kept",
            url: "https://example.org/y",
            accessDate: "2025-01-02",
            archiveUrl: "https://archive.org/y",
          },
          { key: "unused", title: "Unused", url: "https://example.org/z" },
        ],
      ),
    );
    expect(items).toEqual([
      { kind: "dead-link", sectionId: "s", refKey: "web", title: "Web Page" },
      { kind: "no-access-date", sectionId: "s", refKey: "web", title: "Web Page" },
      { kind: "no-archive", sectionId: "s", refKey: "web", title: "Web Page" },
    ]);
  });
});
