import { z } from "zod";

/**
 * The largest id any table here can hold: every id column is a PostgreSQL
 * `integer` (int4). A larger number is no id at all, and sent to the database
 * it fails the query ("out of range for type integer") as a 500; so every id
 * a request carries, in a path, a query or a body, is checked against this
 * range before it reaches a query.
 */
export const MAX_ID = 2_147_483_647;

/** The id in `text` (decimal digits, no sign, no leading zero), or null when it is not one or out of range. */
export function idFromText(text: string | null | undefined): number | null {
  if (!text || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/** The message every refused id gets, naming the parameter or field. */
export const idProblem = (name: string) => `${name} must be a whole number from 1 to ${MAX_ID}.`;

/** An id in a JSON request body: the one zod schema for every id field, so none skips the range check. */
export const ZId = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, `must be a whole number from 1 to ${MAX_ID}`)
  .max(MAX_ID, `must be a whole number from 1 to ${MAX_ID}`);

/**
 * An id in a path segment or a query parameter, parsed from its text as `idFromText` does: the
 * one schema for ids in addresses, so none skips the range check; the refusal names `name`.
 */
export const zIdText = (name: string) =>
  z.string({ error: idProblem(name) }).transform((text, context) => {
    const id = idFromText(text);
    if (id === null) {
      context.addIssue({ code: "custom", message: idProblem(name) });
      return z.NEVER;
    }
    return id;
  });
