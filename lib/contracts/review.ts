import { z } from "zod";
import { PROTECTION_LEVELS } from "../authz/levels";
import { PROPOSAL_STATUSES, ProposalStatus } from "../proposals/status";

/*
 * Review requirements and the review queue's filters: what PUT
 * /api/review-requirements, GET /api/proposals and the /review page parse.
 * Pure zod and types.
 */

/** The most approvals a protection level may require (the database's CHECK constraint says the same). */
export const MAX_REQUIRED_APPROVALS = 5;

/** Body of PUT /api/review-requirements: how many distinct reviewers must approve under one level, and why. */
export const ZReviewRequirementRequestSchema = z.strictObject({
  level: z.enum(PROTECTION_LEVELS, { error: `level must be one of ${PROTECTION_LEVELS.join(", ")}.` }),
  approvals: z
    .number({ error: "approvals must be a number." })
    .int(`approvals must be a whole number from 1 to ${MAX_REQUIRED_APPROVALS}.`)
    .min(1, `approvals must be a whole number from 1 to ${MAX_REQUIRED_APPROVALS}.`)
    .max(MAX_REQUIRED_APPROVALS, `approvals must be a whole number from 1 to ${MAX_REQUIRED_APPROVALS}.`),
  reason: z.string().max(500, "reason: at most 500 characters."),
});
export type TReviewRequirementRequest = z.infer<typeof ZReviewRequirementRequestSchema>;

/** How the queue can be ordered: by age (its id), or by the size of the change in bytes. */
export const QUEUE_SORTS = ["oldest", "newest", "largest", "smallest"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The queue's page size, and how far it pages (the queue is read in one statement, paged by offset). */
export const QUEUE_PAGE_SIZE = 50;
const MAX_QUEUE_PAGE = 1000;

const yesNo = (name: string, no = "no") =>
  z
    .enum(["yes", no, "true", "false"], { error: `${name} must be yes or ${no}.` })
    .transform((value) => value === "yes" || value === "true")
    .optional();

/**
 * The review queue's filters, as a GET form sends them (`/review?level=full&mine=yes`)
 * and as `GET /api/proposals` takes them. An empty field means no filter; any
 * other value outside the vocabulary is refused with a message naming the field.
 */
export const ZReviewQueueFilters = z
  .record(z.string(), z.string().optional())
  .transform((raw) =>
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== "" && value !== undefined)),
  )
  .pipe(
    z.object({
      status: z
        .enum(PROPOSAL_STATUSES, { error: `status must be one of ${PROPOSAL_STATUSES.join(", ")}.` })
        .default(ProposalStatus.open),
      article: z.string().max(300, "article: at most 300 characters.").optional(),
      author: z.string().max(100, "author: at most 100 characters.").optional(),
      level: z.enum(PROTECTION_LEVELS, { error: `level must be one of ${PROTECTION_LEVELS.join(", ")}.` }).optional(),
      clean: yesNo("clean"),
      overlap: yesNo("overlap"),
      /** has a review thread nobody has resolved */
      threads: yesNo("threads"),
      /** needs my review: open at a version I have not approved, by someone else, at a level I may approve */
      mine: yesNo("mine"),
      sort: z.enum(QUEUE_SORTS, { error: `sort must be one of ${QUEUE_SORTS.join(", ")}.` }).default("oldest"),
      page: z
        .string()
        .regex(/^[1-9]\d{0,3}$/, `page must be a whole number from 1 to ${MAX_QUEUE_PAGE}.`)
        .transform(Number)
        .pipe(z.number().max(MAX_QUEUE_PAGE, `page must be a whole number from 1 to ${MAX_QUEUE_PAGE}.`))
        .optional(),
    }),
  );
export type TReviewQueueFilters = z.infer<typeof ZReviewQueueFilters>;
