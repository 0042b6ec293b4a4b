import type { TEditConflictDetails, TEditRequest, TEditResponse } from "@/lib/contracts/articles";
import { callApi } from "@/components/ui/api-client";

/** What became of a save, in the terms the editor shows. */
export type SaveOutcome =
  | { kind: "saved"; revisionId: number; merged: boolean }
  | { kind: "proposed"; proposalId: number | null; url: string | null }
  | { kind: "unchanged" }
  | { kind: "invalid"; message: string; path: string | null }
  | { kind: "conflict"; message: string; details: TEditConflictDetails | null }
  | { kind: "signed-out" }
  | { kind: "forbidden"; message: string }
  | { kind: "failed"; message: string };

function firstIssuePath(details: unknown): string | null {
  const issues = (details as { issues?: Array<{ path?: unknown }> } | null)?.issues;
  const path = Array.isArray(issues) ? issues[0]?.path : undefined;
  return typeof path === "string" && path ? path : null;
}

function isConflictDetails(details: unknown): details is TEditConflictDetails {
  const value = details as Partial<TEditConflictDetails> | null;
  return (
    !!value &&
    typeof value.currentRevisionId === "number" &&
    !!value.theirs &&
    Array.isArray(value.conflictingSectionIds)
  );
}

/**
 * Sends the edit (POST /api/articles/{slug}/edits), a new version of the
 * author's own proposal (POST /api/proposals/{id}/versions) or a reviewer's
 * amendment of it (POST /api/proposals/{id}/amendments), and sorts the answer
 * out. Never throws.
 */
export async function saveEdit(
  slug: string,
  body: TEditRequest,
  proposalId: number | null = null,
  amendVersion: number | null = null,
): Promise<SaveOutcome> {
  const url = !proposalId
    ? `/api/articles/${encodeURIComponent(slug)}/edits`
    : amendVersion
      ? `/api/proposals/${proposalId}/amendments`
      : `/api/proposals/${proposalId}/versions`;
  // A reviewer's amendment names the version it was made on (pinned, like a decision).
  const result = await callApi<TEditResponse>("POST", url, amendVersion ? { version: amendVersion, edit: body } : body);
  if (result.ok && proposalId) return { kind: "proposed", proposalId, url: `/proposals/${proposalId}` };
  if (result.ok) {
    const data = result.data;
    switch (data?.status) {
      case "saved":
        return { kind: "saved", revisionId: data.revision.id, merged: data.merged !== null };
      case "unchanged":
        return { kind: "unchanged" };
      case "proposed": {
        // 202: the user may only propose, so the edit became a proposal for review (DESIGN.md).
        const { id, url } = data.proposal;
        return { kind: "proposed", proposalId: id, url: url.startsWith("/") ? url : `/proposals/${id}` };
      }
    }
    const message = "The server's answer could not be read; reload to see whether the edit was saved.";
    return { kind: "failed", message };
  }
  const message = result.error?.message ?? `The server answered ${result.status}.`;
  const details = result.error?.details;
  switch (result.status) {
    case 400:
    case 413:
      return { kind: "invalid", message, path: firstIssuePath(details) };
    case 401:
      return { kind: "signed-out" };
    case 403:
      return { kind: "forbidden", message };
    case 409:
      return { kind: "conflict", message, details: isConflictDetails(details) ? details : null };
    default:
      return { kind: "failed", message };
  }
}
