import "server-only";
import nodemailer from "nodemailer";
import { getDb, type Db } from "../db/client";
import { configuredOrigins } from "../http/site-origin.mjs";
import { smtpConfig, type SmtpConfig } from "./email-config";
import { notificationPath, notificationText, type NotificationType } from "./types";

/** Attempts before an email is given up (its row stays, with the last error, for an operator to read). */
export const MAX_EMAIL_ATTEMPTS = 6;
/** Emails one delivery round takes, so a backlog is sent in bounded batches. */
const BATCH = 50;
/** How often the sender looks for due retries while some are pending. */
const RETRY_POLL_MS = 15_000;

/** The wait before attempt `n + 1` after `n` failures: 30 s doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** The site's public origin for links in emails: configuration only (lib/http/site-origin.mjs), never a request's Host. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  return configuredOrigins(env)[0] ?? `http://localhost:${env.PORT ?? 3000}`;
}

/** One email as sent: plain text with the link, nothing a user typed beyond names and titles. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

interface PendingRow {
  outboxId: number;
  attempts: number;
  email: string | null;
  type: NotificationType;
  actorName: string | null;
  articleTitle: string | null;
  articleSlug: string | null;
  proposalId: number | null;
  fromRevisionId: number | null;
  toRevisionId: number | null;
  talkTopicId: number | null;
  talkPostId: number | null;
}

/** The message for one outbox row: subject is what happened; the body repeats it with the link and where to change preferences. */
export function composeEmail(row: Omit<PendingRow, "outboxId" | "attempts" | "email">, origin: string): OutgoingEmail {
  const line = notificationText(row.type, {
    actor: row.actorName,
    article: row.articleTitle,
    proposalId: row.proposalId,
  });
  const link = `${origin}${notificationPath({ ...row })}`;
  return {
    to: "",
    subject: `[Wiki] ${line}`.slice(0, 200),
    text: `${line}\n\n${link}\n\n--\nYou get this email because of your notification preferences: ${origin}/notifications/preferences\n`,
  };
}

type Send = (message: OutgoingEmail & { from: string }) => Promise<unknown>;

/** A sender through the configured SMTP server (nodemailer), with short timeouts so a dead server cannot hold a round. */
function smtpSender(config: SmtpConfig): Send {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // A local test or relay server may offer STARTTLS with a self-made certificate; production sets WIKI_SMTP_SECURE.
    tls: { rejectUnauthorized: process.env.WIKI_SMTP_TLS_STRICT === "1" },
  });
  return (message) => transport.sendMail(message);
}

/** How long a claimed row is left alone by other senders while this one sends it. */
const LEASE_SECONDS = 300;

/**
 * Sends the due outbox rows in batches. Each batch is claimed in one short
 * statement (`FOR UPDATE SKIP LOCKED`, then a lease moving `nextAttemptAt`
 * ahead) so two instances never send one row twice and no transaction stays
 * open while SMTP talks; a success sets `sentAt`, a failure counts the attempt
 * and schedules the next with backoff. Runs after commits, never inside one.
 */
export async function deliverPendingEmails(
  options: { db?: Db; env?: Record<string, string | undefined>; send?: Send } = {},
): Promise<{ sent: number; failed: number }> {
  const db = options.db ?? getDb();
  const config = smtpConfig(options.env);
  if (!config) return { sent: 0, failed: 0 };
  const send = options.send ?? smtpSender(config);
  const origin = siteOrigin(options.env);
  let sent = 0;
  let failed = 0;
  for (;;) {
    const rows = await db.$queryRaw<PendingRow[]>`
      WITH claimed AS (
        UPDATE "EmailOutbox" SET "nextAttemptAt" = now() + make_interval(secs => ${LEASE_SECONDS}::double precision)
        WHERE "id" IN (
          SELECT "id" FROM "EmailOutbox"
          WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now() AND "attempts" < ${MAX_EMAIL_ATTEMPTS}
          ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING "id", "attempts", "notificationId"
      )
      SELECT o."id" AS "outboxId", o."attempts", u."email", n."type", actor."name" AS "actorName",
        a."title" AS "articleTitle", a."slug" AS "articleSlug", n."proposalId", n."fromRevisionId", n."toRevisionId",
        n."talkTopicId", n."talkPostId"
      FROM claimed o
      JOIN "Notification" n ON n."id" = o."notificationId"
      JOIN "User" u ON u."id" = n."recipientId"
      LEFT JOIN "User" actor ON actor."id" = n."actorId"
      LEFT JOIN "Article" a ON a."id" = n."articleId"
      ORDER BY o."id"`;
    for (const row of rows) {
      try {
        if (!row.email) throw new Error("the recipient has no email address any more");
        await send({ ...composeEmail(row, origin), to: row.email, from: config.from });
        await db.$executeRaw`UPDATE "EmailOutbox" SET "sentAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL WHERE "id" = ${row.outboxId}`;
        sent++;
      } catch (error) {
        const delay = retryDelayMs(row.attempts + 1) / 1000;
        const message = String((error as Error)?.message ?? error).slice(0, 500);
        await db.$executeRaw`UPDATE "EmailOutbox" SET "attempts" = "attempts" + 1, "lastError" = ${message},
          "nextAttemptAt" = now() + make_interval(secs => ${delay}::double precision) WHERE "id" = ${row.outboxId}`;
        failed++;
      }
    }
    if (rows.length < BATCH) return { sent, failed };
  }
}

const state = globalThis as unknown as {
  wikiEmailTimer?: ReturnType<typeof setTimeout>;
  wikiEmailDue?: number;
  wikiEmailRunning?: boolean;
  wikiEmailStarted?: boolean;
};

/**
 * Starts the sender once per process, a few seconds after the first page
 * served (the reader's header calls it): emails left in the outbox by a
 * previous process, or waiting for a retry, are sent without waiting for the
 * next notification. A boolean check after the first call.
 */
export function ensureEmailSender(): void {
  if (state.wikiEmailStarted) return;
  state.wikiEmailStarted = true;
  scheduleEmailDelivery(5_000);
}

/**
 * Asks the background sender to run soon (a notify() that wrote outbox rows
 * calls it; the rows are visible once the caller's transaction commits) and
 * to keep polling while retries are pending. Never throws, never waits: a
 * save's answer does not depend on mail. A sooner request replaces a later
 * one (a new email does not wait for the retry poll).
 */
export function scheduleEmailDelivery(delayMs = 200): void {
  if (!smtpConfig()) return;
  const due = Date.now() + delayMs;
  if (state.wikiEmailTimer && (state.wikiEmailDue ?? 0) <= due) return;
  if (state.wikiEmailTimer) clearTimeout(state.wikiEmailTimer);
  state.wikiEmailDue = due;
  state.wikiEmailTimer = setTimeout(runSender, delayMs);
  state.wikiEmailTimer.unref?.();
}

async function runSender(): Promise<void> {
  state.wikiEmailTimer = undefined;
  if (state.wikiEmailRunning) return scheduleEmailDelivery(1000);
  state.wikiEmailRunning = true;
  try {
    const result = await deliverPendingEmails();
    if (result.failed) console.warn(`[email] ${result.failed} notification email(s) failed; retrying with backoff`);
    const pending = await getDb().emailOutbox.count({ where: { sentAt: null, attempts: { lt: MAX_EMAIL_ATTEMPTS } } });
    if (pending > 0) scheduleEmailDelivery(RETRY_POLL_MS);
  } catch (error) {
    console.error("[email] the sender failed:", error);
    scheduleEmailDelivery(RETRY_POLL_MS);
  } finally {
    state.wikiEmailRunning = false;
  }
}
