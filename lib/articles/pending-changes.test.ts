import { describe, expect, it } from "vitest";
import { pendingChangesInForce, pendingDiffUrl, pendingReview, shownRevisionId } from "./pending-changes";

const now = new Date("2026-12-03T00:00:00Z");
const on = { currentRevisionId: 9, pendingChanges: true, pendingChangesExpiresAt: null, acceptedRevisionId: 5 };

describe("pending changes, the pure rules", () => {
  it("applies only when on, unexpired and with an accepted revision", () => {
    expect(pendingChangesInForce(on, now)).toBe(true);
    expect(pendingChangesInForce({ ...on, pendingChanges: false }, now)).toBe(false);
    expect(pendingChangesInForce({ ...on, acceptedRevisionId: null }, now)).toBe(false);
    expect(pendingChangesInForce({ ...on, pendingChangesExpiresAt: now }, now)).toBe(false);
    expect(pendingChangesInForce({ ...on, pendingChangesExpiresAt: new Date(now.getTime() + 1) }, now)).toBe(true);
  });

  it("has something to review only while the head is past the accepted revision", () => {
    expect(pendingReview(on, now)).toEqual({ acceptedRevisionId: 5, currentRevisionId: 9 });
    expect(pendingReview({ ...on, acceptedRevisionId: 9 }, now)).toBeNull();
    expect(pendingReview({ ...on, pendingChanges: false }, now)).toBeNull();
  });

  it("shows readers the accepted revision and editors and reviewers the latest", () => {
    expect(shownRevisionId(on, false, now)).toBe(5);
    expect(shownRevisionId(on, true, now)).toBe(9);
    expect(shownRevisionId({ ...on, pendingChangesExpiresAt: now }, false, now)).toBe(9);
  });

  it("links the diff from the accepted revision to the latest", () => {
    expect(pendingDiffUrl("A/B", { acceptedRevisionId: 5, currentRevisionId: 9 })).toBe("/wiki/A%2FB/diff?from=5&to=9");
  });
});
