import { describe, expect, it } from "vitest";
import { createClient } from "../db/client";
import { useTestDatabase } from "../../test/db";
import { createUser } from "../../test/factories";
import { loadActor } from "./load-actor";

describe("loadActor", () => {
  const ctx = useTestDatabase();

  it("reads the same actor through the pool's one statement as through Prisma inside a transaction", async () => {
    const user = await createUser(ctx.db, { name: "actor_one", ageDays: 12, editCount: 34 });
    await ctx.db.userGroup.createMany({
      data: [
        { userId: user.id, group: "reviewer" },
        { userId: user.id, group: "extendedconfirmed" },
      ],
    });
    const until = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 678));
    await ctx.db.user.update({
      where: { id: user.id },
      data: { blockedAt: new Date(Date.UTC(2026, 10, 1)), blockExpiresAt: until, blockReason: "test" },
    });
    const fast = await loadActor(ctx.db, user.id);
    const viaTransaction = await ctx.db.$transaction((tx) => loadActor(tx, user.id));
    expect(fast).toEqual({ ...viaTransaction, grantedGroups: [...viaTransaction!.grantedGroups].sort() });
    expect(fast).toMatchObject({
      name: "actor_one",
      editCount: 34,
      blockExpiresAt: until,
      grantedGroups: ["extendedconfirmed", "reviewer"],
    });
    expect(await loadActor(ctx.db, 999_999)).toBeNull();
    expect(await loadActor(ctx.db, null)).toBeNull();
  });

  it("reads a user without groups or block", async () => {
    const db = createClient(ctx.url);
    const user = await createUser(db, { name: "actor_two" });
    expect(await loadActor(db, user.id)).toMatchObject({ grantedGroups: [], blockedAt: null, blockExpiresAt: null });
    await db.$disconnect();
  });
});
