import { describe, expect, it } from "vitest";
import { validateArticleContent } from "@/lib/document/validate";
import { FREE_ROWS, INFOBOX_KINDS, kindOf, missingRows, moveItem, newInfobox, newRow } from "./infobox-kinds";

describe("infobox kinds", () => {
  it("a new infobox of each kind has the kind's typed rows and passes the server's validation", () => {
    for (const kind of INFOBOX_KINDS) {
      const infobox = newInfobox(kind, "Test");
      expect(infobox.rows.map((row) => [row.label, row.kind])).toEqual(kind.rows.map((row) => [row.label, row.kind]));
      const sided = infobox.rows.find((row) => row.kind === "sides");
      if (sided?.kind === "sides") expect(sided.sides).toHaveLength(2);
      const validation = validateArticleContent({
        title: "Test",
        infobox,
        sections: [{ id: "lead", title: "", level: 0, body: { type: "doc", content: [{ type: "paragraph" }] } }],
        references: [],
      });
      expect(validation.ok).toBe(true);
    }
    // "Part of" is offered by the form for a conflict and stored only once written: an empty one would print "Part of".
    expect(kindOf("military conflict")!.partOf).toBe(true);
    expect(newInfobox(kindOf("military conflict")!, "T").partOf).toBeUndefined();
  });

  it("offers the rows the infobox lacks, by label whatever the case, then free ones", () => {
    const kind = kindOf("settlement")!;
    const rows = [newRow({ label: "country", kind: "field" }), newRow({ label: "Population", kind: "field" })];
    expect(missingRows(kind, rows).map((row) => row.label)).toEqual(["Region", "Elevation", "Time zone"]);
    expect(missingRows(undefined, rows)).toEqual([]);
    expect(newRow(FREE_ROWS[1])).toMatchObject({ kind: "sides", label: "" });
  });

  it("moves an item, clamping the target; a bad source leaves the list", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 1, -3)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});
