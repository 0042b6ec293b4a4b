import { describe, expect, it } from "vitest";
import { docFromMarkup } from "./markup";
import type { ArticleContent } from "./model";
import { citedReferenceKeys, pruneUncitedReferences } from "./prune";

describe("pruneUncitedReferences", () => {
  it("keeps the references cited anywhere (notes and infobox included) and drops the rest", () => {
    const content: ArticleContent = {
      title: "T",
      infobox: { kind: "k", title: "T", rows: [{ kind: "field", label: "L", value: docFromMarkup("x[[ref:box]]") }] },
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("y[[ref:a]] z[[note:n[[ref:note]]]]") }],
      references: ["a", "gone", "box", "note"].map((key) => ({ key, title: key })),
    };
    expect([...citedReferenceKeys(content)].sort()).toEqual(["a", "box", "note"]);
    expect(pruneUncitedReferences(content).references.map((reference) => reference.key)).toEqual(["a", "box", "note"]);
  });

  it("counts only citation nodes with a key", () => {
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "citation" }, { type: "maintenanceTag", attrs: { refKey: "t" } }] },
      ],
    };
    expect(citedReferenceKeys({ infobox: null, sections: [{ id: "lead", title: "", level: 0, body }] })).toEqual(
      new Set(),
    );
  });
});
