import { describe, expect, it } from "vitest";
import { formatDate, formatTimestamp } from "./format";

describe("dates as the wiki shows them", () => {
  it("writes full, month and year dates in words", () => {
    expect(formatDate("2024-12-05")).toBe("5 December 2024");
    expect(formatDate("2024-12")).toBe("December 2024");
    expect(formatDate("2024")).toBe("2024");
  });

  it("writes a timestamp as history does, in UTC", () => {
    expect(formatTimestamp(new Date("2024-12-21T16:48:09Z"))).toBe("16:48, 21 December 2024");
    expect(formatTimestamp(new Date("2025-01-01T00:05:00+02:00"))).toBe("22:05, 31 December 2024");
  });
});
