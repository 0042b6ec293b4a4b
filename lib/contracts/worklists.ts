import { z } from "zod";
import { WORK_ITEM_KINDS, type WorkItemKind } from "../worklists/work-items";

const KINDS = Object.keys(WORK_ITEM_KINDS) as [WorkItemKind, ...WorkItemKind[]];

/** Query of /worklists: one article's work, or one kind of work site-wide, keyset-paged by `after` (date~id). */
export const ZWorklistQuery = z.strictObject({
  article: z.string().min(1).max(300, "article: at most 300 characters.").optional(),
  kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(", ")}.` }).optional(),
  after: z
    .string()
    .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?~\d{1,9}$/, "after: a worklist position (date~id) from a Next link.")
    .optional(),
});

/** The keyset cursor of a worklist page, as `date~id` ("~id" for undated rows). */
export const worklistCursor = (cursor: { date: string | null; id: number }) => `${cursor.date ?? ""}~${cursor.id}`;

export function parseWorklistCursor(after: string | undefined): { date: string | null; id: number } | null {
  if (!after) return null;
  const [date, id] = after.split("~");
  return { date: date || null, id: Number(id) };
}
