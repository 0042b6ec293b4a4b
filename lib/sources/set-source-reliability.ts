import "server-only";
import { assertAllowed } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { decideSourceList } from "../authz/sources";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { normalizeDomain, type SourceStatus } from "./domains";

/**
 * An administrator rates a domain on the source reliability list, or takes
 * it off ("unlisted"), with a public reason. A new row, never an update: the
 * table is its own log. A blacklisting applies from the next save on: links
 * already in articles stay until someone edits them out (as on Wikipedia).
 */
export async function setSourceReliability(options: {
  actor: Actor | null;
  domain: string;
  status: SourceStatus;
  reason: string;
  db?: Db;
}) {
  assertAllowed(decideSourceList(options.actor));
  const admin = options.actor as Actor;
  const domain = normalizeDomain(options.domain);
  if (!domain)
    throw new WikiError(
      "bad_request",
      "domain: give a domain such as example.com (an IP address or one label is not a source).",
      {
        field: "domain",
      },
    );
  const reason = options.reason.trim();
  if (!reason)
    throw new WikiError("bad_request", "reason: say why; the change is logged publicly.", { field: "reason" });
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(reason))
    throw new WikiError("bad_request", "reason: control and direction-override characters are not allowed.", {
      field: "reason",
    });
  const row = await (options.db ?? getDb()).sourceReliability.create({
    data: { domain, status: options.status, reason, actorId: admin.id },
  });
  return { id: row.id, domain, status: options.status, reason };
}
