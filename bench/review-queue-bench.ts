import { QUEUE_PAGE_SIZE } from "../lib/contracts/review";
import type { Db } from "../lib/db/client";
import { readReviewQueue } from "../lib/proposals/review-queue";
import { loadActor } from "../lib/users/load-actor";
import { sample } from "./measure";

/**
 * The review queue as the /review page reads it (readReviewQueue, in
 * process), over the open proposals the suite has already made: the first
 * page, a page filtered by overlap and sorted by size, and "needs my review"
 * for a reviewer. Every row carries its overlap flags and approval count.
 */
export async function benchReviewQueue(options: {
  db: Db;
  quick: boolean;
  reviewerId: number;
  openProposals: number;
  latencyRow: (name: string, samples: number[], target: string, check: (s: { p50: number }) => boolean) => unknown;
}) {
  const { db, quick } = options;
  const runs = quick ? 3 : 30;
  const reviewer = await loadActor(db, options.reviewerId);
  const overlapping = (await readReviewQueue({ db, overlap: true, limit: QUEUE_PAGE_SIZE })).total;
  const label = `${options.openProposals.toLocaleString("en")} open proposals, ${overlapping.toLocaleString("en")} overlapping`;
  const cases = [
    ["first page", {}],
    ["overlapping, largest first", { overlap: true, sort: "largest" as const }],
    ["needs my review, newest first, page 2", { needsReviewBy: reviewer, sort: "newest" as const, page: 2 }],
  ] as const;
  for (const [name, filters] of cases) {
    const samples = await sample(runs, () => readReviewQueue({ db, limit: QUEUE_PAGE_SIZE, ...filters }));
    options.latencyRow(`review queue page (${name}), ${label}`, samples, "p50 <= 50 ms", (s) => s.p50 <= 50);
  }
}
