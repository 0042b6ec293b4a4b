import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/articles/history";
import { HistoryPage } from "./history-page";

const entry = (id: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  parentId: id > 1 ? id - 1 : null,
  createdAt: new Date("2024-12-01T10:00:00Z"),
  author: "someone",
  approvedBy: null,
  amendedByApprover: false,
  summary: "",
  minor: false,
  tags: [],
  sizeBytes: 100,
  sizeChange: 0,
  ...overrides,
});

/** One history row's visible text, tags stripped. */
function rowText(revisions: HistoryEntry[], id: number): string {
  const html = renderToStaticMarkup(
    <HistoryPage
      page={{
        article: { id: 1, slug: "T", title: "T", currentRevisionId: revisions[0].id },
        revisions,
        nextCursor: null,
      }}
      cursor={null}
      reader={null}
    />,
  );
  const row = new RegExp(`<li[^>]*data-revision-id="${id}"[^>]*>(.*?)</li>`).exec(html)?.[1] ?? "";
  return row.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
}

describe("a history row", () => {
  it("puts the undo action in parentheses and labels the tags, so an undo link beside an undo tag reads as two things", () => {
    const text = rowText([entry(3, { tags: ["undo"], summary: "Undid revision 2" }), entry(2), entry(1)], 3);
    expect(text).toContain("(undo)");
    expect(text).toMatch(/Tag: undo$/);
    expect(text).not.toMatch(/undo\s*undo/);
    expect(rowText([entry(3, { tags: ["undo", "revert"] }), entry(2), entry(1)], 3)).toMatch(/Tags: undorevert$/);
  });

  it("offers no undo for the first revision and no tag label without tags", () => {
    const text = rowText([entry(2), entry(1)], 1);
    expect(text).not.toContain("undo");
    expect(text).not.toContain("Tag");
  });
});
