import { describe, expect, it } from "vitest";
import { docFromMarkup } from "@/lib/document/markup";
import type { ArticleContent, DocJSON } from "@/lib/document/model";
import { changesModel } from "./changes-model";
import { normalizeDoc } from "./sections";

/** JSON as PostgreSQL's jsonb gives it back: object keys ordered by length, then bytewise. */
function jsonbOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(jsonbOrder) as T;
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, jsonbOrder((value as Record<string, unknown>)[key])])) as T;
}

const reference = (key: string, title: string) => ({ key, title, url: `https://example.org/${key}` });
const base: ArticleContent = jsonbOrder({
  title: "Mills",
  infobox: null,
  sections: [
    { id: "sec-lead", title: "", level: 0, body: docFromMarkup("The river turns the '''old''' wheels.[[ref:a]]") },
    {
      id: "sec-history",
      title: "History",
      level: 2,
      body: docFromMarkup([
        "First paragraph, with a [[wiki:Link]].[[ref:a]]",
        "Second paragraph.[[ref:b]]",
        "Third ''paragraph''.[[ref:a]][[ref:b]]",
      ]),
    },
  ],
  references: [reference("a", "The mills of the river"), reference("b", "Wheels and water")],
});

/** What the editor's document gives for a section body: ProseMirror's JSON spelling. */
const editorSpelling = (blocks: DocJSON[]): DocJSON => normalizeDoc({ type: "doc", content: blocks });

describe("changesModel", () => {
  it("inserting a paragraph shows one inserted block, and the untouched ones as equal (jsonb vs ProseMirror spelling)", () => {
    const history = base.sections[1];
    const blocks = history.body.content!;
    const draft: ArticleContent = {
      ...base,
      sections: [
        base.sections[0],
        {
          ...history,
          body: editorSpelling([blocks[0], docFromMarkup("A new paragraph.").content![0], blocks[1], blocks[2]]),
        },
      ],
    };
    const model = changesModel(base, draft);
    const section = model.diff.sections.find((candidate) => candidate.id === "sec-history")!;
    expect(section.blocks.map((block) => block.op)).toEqual(["equal", "insert", "equal", "equal"]);
    expect(model.diff.stats).toMatchObject({ blocksInserted: 1, blocksChanged: 0, blocksDeleted: 0, wordsInserted: 3 });
    expect(model.diff.sections.find((candidate) => candidate.id === "sec-lead")!.status).toBe("unchanged");
    expect(model.removedCitations).toEqual([]);
  });

  it("names each removed citation with its reference and section, the same spelling counting as no change", () => {
    const history = base.sections[1];
    const blocks = history.body.content!;
    const draft: ArticleContent = {
      ...base,
      sections: [
        base.sections[0],
        { ...history, body: editorSpelling([blocks[0], blocks[1], docFromMarkup("Third ''paragraph''.").content![0]]) },
      ],
    };
    const model = changesModel(base, draft);
    expect(model.removedCitations).toEqual([
      { sectionId: "sec-history", sectionTitle: "History", refKey: "a", reference: base.references[0], count: 1 },
      { sectionId: "sec-history", sectionTitle: "History", refKey: "b", reference: base.references[1], count: 1 },
    ]);
    const section = model.diff.sections.find((candidate) => candidate.id === "sec-history")!;
    expect(section.blocks.map((block) => block.op)).toEqual(["equal", "equal", "change"]);
    const change = section.blocks[2];
    expect(change.op === "change" && change.runs?.filter((run) => run.op === "delete")).toEqual([
      {
        op: "delete",
        tokens: [
          { kind: "citation", refKey: "a" },
          { kind: "citation", refKey: "b" },
        ],
      },
    ]);
  });

  it("a removed section loses all its citations; an untouched section is not even spelled again", () => {
    const draft: ArticleContent = { ...base, sections: [base.sections[0]] };
    const model = changesModel(base, draft);
    expect(model.removedCitations.map((item) => [item.refKey, item.count])).toEqual([
      ["a", 2],
      ["b", 2],
    ]);
    expect(model.to.sections[0]).toBe(base.sections[0]);
  });
});
