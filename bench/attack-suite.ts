/**
 * The bench's attacker rows (DESIGN.md invariant 9, "cheap to refuse"): a
 * large proposal read anonymously, the server's health while anonymous
 * clients push 4 MB bodies at a mutation, and signing in while strangers
 * guess the same account's password. Everything goes over HTTP to a real
 * server, as an attacker would send it.
 */
import net from "node:net";
import { performance } from "node:perf_hooks";
import { saveRevision } from "../lib/articles/save-revision";
import { createClient } from "../lib/db/client";
import type { ArticleContent } from "../lib/document/model";
import { submitProposal } from "../lib/proposals/submit-proposal";
import { loadActor } from "../lib/users/load-actor";
import { registerUser } from "../lib/users/register-user";
import { startAppServer, type AppServer } from "../test/server";
import { httpLoad, kb, ms, type AddRow } from "./measure";
import { articleOfChars } from "./workload";

export interface AttackBenchContext {
  url: string;
  /** an existing user who only may propose on an extended-protected article, and one who may edit it */
  proposerId: number;
  editorId: number;
  seconds: number;
  quick: boolean;
  add: AddRow;
  servers: AppServer[];
}

/** A megabyte of spaces, sent again and again: the attacker's body costs it (and this machine) no more than the kernel's copy. */
const SPACES = Buffer.alloc(1024 * 1024, " ");

/**
 * One anonymous POST of a `bytes`-long JSON body over a raw socket, as an
 * attacker would send it: it keeps writing until the server answers or hangs
 * up, and spends no CPU building the body, so what the row measures is the
 * server's cost, not the bench's. Resolves to the status the server answered,
 * or "dropped" when it hung up without one.
 */
function uploadAsAttacker(url: URL, bytes: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let answer = "";
    let sent = 0;
    const finish = () => {
      socket.destroy();
      resolve(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? "dropped");
    };
    const pump = () => {
      while (sent < bytes && !socket.destroyed) {
        const chunk = SPACES.subarray(0, Math.min(SPACES.length, bytes - sent));
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write(
        `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${url.origin}\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`,
      );
      pump();
    });
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n\r\n")) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
  });
}

