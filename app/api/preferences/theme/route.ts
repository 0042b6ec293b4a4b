import { WikiError } from "@/lib/errors";
import { originProblem } from "@/lib/http/origin";
import { errorResponse } from "@/lib/http/respond";
import { resolveOnSite } from "@/lib/http/return-path";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/preferences/theme";

const YEAR_SECONDS = 365 * 24 * 3600;
const MAX_FORM_BYTES = 1024;

/**
 * POST /api/preferences/theme — the footer's scheme switch, a plain HTML form
 * (no script): sets the theme cookie and goes back to the page it was sent
 * from (the Referer, kept only when it is on this site). Same-origin only,
 * like every mutation, and a small form body at most.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const problem = originProblem(request);
    if (problem) throw new WikiError("forbidden", `Refused: ${problem}. Mutations must come from this site.`);
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_FORM_BYTES) throw new WikiError("payload_too_large", "The form is too large.");
    const text = (await request.text()).slice(0, MAX_FORM_BYTES);
    const theme = new URLSearchParams(text).get("theme") ?? "";
    if (!(THEMES as readonly string[]).includes(theme))
      throw new WikiError("bad_request", `theme: must be one of ${THEMES.join(", ")}.`);
    // The Origin was just checked to be this site's: a Referer on it is a page of this site.
    const from = resolveOnSite(request.headers.get("referer"), request.headers.get("origin") ?? "");
    const back = from ? `${from.pathname}${from.search}` : "/";
    const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
    const cookie =
      theme === ("auto" satisfies Theme)
        ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}`
        : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`;
    return new Response(null, { status: 303, headers: { location: back, "set-cookie": cookie } });
  } catch (error) {
    return errorResponse(error);
  }
}
