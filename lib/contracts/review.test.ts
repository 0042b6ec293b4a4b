import { describe, expect, it } from "vitest";
import { ZReviewQueueFilters, ZReviewRequirementRequestSchema } from "./review";

describe("the review queue's filters", () => {
  it("reads a GET form's fields: empty ones are no filter, yes/no become booleans, page a number", () => {
    expect(
      ZReviewQueueFilters.parse({ article: "", level: "full", clean: "no", overlap: "yes", mine: "", page: "3" }),
    ).toEqual({ status: "open", level: "full", clean: false, overlap: true, sort: "oldest", page: 3 });
    expect(ZReviewQueueFilters.parse({ clean: "true", sort: "largest", unknown: "ignored" })).toEqual({
      status: "open",
      clean: true,
      sort: "largest",
    });
  });

  it.each([
    [{ level: "total" }, /^level must be one of none, semi, extended, full/],
    [{ sort: "random" }, /^sort must be one of/],
    [{ clean: "maybe" }, /^clean must be yes or no/],
    [{ page: "0" }, /^page must be a whole number from 1 to 1000/],
    [{ page: "01" }, /^page must be/],
    [{ page: "1001" }, /^page must be a whole number from 1 to 1000/],
    [{ page: "-1" }, /^page must be/],
  ])("refuses %o naming the field", (query, message) => {
    const parsed = ZReviewQueueFilters.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(message);
  });
});

describe("a review requirement", () => {
  it("is a whole number of approvals from 1 to 5 at a known level", () => {
    expect(ZReviewRequirementRequestSchema.parse({ level: "full", approvals: 3, reason: "r" })).toEqual({
      level: "full",
      approvals: 3,
      reason: "r",
    });
    for (const approvals of [0, 6, 2.5, "2"])
      expect(ZReviewRequirementRequestSchema.safeParse({ level: "full", approvals, reason: "r" }).success).toBe(false);
  });
});
