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
    expect(plan.citationAnchors.get(first)).toEqual({
      number: 1,
      label: "1",
      id: "cite_ref-b-0",
      targetId: "cite_note-b",
    });
    expect(plan.citationAnchors.get(second)).toEqual({
      number: 1,
      label: "1",
      id: "cite_ref-b-1",
      targetId: "cite_note-b",
    });
    // A citation of a key the revision lacks gets no number (the validator refuses it on save).
    expect(plan.citationAnchors.has(ghost)).toBe(false);
    expect(plan.citationAnchors.get(note.content![1])).toEqual({
      number: 2,
      label: "2",
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

describe("sub-references (locators on citations)", () => {
  const planOf = (markup: string) => {
    const body = docFromMarkup(markup);
    const plan = planCitations({
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body }],
      references: refs,
    });
    return { plan, inline: body.content![0].content!.filter((node) => node.type === "citation") };
  };

  it("lists a reference's locators beneath it as n.1, n.2 by first appearance, one per distinct locator", () => {
    const { plan, inline } = planOf(
      "x[[ref:a]] y[[ref:b|pages=14]] z[[ref:b|pages=12]] w[[ref:b]] v[[ref:b|pages=14]] u[[ref:b|at=ch. 3]] t[[ref:a|pages=2]]",
    );
    const [a, b] = plan.references;
    expect(a.reference.key).toBe("a");
    expect(a.citationIds).toEqual(["cite_ref-a-0"]);
    expect(a.subReferences.map((sub) => [sub.label, sub.locator, sub.id, sub.citationIds])).toEqual([
      ["1.1", { pages: "2" }, "cite_note-a~1", ["cite_ref-a-1"]],
    ]);
    expect(b.number).toBe(2);
    // The citation without a locator points at the reference itself, as before.
    expect(b.citationIds).toEqual(["cite_ref-b-2"]);
    expect(b.subReferences.map((sub) => [sub.label, sub.locator, sub.citationIds])).toEqual([
      ["2.1", { pages: "14" }, ["cite_ref-b-0", "cite_ref-b-3"]],
      ["2.2", { pages: "12" }, ["cite_ref-b-1"]],
      ["2.3", { at: "ch. 3" }, ["cite_ref-b-4"]],
    ]);
    expect(inline.map((node) => plan.citationAnchors.get(node)?.label)).toEqual([
      "1",
      "2.1",
      "2.2",
      "2",
      "2.1",
      "2.3",
      "1.1",
    ]);
    expect(plan.citationAnchors.get(inline[4])).toEqual({
      number: 2,
      label: "2.1",
      id: "cite_ref-b-3",
      targetId: "cite_note-b~1",
    });
  });

  it("shares a sub-reference only when pages, at and quote are all the same", () => {
    const { plan } = planOf(
      "[[ref:c|pages=5]][[ref:c|pages=5|quote=Q]][[ref:c|pages=5]][[ref:c|at=5]][[ref:c|pages=5|quote=Q]]",
    );
    expect(plan.references[0].subReferences.map((sub) => [sub.label, sub.citationIds.length])).toEqual([
      ["1.1", 2],
      ["1.2", 2],
      ["1.3", 1],
    ]);
    expect(plan.references[0].citationIds).toEqual([]);
  });

  it("numbers locators of a reference first cited in a note where the note stands", () => {
    const { plan } = planOf("a[[note:see[[ref:d|pages=9]]]] b[[ref:c]] c[[ref:d|pages=9]][[ref:d|pages=10]]");
    expect(plan.references.map((entry) => [entry.reference.key, entry.subReferences.map((sub) => sub.label)])).toEqual([
      ["d", ["1.1", "1.2"]],
      ["c", []],
      ["a", []],
      ["b", []],
    ]);
  });
});
