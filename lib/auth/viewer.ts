import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "../authz/policy";
import { getReadDb } from "../db/replicas";
import { loadViewer, type Viewer } from "../users/load-viewer";
import { sessionUserId } from "./session";

/**
 * The signed-in reader of the current page request with the header's counts,
 * read fresh from the database in one statement, or null. Memoized per
 * request (React `cache`), so the layout's header and the page share it.
 */
export const getPageViewer = cache(async (): Promise<Viewer | null> => {
  const store = await cookies();
  const header = store
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join("; ");
  return loadViewer(getReadDb(), await sessionUserId(header));
});

/** The signed-in user of the current page request, or null (the same read as the header's). */
export async function getViewer(): Promise<Actor | null> {
  return (await getPageViewer())?.actor ?? null;
}
