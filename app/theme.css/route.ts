import { themeFromCookies, themeStylesheet } from "@/lib/preferences/theme";

// GET /theme.css — the reader's chosen colour scheme (lib/preferences/theme.ts). Private to the reader:
// it varies with their cookie, so no shared cache may keep it, and the browser asks again on each page.
export function GET(request: Request): Response {
  return new Response(themeStylesheet(themeFromCookies(request.headers.get("cookie"))), {
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "private, no-cache",
      vary: "cookie",
      "x-content-type-options": "nosniff",
    },
  });
}
