import { describe, expect, it } from "vitest";
import { decodeParam } from "./params";

describe("decodeParam", () => {
  it("decodes a page's percent-encoded segment and keeps what does not decode", () => {
    expect(decodeParam("Javascript%3Aalert(1)")).toBe("Javascript:alert(1)");
    expect(decodeParam("Caf%C3%A9")).toBe("Café");
    expect(decodeParam("100%")).toBe("100%");
    expect(decodeParam("A:B")).toBe("A:B");
  });
});
