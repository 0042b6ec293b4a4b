import { describe, expect, it } from "vitest";
import { demoArticle } from "../../prisma/seed/demo-article";
import { letterLabel, planCitations } from "./citations";
import { articleFromSource, docFromMarkup } from "./markup";
import type { ArticleContent } from "./model";

const refs = ["a", "b", "c", "d"].map((key) => ({ key, title: key.toUpperCase() }));

describe("planCitations", () => {
  it("numbers references by first use, infobox first, notes where they stand", () => {
    const content: ArticleContent = {
      title: "T",
      infobox: {
        kind: "k",
        title: "T",
        rows: [{ kind: "field", label: "Status", value: docFromMarkup("won[[ref:c]]") }],
      },
      sections: [
        {
          id: "lead",
          title: "",
          level: 0,
          body: docFromMarkup("one[[ref:b]] two[[ref:c]][[ref:b]] note[[note:n[[ref:d]]]] three[[ref:b]]"),
        },
        { id: "s1", title: "S", level: 2, body: docFromMarkup("again[[ref:d]]") },
      ],
      references: refs,
    };
    const plan = planCitations(content);
    expect(plan.references.map((entry) => [entry.reference.key, entry.number, entry.citationIds.length])).toEqual([
      ["c", 1, 2],
      ["b", 2, 3],
      ["d", 3, 2],
      ["a", 4, 0], // present but uncited: listed last
    ]);
    expect(plan.references[1].citationIds).toEqual(["cite_ref-b-0", "cite_ref-b-1", "cite_ref-b-2"]);
    expect(plan.notes.map((note) => note.label)).toEqual(["a"]);
  });

  it("letters backlinks a..z, then aa, ab", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(letterLabel)).toEqual(["a", "b", "z", "aa", "ab", "az", "ba"]);
  });

  it("gives the demo article its notes a–e and reuses references up to five times", () => {
    const plan = planCitations(articleFromSource(demoArticle));
    expect(plan.notes.map((note) => note.label)).toEqual(["a", "b", "c", "d", "e"]);
    expect(Math.max(...plan.references.map((entry) => entry.citationIds.length))).toBe(5);
    expect(plan.references.every((entry) => entry.citationIds.length > 0)).toBe(true);
  });
});

describe("the anchors the renderer links", () => {
  it("gives each citation node its number, its own backlink id and its reference's id, and each note its letter", () => {
    const body = docFromMarkup("x[[ref:b]] y[[ref:ghost]] z[[ref:b]] n[[note:see[[ref:a]]]]");
    const plan = planCitations({
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body }],
      references: refs,
    });
    const inline = body.content![0].content!;
    const [first, ghost, second, note] = [1, 3, 5, 7].map((index) => inline[index]);
    expect(plan.citationAnchors.get(first)).toEqual({ number: 1, id: "cite_ref-b-0", targetId: "cite_note-b" });
    expect(plan.citationAnchors.get(second)).toEqual({ number: 1, id: "cite_ref-b-1", targetId: "cite_note-b" });
    // A citation of a key the revision lacks gets no number (the validator refuses it on save).
    expect(plan.citationAnchors.has(ghost)).toBe(false);
    expect(plan.citationAnchors.get(note.content![1])).toEqual({
      number: 2,
      id: "cite_ref-a-0",
      targetId: "cite_note-a",
    });
    expect(plan.noteAnchors.get(note)).toEqual({
      label: "a",
      anchorId: "note_ref-a",
      noteId: "note-a",
      content: note.content,
    });
    expect([...plan.numberOf]).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 3],
      ["d", 4],
    ]);
  });

  it("gives an empty note an empty content list", () => {
    const note = { type: "note" };
    const plan = planCitations({
      infobox: null,
      sections: [
        { id: "lead", title: "", level: 0, body: { type: "doc", content: [{ type: "paragraph", content: [note] }] } },
      ],
      references: [],
    });
    expect(plan.noteAnchors.get(note)?.content).toEqual([]);
  });
});
