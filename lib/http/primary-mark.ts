import "server-only";
import { markAfterWrite, PRIMARY_MARK_COOKIE, PRIMARY_MARK_MAX_AGE, replicasConfigured } from "../db/replicas";

/**
 * A successful write's response, with the primary mark (lib/db/replicas.ts)
 * that keeps its client's next reads off replicas that have not replayed it
 * yet. Only when replicas are configured: otherwise every read is the
 * primary's and the write costs nothing more. A mark that cannot be made
 * (the primary went away after the commit) leaves the response as it was:
 * the write is done, and saying otherwise would be worse than a stale read.
 */
export async function withPrimaryMark(request: Request, response: Response): Promise<Response> {
  if (response.status >= 400 || !replicasConfigured()) return response;
  let mark: string;
  try {
    mark = await markAfterWrite();
  } catch (error) {
    console.warn(`[replicas] no primary mark after a write: ${error instanceof Error ? error.message : error}`);
    return response;
  }
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  const cookie = `${PRIMARY_MARK_COOKIE}=${mark}; Path=/; Max-Age=${PRIMARY_MARK_MAX_AGE}; HttpOnly; SameSite=Lax${secure}`;
  try {
    response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    // Response.redirect()'s headers are immutable: the same response with headers that are not.
    const copy = new Response(response.body, { status: response.status, headers: new Headers(response.headers) });
    copy.headers.append("set-cookie", cookie);
    return copy;
  }
}
