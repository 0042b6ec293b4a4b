import { describe, expect, it } from "vitest";
import { themeFromCookies, themeStylesheet } from "./theme";

describe("theme preference", () => {
  it("reads the cookie among others, and falls back to the system's scheme for anything else", () => {
    expect(themeFromCookies("a=1; wiki-theme=dark; b=2")).toBe("dark");
    expect(themeFromCookies("wiki-theme=light")).toBe("light");
    expect(themeFromCookies("wiki-theme=purple")).toBe("auto");
    expect(themeFromCookies("xwiki-theme=dark")).toBe("auto");
    expect(themeFromCookies(null)).toBe("auto");
  });

  it("forces the scheme on the root only when one was chosen", () => {
    expect(themeStylesheet("dark")).toBe(":root { color-scheme: dark; }\n");
    expect(themeStylesheet("light")).toBe(":root { color-scheme: light; }\n");
    expect(themeStylesheet("auto")).toBe("");
  });
});
