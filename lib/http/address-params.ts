import { z } from "zod";
import { WikiError } from "../errors";

/*
 * What a request's address carries, path segments and query parameters, is
 * text; each route's schemas (lib/contracts) turn it into what it works with.
 * Shared by query() and mutation(), so a bad parameter is refused the same
 * way on every route: 400, naming it.
 */

/** A schema of path or query text (ids in it through lib/contracts/ids.ts's `zIdText`). */
export type TextSchema = z.ZodType<unknown, Record<string, string | undefined>>;

/** The schema of a route without parameters. */
export const NO_PARAMS = z.object({});

/**
 * The query string as one value per name (the first, as `URLSearchParams.get`
 * reads it); an empty value counts as absent, as the routes always read
 * `?cursor=` and no cursor alike.
 */
export function searchParamsOf(request: Request): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    if (value !== "" && !(name in values)) values[name] = value;
  }
  return values;
}

/** Path or query text checked against `schema`, or a 400 naming the parameter. */
export function parseText<TSchema extends TextSchema>(schema: TSchema, text: Record<string, string>) {
  const parsed = schema.safeParse(text);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue.path.join(".");
  // The schemas' own messages name their parameter ("from must be…"); a generic one gets the name in front.
  const message = !name || issue.message.startsWith(`${name} `) ? issue.message : `${name}: ${issue.message}`;
  const issues = parsed.error.issues.map((each) => ({ path: each.path.join("."), message: each.message }));
  throw new WikiError("bad_request", message, { issues });
}

/** The schemas a read declares for its address: the path's parameters and the query string's. */
export interface AddressSchemas<TParamsSchema extends TextSchema, TSearchSchema extends TextSchema> {
  params?: TParamsSchema;
  search?: TSearchSchema;
}

/** A read's path parameters and query, each parsed with its schema (none: nothing accepted but ignored). */
export function parseAddress<TParamsSchema extends TextSchema, TSearchSchema extends TextSchema>(
  schemas: AddressSchemas<TParamsSchema, TSearchSchema>,
  request: Request,
  rawParams: Record<string, string>,
) {
  return {
    params: parseText(schemas.params ?? NO_PARAMS, rawParams) as z.output<TParamsSchema>,
    search: parseText(schemas.search ?? NO_PARAMS, searchParamsOf(request)) as z.output<TSearchSchema>,
  };
}
