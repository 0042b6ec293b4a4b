import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES, notificationPath, notificationText, type NotificationTarget } from "./types";

const target = (over: Partial<NotificationTarget>): NotificationTarget => ({
  type: "proposal_approved",
  articleSlug: "Hama_offensive",
  proposalId: 7,
  fromRevisionId: null,
  toRevisionId: null,
  talkTopicId: null,
  talkPostId: null,
  ...over,
});

describe("where a notification leads", () => {
  it("goes to the diff a decision or an undo published", () => {
    expect(notificationPath(target({ fromRevisionId: 3, toRevisionId: 4 }))).toBe(
      "/wiki/Hama_offensive/diff?from=3&to=4",
    );
  });
  it("goes to the proposal when nothing was published", () => {
    expect(notificationPath(target({ type: "proposal_rejected" }))).toBe("/proposals/7");
  });
  it("goes to the talk topic for talk notifications, with the slug escaped", () => {
    expect(
      notificationPath(target({ type: "talk_mention", articleSlug: "A/B?c", proposalId: null, talkTopicId: 9 })),
    ).toBe("/wiki/A%2FB%3Fc/talk#topic-9");
  });
  it("says what happened for every type, naming the actor", () => {
    for (const type of NOTIFICATION_TYPES) {
      const text = notificationText(type, { actor: "reviewer", article: "Hama", proposalId: 7 });
      expect(text.length, type).toBeGreaterThan(10);
      if (type !== "proposal_outdated") expect(text, type).toContain("reviewer");
    }
  });
});
