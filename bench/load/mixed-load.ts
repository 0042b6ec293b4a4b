/**
 * Mixed traffic against one or more running app instances: readers (article
 * views, history pages, diffs) through autocannon, and editors, proposers and
 * reviewers as plain HTTP clients that do what people do in the UI. Used by
 * the bench, the load and two-instance tests and the soak run. Every
 * acknowledged write is recorded so callers can check it survived.
 */
// @ts-expect-error -- autocannon ships no type declarations.
import autocannon from "autocannon";
import { sessionCookieFor } from "../../lib/auth/session";

export interface LoadArticle {
  slug: string;
  /** revision ids to diff and read as old revisions */
  revisionIds: number[];
}

export interface LoadActor {
  id: number;
  name: string;
}

export interface MixedLoadOptions {
  /** base URLs of the app instances; readers and writers are spread over them */
  targets: string[];
  durationSeconds: number;
  readers: number;
  /** articles readers visit (views 85%, history 10%, diffs 5%) */
  readArticles: LoadArticle[];
  /** one editor per entry, each saving section edits to its article directly */
  editors: Array<{ user: LoadActor; slug: string }>;
  /** proposers submitting edits to protected articles, for the reviewers */
  proposers?: Array<{ user: LoadActor; slug: string }>;
  reviewers: LoadActor[];
  /** pause between one writer's actions, as a person would */
  writerPauseMs?: number;
  /**
   * Each reader's pause between pages. 0 (the default) is a closed loop that
   * finds the server's limit; people read for a while between pages, so a
   * reader with 1,000 ms asks for at most one page a second.
   */
  readerThinkMs?: number;
}

export interface LatencySummary {
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  worst: number;
  /** answers that took longer than 2 s (the closed-loop admission target) */
  pastTwoSeconds: number;
}

export interface MixedLoadResult {
  reads: LatencySummary;
  readsByKind: Record<"view" | "history" | "diff", LatencySummary>;
  saves: LatencySummary & { conflicts: number };
  proposals: LatencySummary;
  approvals: LatencySummary & { conflicts: number };
  /** every save the server acknowledged (2xx with a revision id) */
  acknowledgedSaves: Array<{ slug: string; revisionId: number; marker: string }>;
  acknowledgedApprovals: Array<{ proposalId: number; revisionId: number | null }>;
  statusCounts: Record<string, number>;
}

export function summarize(samples: number[], errors: number, seconds: number): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  return {
    count: samples.length,
    errors,
    perSecond: samples.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    worst: sorted.at(-1) ?? 0,
    pastTwoSeconds: samples.filter((sample) => sample > 2000).length,
  };
}

function pickReadPath(
  articles: LoadArticle[],
  random: () => number,
): { kind: "view" | "history" | "diff"; path: string } {
  const article = articles[Math.floor(random() * articles.length)];
  const slug = encodeURIComponent(article.slug);
  const roll = random();
  if (roll < 0.85) return { kind: "view", path: `/wiki/${slug}` };
  if (roll < 0.95) return { kind: "history", path: `/wiki/${slug}/history` };
  const ids = article.revisionIds;
  if (ids.length < 2) return { kind: "view", path: `/wiki/${slug}` };
  // Most diffs readers open are one edit's ("prev" in the history); some compare two far revisions.
  let a: number;
  let b: number;
  if (random() < 0.9) {
    const index = 1 + Math.floor(random() * (ids.length - 1));
    [a, b] = [ids[index - 1], ids[index]];
  } else {
    a = ids[Math.floor(random() * ids.length)];
    b = ids[Math.floor(random() * ids.length)];
    if (a === b) b = ids[(ids.indexOf(a) + 1) % ids.length];
  }
  return {
    kind: "diff",
    path: `/wiki/${slug}/diff?from=${Math.min(a, b)}&to=${Math.max(a, b)}${random() < 0.5 ? "&mode=side-by-side" : ""}`,
  };
}

type ReadSink = { samples: Record<string, number[]>; errors: Record<string, number>; status: Record<string, number> };

/**
 * Readers who pause between pages: each waits a random, exponentially
 * distributed think time (mean `thinkMs`) after a page, so requests arrive
 * as people's do rather than in the bursts of a rate-limited load tool.
 */
