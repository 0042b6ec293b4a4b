import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { makeUser } from "../../test/factories";
import { listActiveBlocks } from "./block-list";
import { RightsAction } from "./rights-action";

describe("the block list", () => {
  const ctx = useTestDatabase();

  it("lists blocks in force with who set them, and leaves out expired blocks and unblocked users", async () => {
    const admin = await makeUser(ctx.db, { name: "blocklist_admin", role: "admin" });
    const indefinite = await makeUser(ctx.db, { name: "blocklist_forever", blocked: "spam" });
    await ctx.db.rightsLog.create({
      data: { actorId: admin.id, targetId: indefinite.id, action: RightsAction.block, reason: "spam" },
    });
    const now = new Date();
    const later = new Date(now.getTime() + 86_400_000);
    const timed = await makeUser(ctx.db, { name: "blocklist_timed" });
    await ctx.db.user.update({
      where: { id: timed.id },
      data: { blockedAt: now, blockExpiresAt: later, blockReason: "edit warring" },
    });
    const expired = await makeUser(ctx.db, { name: "blocklist_expired" });
    await ctx.db.user.update({
      where: { id: expired.id },
      data: { blockedAt: new Date(now.getTime() - 7_200_000), blockExpiresAt: new Date(now.getTime() - 1) },
    });
    await makeUser(ctx.db, { name: "blocklist_free" });

    const blocks = await listActiveBlocks({ db: ctx.db, now });
    expect(blocks.map((block) => block.name).sort()).toEqual(["blocklist_forever", "blocklist_timed"]);
    expect(blocks.find((block) => block.name === "blocklist_forever")).toMatchObject({
      until: null,
      reason: "spam",
      blockedBy: "blocklist_admin",
    });
    expect(blocks.find((block) => block.name === "blocklist_timed")).toMatchObject({
      until: later,
      reason: "edit warring",
      blockedBy: null,
    });
  });
});
