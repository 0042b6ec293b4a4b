import { WikiError } from "../errors";

/**
 * Admission control (DESIGN.md invariant 9, issue 22): each kind of work
 * waits in a bounded line of its own, so that overload is answered at once
 * with 503 and Retry-After rather than by a timeout, and one kind cannot
 * starve another. Kinds: `views` (reader pages that Next renders: article
 * misses, old revisions, history), `diffs` (diff pages, whose diff itself
 * then waits in the diff workers' own line, lib/workers/pool.ts) and
 * `writes` (every mutation: saves, proposals, decisions, imports). The
 * cached-view fast path and revalidations are not admitted: they cost one
 * indexed query, less than the line itself would.
 *
 * Each line lets `concurrent` requests work at once, keeps at most `queued`
 * waiting, refuses a newcomer at once when the line is full or when its
 * expected wait (the line's length times its recent service time) is past
 * `maxWaitMs`, and refuses a waiting one when its wait reaches `maxWaitMs`.
 * A small counting semaphore, not a library: p-limit and p-queue (the
 * well-kept ones) queue without bound or without deadlines, and the line
 * here is about forty lines.
 */
export type WorkKind = "views" | "diffs" | "writes";

/** How much of one kind may run and wait. */
export interface LineLimits {
  concurrent: number;
  queued: number;
  maxWaitMs: number;
}

/**
 * Defaults per instance. Views: enough to keep the database pool (10) and
 * the event loop busy, few enough that the renders admitted together (they
 * share one event loop) each finish quickly; diffs: two, so that a diff page
 * finds the diff workers' own line (lib/workers/pool.ts, one worker on two
 * cores) nearly empty and waits in one line, not two; writes: a few more
 * than a pool's worth.
 */
export const DEFAULT_LIMITS: Record<WorkKind, LineLimits> = {
  views: { concurrent: 8, queued: 128, maxWaitMs: 1000 },
  diffs: { concurrent: 2, queued: 32, maxWaitMs: 800 },
  writes: { concurrent: 8, queued: 64, maxWaitMs: 1500 },
};

type Waiter = { admit: () => void; refuse: (error: WikiError) => void; timer: NodeJS.Timeout };

/** One bounded line: a counting semaphore with a bounded queue and a deadline per waiter. */
export class AdmissionLine {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  constructor(
    readonly kind: WorkKind,
    readonly limits: LineLimits,
    /** a moving average of how long admitted work takes, for the expected wait and Retry-After */
    private averageMs = 20,
  ) {}

  /** Requests at work and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `work` once admitted; refused with `overloaded` (503, Retry-After) when the line is full or too slow. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.admit();
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.averageMs = this.averageMs * 0.9 + (performance.now() - started) * 0.1;
      this.release();
    }
  }

  private admit(): Promise<void> {
    if (this.running < this.limits.concurrent && this.waiting.length === 0) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queued || this.expectedWaitMs() > this.limits.maxWaitMs)
      return Promise.reject(this.overloaded());
    return new Promise((admit, refuse) => {
      const waiter: Waiter = {
        admit,
        refuse,
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          refuse(this.overloaded());
        }, this.limits.maxWaitMs),
      };
      waiter.timer.unref();
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.running -= 1;
      return;
    }
    // The slot passes straight to the longest waiter: `running` stays as it is.
    clearTimeout(next.timer);
    next.admit();
  }

  /** How long a newcomer would wait: the work ahead of it spread over the line's slots. */
  private expectedWaitMs(): number {
    return ((this.waiting.length + 1) / Math.max(1, this.limits.concurrent)) * this.averageMs;
  }

  private overloaded(): WikiError {
    const retryAfter = Math.min(60, Math.max(1, Math.ceil(this.expectedWaitMs() / 1000)));
    return new WikiError("overloaded", `The server is busy; try again in ${retryAfter} seconds.`, {
      retryAfter,
      kind: this.kind,
    });
  }
}

/**
 * The limits from WIKI_ADMISSION: `off`, or per kind
 * `views=8/128/1000,diffs=2/32/800,writes=8/64/1500` (at work / waiting /
 * longest wait in ms); kinds not named keep their defaults. Null when off.
 */
export function admissionLimits(setting = process.env.WIKI_ADMISSION): Record<WorkKind, LineLimits> | null {
  if (setting?.trim() === "off") return null;
  const limits = structuredClone(DEFAULT_LIMITS);
  for (const entry of (setting ?? "").split(",").map((part) => part.trim())) {
    if (entry === "") continue;
    const match = /^(views|diffs|writes)=(\d+)\/(\d+)\/(\d+)$/.exec(entry);
    if (!match) throw new Error(`WIKI_ADMISSION: "${entry}" is not kind=concurrent/queued/maxWaitMs or "off".`);
    limits[match[1] as WorkKind] = {
      concurrent: Number(match[2]),
      queued: Number(match[3]),
      maxWaitMs: Number(match[4]),
    };
  }
  return limits;
}

let lines: Record<WorkKind, AdmissionLine> | null | undefined;

/**
 * Runs one request's work in the line of its kind (this process's lines,
 * made on first use from WIKI_ADMISSION); without admission control, at once.
 * Only in Next's server (which sets NEXT_RUNTIME), as with the worker pools:
 * tests that call route handlers in process test what the handlers do, and
 * run fifty at once on purpose.
 */
export function admitted<T>(kind: WorkKind, work: () => Promise<T>): Promise<T> {
  if (lines === undefined) {
    const limits = process.env.NEXT_RUNTIME === "nodejs" ? admissionLimits() : null;
    lines = limits && {
      views: new AdmissionLine("views", limits.views),
      diffs: new AdmissionLine("diffs", limits.diffs),
      writes: new AdmissionLine("writes", limits.writes),
    };
  }
  return lines ? lines[kind].run(work) : work();
}
