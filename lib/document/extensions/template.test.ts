import { describe, expect, it } from "vitest";
import { templateLabel, templateParamLabel } from "./template";

/* How an opaque piece of wikitext names itself to a reader, in the editor and on the article page. */
describe("a template's label", () => {
  it("names a template call, a link-like construct and raw markup each its own way", () => {
    expect(templateLabel("Main", "template")).toBe("Template: Main");
    expect(templateLabel("gallery", "raw")).toBe("Wikitext: gallery");
    // A link-like construct with a namespace shows it spaced; one without says it is a link.
    expect(templateLabel("Category:Cities", "link")).toBe("Category: Cities");
    expect(templateLabel("Category:  Cities", "link")).toBe("Category: Cities");
    expect(templateLabel("Hama", "link")).toBe("Link: Hama");
  });

  it("shows a named parameter with its name, a positional one as its value alone", () => {
    expect(templateParamLabel({ key: "abbr", value: "on" })).toBe("abbr = on");
    expect(templateParamLabel({ key: null, value: "5" })).toBe("5");
  });
});
