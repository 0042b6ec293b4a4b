import "server-only";
import { cookies } from "next/headers";
import type { Actor } from "../authz/policy";
import { getDb } from "../db/client";
import { loadActor } from "../users/load-actor";
import { sessionUserId } from "./session";

/** The signed-in user of the current page request, read fresh from the database, or null. */
export async function getViewer(): Promise<Actor | null> {
  const store = await cookies();
  const header = store
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join("; ");
  return loadActor(getDb(), await sessionUserId(header));
}
