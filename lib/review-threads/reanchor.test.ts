import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent } from "../document/model";
import { seededRandom } from "../../test/factories";
import { anchorText, resolveAnchor, type StoredAnchor } from "./anchor";
import { mapBlocks, placeThread } from "./reanchor";

const article = (sections: Record<string, string[]>, references = ["a", "b"]): ArticleContent => ({
  title: "T",
  infobox: null,
  sections: Object.entries(sections).map(([id, blocks], index) => ({
    id,
    title: index === 0 ? "" : id,
    level: index === 0 ? 0 : 2,
    body: docFromMarkup(blocks),
  })),
  references: references.map((key) => ({ key, title: `Source ${key}` })),
});

const onBlock = (
  content: ArticleContent,
  sectionId: string,
  blockIndex: number,
  kind: "block" | "range" | "citation" = "block",
  extra = {},
): StoredAnchor => {
  const resolved = resolveAnchor(content, 1, { kind, sectionId, blockIndex, ...extra } as never);
  if (!resolved.ok) throw new Error(resolved.problem.message);
  return resolved.anchor;
};

describe("mapBlocks and placeThread", () => {
  const v1 = article({ lead: ["Intro.[[ref:a]]"], s: ["One.", "Two two two two.[[ref:b]]", "Three three."] });

  it("keeps a thread on an equal block that moved down, and follows it to its new index", () => {
    const v2 = article({
      lead: ["Intro.[[ref:a]]"],
      s: ["Zero.", "One.", "Two two two two.[[ref:b]]", "Three three."],
    });
    expect(placeThread(onBlock(v1, "s", 1), v2, mapBlocks(v1, v2, ["s"]))).toMatchObject({
      state: "current",
      sectionId: "s",
      blockIndex: 2,
      changed: false,
    });
  });

  it("keeps a thread on a block changed in place, marked changed; outdates one on a deleted block", () => {
    const v2 = article({ lead: ["Intro.[[ref:a]]"], s: ["Two two two two, now longer.[[ref:b]]", "Three three."] });
    const mapping = mapBlocks(v1, v2, ["s"]);
    expect(placeThread(onBlock(v1, "s", 1), v2, mapping)).toMatchObject({
      state: "current",
      blockIndex: 0,
      changed: true,
    });
    expect(placeThread(onBlock(v1, "s", 0), v2, mapping).state).toBe("outdated");
    expect(placeThread(onBlock(v1, "s", 2), v2, mapping)).toMatchObject({ blockIndex: 1, changed: false });
  });

  it("outdates a citation thread whose citation left the changed block, and a range whose words changed", () => {
    const v2 = article({ lead: ["Intro.[[ref:a]]"], s: ["One.", "Two two two three.", "Three three."] });
    const mapping = mapBlocks(v1, v2, ["s"]);
    expect(placeThread(onBlock(v1, "s", 1, "citation", { refKey: "b" }), v2, mapping).state).toBe("outdated");
    expect(placeThread(onBlock(v1, "s", 1, "range", { quote: "two two." }), v2, mapping).state).toBe("outdated");
    expect(placeThread(onBlock(v1, "s", 1, "range", { quote: "Two two" }), v2, mapping)).toMatchObject({
      state: "current",
      rangeStart: 0,
      rangeEnd: 7,
    });
  });

  it("follows a block moved to another section named in the mapping", () => {
    const v2 = article({ lead: ["Intro.[[ref:a]]", "Two two two two.[[ref:b]]"], s: ["One.", "Three three."] });
    expect(placeThread(onBlock(v1, "s", 1), v2, mapBlocks(v1, v2, ["s", "lead"]))).toMatchObject({
      sectionId: "lead",
      blockIndex: 1,
    });
  });

  it("outdates every thread of a removed section, and maps an identical section onto itself without a diff", () => {
    const v2 = article({ lead: ["Intro.[[ref:a]]"] });
    expect(placeThread(onBlock(v1, "s", 0), v2, mapBlocks(v1, v2, ["s"])).state).toBe("outdated");
    expect(mapBlocks(v1, v1, ["s", "missing"]).get("s")).toEqual(
      [0, 1, 2].map((index) => ({ sectionId: "s", index, changed: false })),
    );
  });

  it("places reference and infobox threads by their existence only", () => {
    const v2 = article({ lead: ["Intro.[[ref:a]]"] }, ["a"]);
    const reference = (key: string): StoredAnchor => ({
      anchorKind: "reference",
      refKey: key,
      sectionId: null,
      blockIndex: null,
      quote: "",
      rangeStart: null,
      rangeEnd: null,
    });
    expect(placeThread(reference("a"), v2, null).state).toBe("current");
    expect(placeThread(reference("b"), v2, null).state).toBe("outdated");
    expect(placeThread({ ...reference("a"), anchorKind: "infobox", refKey: null }, v2, null).state).toBe("outdated");
  });

  it("property: an unchanged block keeps its thread and its text, whatever blocks are inserted or deleted around it", () => {
    const random = seededRandom(17);
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 8);
      const blocks = Array.from({ length: count }, (_, i) =>
        `Block ${round}-${i} ${"word ".repeat(1 + Math.floor(random() * 5))}`.trim(),
      );
      const older = article({ lead: ["Lead."], s: blocks });
      const target = Math.floor(random() * count);
      const edited = blocks.flatMap((block, i) => {
        if (i === target) return [block];
        const roll = random();
        if (roll < 0.3) return [];
        if (roll < 0.5) return [`New text ${round}-${i} unlike anything.`, block];
        return [block];
      });
      const newer = article({ lead: ["Lead."], s: edited });
      const place = placeThread(onBlock(older, "s", target), newer, mapBlocks(older, newer, ["s"]));
      expect(place.state).toBe("current");
      if (place.state !== "current") continue;
      const block = newer.sections[1].body.content![place.blockIndex!];
      expect(anchorText(block)).toBe(blocks[target]);
      expect(place.changed).toBe(false);
    }
  });
});

describe("blockMarkup", () => {
  it("round-trips a paragraph with marks, links and citations through the suggestion parser", async () => {
    const { blockMarkup, suggestionBlocks } = await import("./suggestion");
    const content = article({
      lead: ["Plain ''italic'' '''bold''' [[wiki:Hama|the city]] text.[[ref:a]] More.[[ref:a|pages=12|quote=a | b]]"],
    });
    const block = content.sections[0].body.content![0];
    const parsed = suggestionBlocks(blockMarkup(block), content);
    expect(parsed.ok && parsed.blocks[0]).toEqual(block);
    expect(blockMarkup(block)).toContain("[[ref:a|pages=12|quote=a | b]]");
    // Only a locator's own fields, each once: anything else is unreadable markup, named as such.
    for (const bad of ["[[ref:a|page=12]]", "[[ref:a|pages=1|pages=2]]", "[[ref:a|constructor=x]]"])
      expect(suggestionBlocks(`Text.${bad}`, content), bad).toEqual({
        ok: false,
        problem: { field: "suggestion", message: expect.stringContaining("a citation takes pages=, at= or quote=") },
      });
  });
});
