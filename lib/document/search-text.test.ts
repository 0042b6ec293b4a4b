import { describe, expect, it } from "vitest";
import { docFromMarkup } from "./markup";
import { MAX_INDEXED_BODY, searchTextOf, wikiLinkTitles } from "./search-text";

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

  it("lists each wiki link target once, as written", () => {
    const titles = wikiLinkTitles({
      infobox: null,
      sections: [section("a", "", "[[wiki:Hama]] [[wiki:Homs|city]] [[wiki:Hama|again]]")],
    });
    expect(titles).toEqual(["Hama", "Homs"]);
  });
});
