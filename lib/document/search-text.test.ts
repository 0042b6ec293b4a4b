import { describe, expect, it } from "vitest";
import { docFromMarkup } from "./markup";
import type { DocJSON } from "./model";
import { MAX_INDEXED_BODY, MAX_INDEXED_REFERENCES, searchTextOf, wikiLinkTitles } from "./search-text";

const section = (id: string, title: string, markup: string) => ({
  id,
  title,
  level: (title ? 2 : 0) as 0 | 2,
  body: docFromMarkup(markup),
});

describe("the text a search document indexes", () => {
  it("takes section titles and text (not citation keys), and reference titles and works", () => {
    const text = searchTextOf({
      sections: [
        section("a", "", "Opposition forces took '''Hama'''[[ref:r1]] and [[wiki:Salamiyah]]."),
        section("b", "Aftermath", "Quiet."),
      ],
      references: [{ key: "r1", title: "Fall of Hama", work: "The Paper", url: "https://example.org" }],
    });
    expect(text.body).toBe("Opposition forces took Hama and Salamiyah.\nAftermath\nQuiet.");
    expect(text.refs).toBe("Fall of Hama The Paper");
    expect(text.body).not.toContain("r1");
  });

  it("stops at the cap, at a word boundary", () => {
    const long = Array.from({ length: 30_000 }, (_, i) => `word${i}`).join(" ");
    const text = searchTextOf({ sections: [section("a", "", long)], references: [] });
    expect(text.body.length).toBeLessThanOrEqual(MAX_INDEXED_BODY);
    expect(text.body.length).toBeGreaterThan(MAX_INDEXED_BODY - 100);
    expect(long.startsWith(text.body)).toBe(true);
    expect(long[text.body.length]).toBe(" ");
  });

  it("puts one line break between blocks and at a hard break, none for an empty section", () => {
    const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
    const text = (value: string): DocJSON => ({ type: "text", text: value });
    const body = {
      type: "doc",
      content: [
        paragraph(text("One"), { type: "hardBreak" }, text("two")),
        paragraph(text("Ends in a break"), { type: "hardBreak" }),
        paragraph(text("Three.")),
      ],
    };
    const sections = [
      { id: "lead", title: "", level: 0 as const, body },
      section("empty", "", ""),
      { ...section("list", "", ""), body: docFromMarkup([{ list: "bullet", items: ["Hama", "Homs"] }]) },
    ];
    expect(searchTextOf({ sections, references: [] }).body).toBe("One\ntwo\nEnds in a break\nThree.\nHama\nHoms");
  });

  it("reads a section again once it changed, unless it is frozen (stored, so it cannot change)", () => {
    const open = section("a", "", "Before.");
    expect(searchTextOf({ sections: [open], references: [] }).body).toBe("Before.");
    open.body = docFromMarkup("After.");
    expect(searchTextOf({ sections: [open], references: [] }).body).toBe("After.");
  });

  it("keeps text of exactly the cap whole, and cuts a text without a space near the cap at the cap", () => {
    const exact = `${"word ".repeat(MAX_INDEXED_BODY / 5 - 1)}last`;
    expect(exact.length).toBe(MAX_INDEXED_BODY - 1);
    const full = `${exact}s`;
    const kept = searchTextOf({ sections: [section("a", "", full), section("b", "More", "More.")], references: [] });
    expect(kept.body).toBe(full);
    // The last space exactly 100 characters before the cap: too far back to cut at.
    const spaced = `${"a".repeat(MAX_INDEXED_BODY - 100)} ${"b".repeat(200)}`;
    expect(searchTextOf({ sections: [section("a", "", spaced)], references: [] }).body).toBe(
      spaced.slice(0, MAX_INDEXED_BODY),
    );
    const oneWord = "x".repeat(MAX_INDEXED_BODY + 10);
    expect(searchTextOf({ sections: [section("a", "", oneWord)], references: [] }).body.length).toBe(MAX_INDEXED_BODY);
  });

  it("lists references one a line, a missing work left out", () => {
    const refs = searchTextOf({
      sections: [],
      references: [
        { key: "a", title: "Only a title" },
        { key: "b", title: "Title", work: "Work" },
      ],
    }).refs;
    expect(refs).toBe("Only a title\nTitle Work");
    expect(refs.length).toBeLessThan(MAX_INDEXED_REFERENCES);
  });

  it("lists each wiki link target once, as written", () => {
    const titles = wikiLinkTitles({
      infobox: null,
      sections: [
        section(
          "a",
          "",
          "[[wiki:Hama]] '''bold''' [[url:https://example.org|x]] [[wiki:Homs|city]] [[wiki:Hama|again]]",
        ),
      ],
    });
    expect(titles).toEqual(["Hama", "Homs"]);
  });
});
