import type pg from "pg";
import { titleSkeleton } from "../articles/titles";
import { nameSkeletonOf } from "../auth/usernames";

const TARGETS = [
  { table: "Article", source: "title", column: "titleSkeleton", skeleton: titleSkeleton, what: "article" },
  { table: "User", source: "name", column: "nameSkeleton", skeleton: nameSkeletonOf, what: "user" },
] as const;

/**
 * Fills the confusable skeletons (Article.titleSkeleton, User.nameSkeleton)
 * of rows that have none: every row of a database made before the
 * lookalike_skeletons migration, and rows written by raw SQL (imports, the
 * bench's stubs). The skeleton comes from Unicode's confusables table in
 * TypeScript, which a SQL migration cannot compute, so the migration runner
 * calls this after applying migrations; with nothing to fill it is one
 * query per table. Rows that already look like another (possible only in
 * data from before the rule) keep no skeleton and are logged: the older row
 * keeps the name's protection, and nothing is renamed behind anyone's back.
 */
export async function backfillSkeletons(client: pg.Client, log?: (line: string) => void): Promise<void> {
  for (const target of TARGETS) {
    const exists = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
      [target.table, target.column],
    );
    if (!exists.rowCount) continue;
    let after = 0;
    let filled = 0;
    for (;;) {
      const { rows } = await client.query<{ id: number; source: string }>(
        `SELECT "id", "${target.source}" AS source FROM "${target.table}" WHERE "${target.column}" IS NULL AND "id" > $1 ORDER BY "id" LIMIT 1000`,
        [after],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const pending = new Map<string, { id: number; source: string }>();
      for (const row of rows) {
        const skeleton = target.skeleton(row.source);
        if (pending.has(skeleton))
          log?.(
            `the ${target.what} "${row.source}" looks like "${pending.get(skeleton)!.source}"; it keeps no skeleton`,
          );
        else pending.set(skeleton, row);
      }
      const taken = await client.query<{ skeleton: string; source: string }>(
        `SELECT "${target.column}" AS skeleton, "${target.source}" AS source FROM "${target.table}" WHERE "${target.column}" = ANY($1::text[])`,
        [[...pending.keys()]],
      );
      for (const { skeleton, source } of taken.rows) {
        log?.(`the ${target.what} "${pending.get(skeleton)!.source}" looks like "${source}"; it keeps no skeleton`);
        pending.delete(skeleton);
      }
      if (!pending.size) continue;
      const result = await client.query(
        `UPDATE "${target.table}" AS t SET "${target.column}" = v.skeleton FROM unnest($1::int[], $2::text[]) AS v(id, skeleton) WHERE t."id" = v.id`,
        [[...pending.values()].map((row) => row.id), [...pending.keys()]],
      );
      filled += result.rowCount ?? 0;
    }
    if (filled) log?.(`filled the look-alike skeletons of ${filled} ${target.what} rows`);
  }
}
