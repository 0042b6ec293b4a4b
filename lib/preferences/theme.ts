/**
 * The reader's colour scheme: the system's (the default), or light or dark
 * chosen on the site. Kept in a cookie. The route-handler pages (article,
 * history, diff) apply it by /theme.css, a tiny stylesheet answered per
 * reader, so their HTML stays the same for all readers (the signed-out page
 * cache serves one copy) and no script runs; the App Router pages, rendered
 * per reader, put it on their root element (app/layout.tsx) and spare the
 * request.
 */
export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "wiki-theme";

/** The theme a cookie header names; anything else is the system's. */
export function themeFromCookies(cookieHeader: string | null): Theme {
  const match = /(?:^|;\s*)wiki-theme=([a-z]+)/.exec(cookieHeader ?? "");
  const value = match?.[1];
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "auto";
}

/**
 * The stylesheet for a theme: every colour in wiki.css is written with
 * `light-dark()`, so forcing the scheme on the root is all a choice takes.
 */
export function themeStylesheet(theme: Theme): string {
  return theme === "auto" ? "" : `:root { color-scheme: ${theme}; }\n`;
}
