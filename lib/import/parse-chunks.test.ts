import { describe, expect, it } from "vitest";
import { blocksOf } from "./parse-chunks";

// That the blocks' trees are the page's tree is held against the whole corpus in test/import/corpus.test.ts.

describe("blocksOf", () => {
  it("cuts at blank lines, and the blocks joined are the source", () => {
    const source = "Lead.\n\n== A ==\nOne.\n\n\nTwo [[x]].\n\n";
    expect(blocksOf(source)).toEqual(["Lead.", "\n\n== A ==\nOne.", "\n\n\nTwo [[x]].", "\n\n"]);
    expect(blocksOf("")).toEqual([]);
  });

  it("keeps together whatever a blank line does not close", () => {
    const cases = [
      "{{Infobox x\n| a = 1\n\n| b = 2\n}}\n\nNext.",
      '{| class="wikitable"\n|-\n| a\n\n| b\n|}\n\nNext.',
      "Text<ref>one\n\ntwo</ref>\n\nNext.",
      "<!-- a comment\n\nstill -->\n\nNext.",
      "[[File:x.jpg|thumb|a\n\nb]]\n\nNext.",
      "<div>\n\nboxed\n\n</div>\n\nNext.",
    ];
    for (const source of cases) expect(blocksOf(source), source).toEqual([source.slice(0, -7), "\n\nNext."]);
    // What is never closed keeps the rest of the page together, as the whole-page parse reads it.
    expect(blocksOf("A <!-- open\n\nB\n\nC")).toHaveLength(1);
    expect(blocksOf("A <ref>open\n\nB <ref>x</ref>\n\nC")).toHaveLength(1);
    expect(blocksOf("A }} stray\n\nB\n\nC")).toHaveLength(1);
    // A redirect is one only at the start of a page: never at the start of a block.
    expect(blocksOf("A\n\n#REDIRECT [[B]]\n\nC")).toEqual(["A\n\n#REDIRECT [[B]]", "\n\nC"]);
    expect(blocksOf("A <br> b<br/>\n\nC")).toEqual(["A <br> b<br/>", "\n\nC"]);
  });
});
