import { describe, expect, it } from "vitest";
import { hasLocator, locatorKey, locatorOf, locatorPlace, locatorText } from "./citation";

/* A citation's locator as readers see it (reference list, editor, diff) and as citations are grouped by it. */
describe("a citation's locator", () => {
  it("reads its place as a page, a page range or another place, joined by commas", () => {
    expect(locatorPlace({ pages: "12" })).toBe("p. 12");
    for (const pages of ["12-14", "12–14", "12—14", "3, 7"]) expect(locatorPlace({ pages })).toBe(`pp. ${pages}`);
    expect(locatorPlace({ at: "ch. 2" })).toBe("ch. 2");
    expect(locatorPlace({ pages: "3", at: "ch. 2" })).toBe("p. 3, ch. 2");
    expect(locatorPlace({ quote: "said" })).toBe("");
    expect(locatorPlace({})).toBe("");
  });

  it("reads in one line as its place and its quotation, either alone", () => {
    expect(locatorText({ pages: "12", quote: "said" })).toBe("p. 12: “said”");
    expect(locatorText({ at: "01:23:45" })).toBe("01:23:45");
    expect(locatorText({ quote: "said" })).toBe("“said”");
    expect(locatorText({})).toBe("");
  });

  it("keys equal locators alike and no locator as the empty string", () => {
    expect(locatorKey({})).toBe("");
    expect(locatorKey({ pages: "12" })).toBe(locatorKey(locatorOf({ pages: "12", at: "" })));
    expect(locatorKey({ pages: "12" })).not.toBe(locatorKey({ at: "12" }));
    expect(hasLocator(locatorOf({ pages: "", quote: 3 }))).toBe(false);
  });
});