async function runThinkingReaders(
  target: string,
  readers: number,
  seconds: number,
  thinkMs: number,
  articles: LoadArticle[],
  sink: ReadSink,
) {
  const deadline = Date.now() + seconds * 1000;
  let seed = 0x2545f491 ^ target.length;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return ((seed ^ (seed >>> 13)) >>> 0) / 4294967296;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const reader = async () => {
    await sleep(random() * thinkMs); // readers arrive spread out
    while (Date.now() < deadline) {
      const pick = pickReadPath(articles, random);
      const started = performance.now();
      try {
        const response = await fetch(`${target}${pick.path}`);
        await response.arrayBuffer();
        sink.status[response.status] = (sink.status[response.status] ?? 0) + 1;
        if (response.status >= 400) sink.errors[pick.kind] = (sink.errors[pick.kind] ?? 0) + 1;
      } catch {
        sink.errors.transport = (sink.errors.transport ?? 0) + 1;
      }
      (sink.samples[pick.kind] ??= []).push(performance.now() - started);
      await sleep(-Math.log(1 - random()) * thinkMs);
    }
  };
  await Promise.all(Array.from({ length: readers }, reader));
}

/** Readers without pause on one instance: autocannon, recording each response's latency by kind. */
async function runReaders(
  target: string,
  connections: number,
  seconds: number,
  articles: LoadArticle[],
  sink: ReadSink,
) {
  let seed = 0x9e3779b9 ^ target.length;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const instance = autocannon({
    url: target,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (request: any, context: any) => {
          const pick = pickReadPath(articles, random);
          context.kind = pick.kind;
          return { ...request, path: pick.path };
        },
      },
    ],
  });
  instance.on("response", (client: any, statusCode: number, _bytes: number, responseTime: number) => {
    // The connection's request context still describes the request just answered.
    const kind: string = client.requestIterator?.context?.kind ?? "view";
    sink.status[statusCode] = (sink.status[statusCode] ?? 0) + 1;
    if (statusCode >= 400) sink.errors[kind] = (sink.errors[kind] ?? 0) + 1;
    (sink.samples[kind] ??= []).push(responseTime);
  });
  const result = await instance;
  sink.errors.transport = (sink.errors.transport ?? 0) + result.errors + result.timeouts;
  return result;
}

async function fetchJson(
  url: string,
  init: RequestInit & { cookie?: string; origin: string },
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    ...init,
    headers: {
      "content-type": "application/json",
      origin: init.origin,
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
  });
  const text = await response.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

/** One lead-paragraph edit with a citation, on the article's current revision. */
async function writeOnce(target: string, cookie: string, slug: string, marker: string) {
  const current = await fetchJson(`${target}/api/articles/${encodeURIComponent(slug)}`, { origin: target, cookie });
  if (current.status !== 200) return { status: current.status, body: current.body };
  const sections = current.body.sections as Array<{ id: string; title: string; level: number; body: any }>;
  const target_ = sections[1 + (marker.length % Math.max(1, sections.length - 1))] ?? sections[0];
  const body = {
    baseRevisionId: current.body.revision.id,
    summary: `load ${marker}`,
    sectionEdit: {
      sectionId: target_.id,
      sections: [
        {
          ...target_,
          body: {
            type: "doc",
            content: [
              { type: "paragraph", content: [{ type: "text", text: `Load test sentence ${marker}.` }] },
              ...(target_.body.content ?? []).slice(0, 3),
            ],
          },
        },
      ],
    },
  };
  return fetchJson(`${target}/api/articles/${encodeURIComponent(slug)}/edits`, {
    method: "POST",
    origin: target,
    cookie,
    body: JSON.stringify(body),
  });
}

