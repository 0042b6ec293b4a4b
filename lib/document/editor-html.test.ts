import { describe, expect, it } from "vitest";
import { editorHtml } from "./editor-html";
import type { DocJSON } from "./model";

/**
 * The edit page puts this HTML into the page as it is (the early text box):
 * every stored string in it must come out as text, never as markup.
 */
describe("the editor's HTML made on the server", () => {
  it("escapes text and every attribute a stored document can set", () => {
    const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const doc: DocJSON = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2, sectionId: "history" }, content: [{ type: "text", text: hostile }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: hostile },
            { type: "text", text: "link", marks: [{ type: "wikiLink", attrs: { title: hostile } }] },
            { type: "citation", attrs: { refKey: hostile } },
            {
              type: "template",
              attrs: { name: hostile, params: [{ key: hostile, value: hostile }], form: "link" },
            },
            { type: "maintenanceTag", attrs: { kind: "citation needed", date: hostile } },
          ],
        },
      ],
    };
    const html = editorHtml(doc);
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain('data-title="&quot;&gt;&lt;img');
  });
});
