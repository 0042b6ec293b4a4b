import "server-only";
import { getDb, type Db } from "../db/client";
import { ensureEmailSender, scheduleEmailDelivery } from "./email-outbox";
import { writeNotifications, type NotifyEvent } from "./notification-writer";

/**
 * Writes the notifications of the large fan-outs notify() stored as one
 * NotificationFanout row, oldest first: each job in a transaction of its own
 * that claims it (`FOR UPDATE SKIP LOCKED`, so instances never expand one
 * twice), writes every recipient's row with the one INSERT ... SELECT and
 * marks it done, all or nothing. Returns how many jobs it expanded.
 */
export async function expandPendingFanouts(options: { db?: Db } = {}): Promise<number> {
  const db = options.db ?? getDb();
  let expanded = 0;
  for (;;) {
    const done = await db.$transaction(
      async (tx) => {
        const [job] = await tx.$queryRaw<Array<{ id: number; event: NotifyEvent }>>`
          SELECT "id", "event" FROM "NotificationFanout" WHERE "doneAt" IS NULL ORDER BY "id" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!job) return false;
        const written = await writeNotifications(tx, job.event, null);
        await tx.$executeRaw`UPDATE "NotificationFanout" SET "doneAt" = now(), "notified" = ${written.notified} WHERE "id" = ${job.id}`;
        if (written.mailed > 0) scheduleEmailDelivery();
        return true;
      },
      { timeout: 120_000 },
    );
    if (!done) return expanded;
    expanded++;
  }
}

const state = globalThis as unknown as {
  wikiFanoutTimer?: ReturnType<typeof setTimeout>;
  wikiFanoutPollUntil?: number;
  wikiFanoutRunning?: boolean;
};

/**
 * Asks for the pending fan-outs to be expanded soon: right away, and again
 * every half second for ten seconds (the job becomes visible when the
 * change's transaction commits, which may be after the first look). Never
 * waits, never throws.
 */
export function scheduleFanoutExpansion(): void {
  state.wikiFanoutPollUntil = Date.now() + 10_000;
  if (state.wikiFanoutTimer) return;
  state.wikiFanoutTimer = setTimeout(runExpansion, 50);
  state.wikiFanoutTimer.unref?.();
}

async function runExpansion(): Promise<void> {
  state.wikiFanoutTimer = undefined;
  if (!state.wikiFanoutRunning) {
    state.wikiFanoutRunning = true;
    try {
      await expandPendingFanouts();
    } catch (error) {
      console.error("[notifications] expanding a fan-out failed:", error);
    } finally {
      state.wikiFanoutRunning = false;
    }
  }
  if (Date.now() < (state.wikiFanoutPollUntil ?? 0) && !state.wikiFanoutTimer) {
    state.wikiFanoutTimer = setTimeout(runExpansion, 500);
    state.wikiFanoutTimer.unref?.();
  }
}

const started = globalThis as unknown as { wikiBackgroundStarted?: boolean };

/**
 * Starts the notification background work once per process, on the first
 * signed-in page (the header calls it): fan-outs and emails a previous
 * process left pending are finished without waiting for the next
 * notification. A boolean check after the first call.
 */
export function ensureBackgroundWork(): void {
  if (started.wikiBackgroundStarted) return;
  started.wikiBackgroundStarted = true;
  ensureEmailSender();
  scheduleFanoutExpansion();
}