const percentile = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export async function runAttackBenchmarks({
  url,
  proposerId,
  editorId,
  seconds,
  quick,
  add,
  servers,
}: AttackBenchContext): Promise<void> {
  const db = createClient(url);
  // Trusts the bench's own X-Forwarded-For (every client here shares 127.0.0.1) where the server reads it only from trusted proxies.
  const server = await startAppServer({
    databaseUrl: url,
    env: { WIKI_RATE_LIMITS: "off", WIKI_COMPRESS: "0", WIKI_TRUSTED_PROXIES: "127.0.0.1/8" },
  });
  servers.push(server);

  // ---- A large proposal, read anonymously -------------------------------------------------
  {
    // about 3.5 MB of JSON in full (under the 4 MB article limit), 0.75 MB quick
    const chars = quick ? 400_000 : 1_800_000;
    const base: ArticleContent = articleOfChars(chars, 901, "Large proposal");
    const saved = await saveRevision({
      db,
      slug: "Large_proposal",
      baseRevisionId: null,
      content: base,
      authorId: editorId,
    });
    await db.article.update({ where: { slug: "Large_proposal" }, data: { protectionLevel: "extended" } });
    const rewrite = articleOfChars(chars, 902, "Large proposal");
    // Rewrites a tenth of the sections: about a tenth of the article is new text for reviewers.
    const changed = new Set(base.sections.filter((_, i) => i % 10 === 3).map((section) => section.id));
    const proposed: ArticleContent = {
      ...base,
      sections: base.sections.map((section, i) =>
        changed.has(section.id) ? { ...section, body: rewrite.sections[i]?.body ?? section.body } : section,
      ),
    };
    const article = await db.article.findUniqueOrThrow({ where: { slug: "Large_proposal" } });
    const { proposalId } = await submitProposal({
      db,
      actor: await loadActor(db, proposerId),
      articleId: article.id,
      baseRevisionId: saved.revisionId,
      base,
      content: proposed,
      summary: "a large proposal",
      rationale: "",
    });
    const proposalBytes = Buffer.byteLength(JSON.stringify(proposed));
    const address = `${server.url}/api/proposals/${proposalId}`;
    const coldStart = performance.now();
    const first = await fetch(address);
    const body = await first.text();
    const cold = performance.now() - coldStart;
    const bytes = Buffer.byteLength(body);
    const load = await httpLoad(address, 10, seconds);
    add(
      `large proposal (${kb(proposalBytes)} article, ${changed.size} sections rewritten) read anonymously, 10 connections`,
      `${load.rps.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms; first read ${ms(cold)}; response ${kb(bytes)}; ${load.non2xx + load.errors} errors`,
      "p99 <= 200 ms, response <= 2 MB",
      first.status === 200 && load.p99 <= 200 && bytes <= 2 * 1024 * 1024 && load.non2xx + load.errors === 0,
    );
  }

  // ---- /api/health while anonymous clients send 4 MB bodies to a mutation ---------------------
  {
    let stop = false;
    const statuses = new Map<string, number>();
    const target = new URL(`${server.url}/api/articles/Large_proposal/edits`);
    const attacker = async () => {
      while (!stop) {
        const status = await uploadAsAttacker(target, 4_000_000);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    // The same load without the attack first: this machine's own figure, beside which the row is read.
    const calm = await httpLoad(`${server.url}/api/health`, 10, Math.max(2, Math.round(seconds / 2)));
    const attackers = Array.from({ length: 8 }, attacker);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const health = await httpLoad(`${server.url}/api/health`, 10, seconds);
    stop = true;
    await Promise.all(attackers);
    const sent = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    add(
      "/api/health, 10 connections, while 8 anonymous clients send 4 MB bodies to /edits in a loop",
      `p50 ${health.p50} ms, p99 ${health.p99} ms, ${health.rps.toFixed(0)} req/s (without the attack: p50 ${calm.p50} ms, p99 ${calm.p99} ms, ${calm.rps.toFixed(0)} req/s); ${sent} bodies sent (${[...statuses].map(([status, count]) => `${count}× ${status}`).join(", ")})`,
      "p99 <= 50 ms",
      health.p99 <= 50 && health.non2xx + health.errors === 0,
    );
  }

  // ---- Signing in while strangers guess the same account's password --------------------------
  {
    const password = "bench-owner-password-long-enough";
    const owner = await registerUser({ db, name: "bench_owner", password });
    const signIn = async (
      username: string,
      secret: string,
      client: string,
    ): Promise<{ ok: boolean; status: number; ms: number }> => {
      const started = performance.now();
      const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { "x-forwarded-for": client } });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers
        .getSetCookie()
        .map((value) => value.split(";")[0])
        .join("; ");
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: server.url,
          cookie,
          "x-forwarded-for": client,
          "x-auth-return-redirect": "1",
        },
        body: new URLSearchParams({ csrfToken, username, password: secret, json: "true" }),
        redirect: "manual",
      });
      await response.arrayBuffer();
      const ok = response.headers
        .getSetCookie()
        .some((value) => /^(__Secure-)?next-auth\.session-token=[^;]+/.test(value));
      return { ok, status: response.status, ms: performance.now() - started };
    };
    // The owner has signed in from home before, as owners do: the throttle lets a known address skip
    // the per-account delay the strangers' guesses build up (README, sign-in throttling).
    const ownerKnown = (await signIn(owner.name, password, "203.0.113.7")).ok;
    let stop = false;
    const guesses = new Map<number, number>();
    let guessCount = 0;
    const guesser = async (index: number) => {
      for (let attempt = 0; !stop; attempt++) {
        const result = await signIn(owner.name, `guess-${index}-${attempt}`, `198.51.100.${10 + index}`).catch(() => ({
          ok: false,
          status: 0,
          ms: 0,
        }));
        guessCount += 1;
        guesses.set(result.status, (guesses.get(result.status) ?? 0) + 1);
        if (result.ok) throw new Error("A wrong password signed in.");
      }
    };
    const clients = quick ? 3 : 6;
    const attackStart = performance.now();
    const attackers = Array.from({ length: clients }, (_, index) => guesser(index));
    const owners: Array<{ ok: boolean; ms: number }> = [];
    const ownerAttempts = quick ? 3 : Math.max(5, Math.round(seconds));
    for (let i = 0; i < ownerAttempts; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      owners.push(await signIn(owner.name, password, "203.0.113.7"));
    }
    stop = true;
    await Promise.all(attackers);
    const attackSeconds = (performance.now() - attackStart) / 1000;
    const succeeded = owners.filter((attempt) => attempt.ok).length;
    const latencies = owners.map((attempt) => attempt.ms);
    add(
      `sign-in under a guessing attack (${clients} clients guessing one account's password; the owner signs in once a second from the address they used before)`,
      `guesses ${(guessCount / attackSeconds).toFixed(0)}/s (${[...guesses].map(([status, count]) => `${count}× ${status}`).join(", ")}); owner ${succeeded}/${owners.length} signed in${ownerKnown ? "" : " (the sign-in before the attack failed too)"}, p50 ${ms(percentile(latencies, 50))}, max ${ms(Math.max(...latencies))}`,
      "owner signs in every time, p99 <= 1 s",
      succeeded === owners.length && percentile(latencies, 99) <= 1000,
    );
  }
  await server.stop();
  await db.$disconnect();
}
