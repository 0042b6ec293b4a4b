import { describe, expect, it } from "vitest";
import { anchorOfTitle, daysBetween, formatDate, formatTimestamp } from "./format";

describe("dates as the wiki shows them", () => {
  it("writes full, month and year dates in words", () => {
    expect(formatDate("2024-12-05")).toBe("5 December 2024");
    expect(formatDate("2024-12")).toBe("December 2024");
    expect(formatDate("2024")).toBe("2024");
  });

  it("names the first and the last month, and drops a day's leading zero", () => {
    expect(formatDate("2025-01-09")).toBe("9 January 2025");
    expect(formatDate("1999-12-31")).toBe("31 December 1999");
  });

  it("keeps a month it cannot name as it was written rather than inventing one", () => {
    expect(formatDate("2024-13")).toBe("13 2024");
    expect(formatDate("2024-00-01")).toBe("1 00 2024");
  });

  it("writes a timestamp as history does, in UTC", () => {
    expect(formatTimestamp(new Date("2024-12-21T16:48:09Z"))).toBe("16:48, 21 December 2024");
    expect(formatTimestamp(new Date("2025-01-01T00:05:00+02:00"))).toBe("22:05, 31 December 2024");
  });
});

describe("daysBetween (an infobox's duration)", () => {
  it("counts whole days across months, leap days and years, negative when the end comes first", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-12-31", "2025-01-01")).toBe(1);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("2024-05-05", "2024-05-05")).toBe(0);
  });

  it("is null unless both ends are full dates", () => {
    expect(daysBetween("2024-02", "2024-03-01")).toBeNull();
    expect(daysBetween("2024-02-01", "2024")).toBeNull();
    expect(daysBetween("x2024-02-01", "2024-03-01")).toBeNull();
    expect(daysBetween("2024-02-01", "2024-03-01x")).toBeNull();
    expect(daysBetween("2024-02-01", "x2024-03-01")).toBeNull();
    expect(daysBetween("2024-02-01 ", "2024-03-01")).toBeNull();
  });
});

describe("anchorOfTitle", () => {
  it("trims a title and joins its words with one underscore per run of spaces, as Wikipedia does", () => {
    expect(anchorOfTitle("  Early \t life\nand  career ")).toBe("Early_life_and_career");
    expect(anchorOfTitle("Legacy")).toBe("Legacy");
  });
});