export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const deadline = Date.now() + options.durationSeconds * 1000;
  const pause = options.writerPauseMs ?? 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const readSink = {
    samples: {} as Record<string, number[]>,
    errors: {} as Record<string, number>,
    status: {} as Record<string, number>,
  };
  const saveTimes: number[] = [];
  const proposalTimes: number[] = [];
  const approvalTimes: number[] = [];
  let saveErrors = 0;
  let saveConflicts = 0;
  let proposalErrors = 0;
  let approvalErrors = 0;
  let approvalConflicts = 0;
  const acknowledgedSaves: MixedLoadResult["acknowledgedSaves"] = [];
  const acknowledgedApprovals: MixedLoadResult["acknowledgedApprovals"] = [];
  const status: Record<string, number> = {};
  const count = (code: number) => (status[`write ${code}`] = (status[`write ${code}`] ?? 0) + 1);
  const targetFor = (index: number) => options.targets[index % options.targets.length];

  const editorLoops = options.editors.map(async ({ user, slug }, index) => {
    const cookie = await sessionCookieFor(user);
    const target = targetFor(index);
    for (let n = 0; Date.now() < deadline; n++) {
      const marker = `${user.name}-${n}-${Date.now()}`;
      const started = performance.now();
      const response = await writeOnce(target, cookie, slug, marker).catch(() => ({ status: 0, body: null }));
      count(response.status);
      if (response.status === 201) {
        saveTimes.push(performance.now() - started);
        acknowledgedSaves.push({ slug, revisionId: response.body.revision.id, marker });
      } else if (response.status === 409) saveConflicts += 1;
      else if (response.status !== 200) saveErrors += 1;
      await sleep(pause);
    }
  });

  const proposerLoops = (options.proposers ?? []).map(async ({ user, slug }, index) => {
    const cookie = await sessionCookieFor(user);
    const target = targetFor(index + 1);
    for (let n = 0; Date.now() < deadline; n++) {
      const started = performance.now();
      const response = await writeOnce(target, cookie, slug, `${user.name}-p${n}`).catch(() => ({
        status: 0,
        body: null,
      }));
      count(response.status);
      if (response.status === 202) proposalTimes.push(performance.now() - started);
      else proposalErrors += 1;
      await sleep(pause * 2);
    }
  });

  const reviewerLoops = options.reviewers.map(async (user, index) => {
    const cookie = await sessionCookieFor(user);
    const target = targetFor(index);
    while (Date.now() < deadline) {
      const queue = await fetchJson(`${target}/api/proposals?status=open`, { origin: target, cookie }).catch(() => ({
        status: 0,
        body: null,
      }));
      const open = (queue.body?.proposals ?? []) as Array<{ id: number; version: number }>;
      if (open.length === 0) {
        await sleep(pause);
        continue;
      }
      const proposal = open[(index * 7 + open.length) % open.length];
      const started = performance.now();
      const response = await fetchJson(`${target}/api/proposals/${proposal.id}/approve`, {
        method: "POST",
        origin: target,
        cookie,
        body: JSON.stringify({ version: proposal.version, comment: "load test" }),
      }).catch(() => ({ status: 0, body: null }));
      count(response.status);
      if (response.status === 200) {
        approvalTimes.push(performance.now() - started);
        acknowledgedApprovals.push({
          proposalId: proposal.id,
          revisionId: response.body?.revisionId ?? response.body?.revision?.id ?? null,
        });
      } else if (response.status === 409) {
        approvalConflicts += 1;
        // Decided by the other reviewer meanwhile: nothing to do. Still open, it no longer applies
        // to the current revision: a reviewer sends it back to its author, so it leaves the queue
        // instead of being picked again and again.
        if (response.body?.error?.details?.status === "open") {
          const sentBack = await fetchJson(`${target}/api/proposals/${proposal.id}/request-changes`, {
            method: "POST",
            origin: target,
            cookie,
            body: JSON.stringify({
              version: proposal.version,
              comment: "This no longer applies to the current revision; please update it.",
            }),
          }).catch(() => ({ status: 0, body: null }));
          count(sentBack.status);
          if (sentBack.status !== 200 && sentBack.status !== 409) approvalErrors += 1;
        }
      } else approvalErrors += 1;
      await sleep(pause);
    }
  });

  const perTarget = Math.max(1, Math.floor(options.readers / options.targets.length));
  const think = options.readerThinkMs ?? 0;
  const readers = options.targets.map((target) =>
    think > 0
      ? runThinkingReaders(target, perTarget, options.durationSeconds, think, options.readArticles, readSink)
      : runReaders(target, perTarget, options.durationSeconds, options.readArticles, readSink),
  );
  await Promise.all([...readers, ...editorLoops, ...proposerLoops, ...reviewerLoops]);

  const seconds = options.durationSeconds;
  const allReads = Object.values(readSink.samples).flat();
  const readErrors = Object.values(readSink.errors).reduce((sum, n) => sum + n, 0);
  for (const [code, n] of Object.entries(readSink.status)) status[`read ${code}`] = n;
  return {
    reads: summarize(allReads, readErrors, seconds),
    readsByKind: {
      view: summarize(readSink.samples.view ?? [], readSink.errors.view ?? 0, seconds),
      history: summarize(readSink.samples.history ?? [], readSink.errors.history ?? 0, seconds),
      diff: summarize(readSink.samples.diff ?? [], readSink.errors.diff ?? 0, seconds),
    },
    saves: { ...summarize(saveTimes, saveErrors, seconds), conflicts: saveConflicts },
    proposals: summarize(proposalTimes, proposalErrors, seconds),
    approvals: { ...summarize(approvalTimes, approvalErrors, seconds), conflicts: approvalConflicts },
    acknowledgedSaves,
    acknowledgedApprovals,
    statusCounts: status,
  };
}
