import { EditorState, NodeSelection, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { docFromMarkup } from "@/lib/document/markup";
import { documentSchema } from "@/lib/document/schema";
import { citationsRemovedBy } from "./citation-removals";

function stateOf(markup: string[]) {
  return EditorState.create({ doc: documentSchema.nodeFromJSON(docFromMarkup(markup)) });
}

/** Positions of the citation nodes of `state`, in order. */
function citations(state: EditorState): Array<{ pos: number; refKey: string }> {
  const found: Array<{ pos: number; refKey: string }> = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === "citation") found.push({ pos, refKey: String(node.attrs.refKey) });
  });
  return found;
}

describe("citationsRemovedBy", () => {
  const state = stateOf(["Mills stood here.[[ref:a]]", "Floods came.[[ref:b]][[ref:a]]"]);
  const [first, second, third] = citations(state);

  it("a selected citation replaced by a typed letter is a removal, at its place", () => {
    const tr = state.tr.setSelection(NodeSelection.create(state.doc, first.pos)).insertText("x");
    expect(citationsRemovedBy(tr)).toEqual({
      removed: [{ refKey: "a", locator: {}, pos: first.pos }],
      added: new Set(),
    });
  });

  it("a deleted range with two citations reports both; typing elsewhere reports nothing", () => {
    const tr = state.tr.delete(second.pos - 3, third.pos + 1);
    expect(citationsRemovedBy(tr).removed.map((citation) => citation.refKey)).toEqual(["b", "a"]);
    const typing = state.tr.setSelection(TextSelection.create(state.doc, 3)).insertText("old ");
    expect(citationsRemovedBy(typing)).toEqual({ removed: [], added: new Set() });
  });

  it("a citation put back by the same change (moved, or replaced by itself) is no removal; a new one is an addition", () => {
    const type = documentSchema.nodes.citation;
    const same = state.tr.replaceWith(first.pos, first.pos + 1, type.create({ refKey: "a" }));
    expect(citationsRemovedBy(same).removed).toEqual([]);
    const inserted = state.tr.insert(3, type.create({ refKey: "c" }));
    expect(citationsRemovedBy(inserted)).toEqual({ removed: [], added: new Set(["c"]) });
  });

  it("a removed citation keeps its locator, so Undo puts back the place it cited", () => {
    const located = stateOf(["Mills stood here.[[ref:a|pages=12|quote=stood]]"]);
    const [citation] = citations(located);
    const tr = located.tr.setSelection(NodeSelection.create(located.doc, citation.pos)).insertText("x");
    expect(citationsRemovedBy(tr).removed).toEqual([
      { refKey: "a", locator: { pages: "12", quote: "stood" }, pos: citation.pos },
    ]);
  });
});
