/**
 * A checker for server-rendered HTML: finds markup that could run script.
 * It tokenizes the way a browser does (tags, quoted attributes, comments, raw
 * text in script/style, RCDATA in title/textarea), so an injected tag shows up
 * as a tag here exactly when it would in Chromium; text that merely looks like
 * markup (escaped by React) stays text.
 */

export interface HtmlTag {
  name: string;
  attrs: Array<{ name: string; value: string }>;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
  lpar: "(",
  rpar: ")",
  semi: ";",
  comma: ",",
  period: ".",
  excl: "!",
  num: "#",
};

/** Decodes character references as the HTML tokenizer does (numeric with or without `;`, and the common named ones). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z]+);?/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    return named ?? whole;
  });
}

const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]);
const RCDATA = new Set(["title", "textarea"]);

/** Tokenizes `html` into start tags (with decoded attributes) and text; end tags and comments are skipped. */
export function tokenize(html: string): {
  tags: HtmlTag[];
  text: string;
  scripts: Array<{ tag: HtmlTag; body: string }>;
} {
  const tags: HtmlTag[] = [];
  const scripts: Array<{ tag: HtmlTag; body: string }> = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    i = lt;
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === "!" || html[i + 1] === "?") {
      const end = html.indexOf(">", i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const isEnd = html[i + 1] === "/";
    const nameStart = isEnd ? i + 2 : i + 1;
    if (!/[A-Za-z]/.test(html[nameStart] ?? "")) {
      if (isEnd) {
        const end = html.indexOf(">", i);
        i = end < 0 ? html.length : end + 1;
      } else {
        text += "<";
        i += 1;
      }
      continue;
    }
    let j = nameStart;
    while (j < html.length && !/[\s/>]/.test(html[j])) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const attrs: HtmlTag["attrs"] = [];
    // Attributes: name[=value], value double-, single- or un-quoted.
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j])) j++;
      if (j >= html.length || html[j] === ">") break;
      const attrStart = j;
      j++;
      while (j < html.length && !/[\s/>=]/.test(html[j])) j++;
      const attrName = html.slice(attrStart, j).toLowerCase();
      while (j < html.length && /\s/.test(html[j])) j++;
      let value = "";
      if (html[j] === "=") {
        j++;
        while (j < html.length && /\s/.test(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, close < 0 ? html.length : close);
          j = close < 0 ? html.length : close + 1;
        } else {
          const start = j;
          while (j < html.length && !/[\s>]/.test(html[j])) j++;
          value = html.slice(start, j);
        }
      }
      if (!isEnd && !attrs.some((attr) => attr.name === attrName))
        attrs.push({ name: attrName, value: decodeEntities(value) });
    }
    i = j + 1;
    if (isEnd) continue;
    const tag = { name, attrs };
    tags.push(tag);
    if (RAW_TEXT.has(name) || RCDATA.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const body = html.slice(i, close < 0 ? html.length : close);
      if (name === "script") scripts.push({ tag, body });
      if (RCDATA.has(name)) text += body;
      i = close < 0 ? html.length : close;
    }
  }
  return { tags, text: decodeEntities(text), scripts };
}

const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "data",
  "poster",
  "background",
  "srcset",
  "ping",
  "cite",
  "longdesc",
  "manifest",
  "codebase",
  "dynsrc",
  "lowsrc",
]);
const FORBIDDEN_ELEMENTS = new Set([
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "base",
  "isindex",
  "template",
  "portal",
]);

/**
 * What the browser would make of a URL attribute: leading and trailing C0
 * controls and spaces removed, tabs and newlines dropped anywhere (the URL
 * parser does both), then the scheme if there is one.
 */
export function effectiveScheme(url: string): string | null {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  return match ? match[1].toLowerCase() : null;
}

/** True for an attribute value that is a same-site path, a fragment, a query, or an http(s)/mailto URL. */
export function isSafeUrlAttribute(value: string): boolean {
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const scheme = effectiveScheme(value);
  if (scheme !== null) return scheme === "http" || scheme === "https" || scheme === "mailto";
  // Protocol-relative (`//host`, and `\\host` or `/\host`, which browsers read the same) leaves the site.
  return !/^[/\\]{2}/.test(cleaned);
}

/**
 * Every way `html` could run script: scripts without the page's CSP nonce,
 * event-handler attributes, script-capable elements, URL attributes with
 * another scheme than http(s)/mailto or pointing off-site protocol-relatively,
 * `javascript:` or `expression(` in styles, and meta refreshes.
 */
export function unsafeMarkup(html: string, options: { nonce?: string | null } = {}): string[] {
  const problems: string[] = [];
  const { tags } = tokenize(html);
  for (const tag of tags) {
    const describe = () =>
      `<${tag.name} ${tag.attrs.map((a) => `${a.name}=${JSON.stringify(a.value.slice(0, 80))}`).join(" ")}>`;
    if (tag.name === "script") {
      const nonce = tag.attrs.find((attr) => attr.name === "nonce")?.value;
      if (!options.nonce || nonce !== options.nonce) problems.push(`script without the page's nonce: ${describe()}`);
      const src = tag.attrs.find((attr) => attr.name === "src")?.value;
      if (src !== undefined && !/^\/_next\//.test(src)) problems.push(`script from elsewhere: ${describe()}`);
    }
    if (FORBIDDEN_ELEMENTS.has(tag.name)) problems.push(`script-capable element: ${describe()}`);
    if (
      tag.name === "meta" &&
      tag.attrs.some((attr) => attr.name === "http-equiv" && /refresh|set-cookie|content-security/i.test(attr.value))
    ) {
      problems.push(`meta http-equiv: ${describe()}`);
    }
    for (const attr of tag.attrs) {
      if (attr.name.startsWith("on")) problems.push(`event handler attribute ${attr.name}: ${describe()}`);
      if (attr.name === "srcdoc") problems.push(`srcdoc: ${describe()}`);
      if (attr.name === "style" && /javascript:|expression\s*\(|url\s*\(/i.test(attr.value.replace(/[\s\u0000]/g, "")))
        problems.push(`script in style: ${describe()}`);
      if (URL_ATTRIBUTES.has(attr.name) || attr.name.endsWith(":href")) {
        const values =
          attr.name === "srcset" ? attr.value.split(",").map((part) => part.trim().split(/\s+/)[0]) : [attr.value];
        for (const value of values) {
          if (!isSafeUrlAttribute(value)) problems.push(`unsafe ${attr.name}: ${describe()}`);
        }
      }
    }
  }
  return problems;
}

/** The nonce of a CSP header's script-src, if any. */
export function cspNonce(header: string | null): string | null {
  return /'nonce-([^']+)'/.exec(header ?? "")?.[1] ?? null;
}

/**
 * Why a Content-Security-Policy header is not strict, or [] when it is:
 * script-src with a nonce or 'self' only (no 'unsafe-inline', no 'unsafe-eval',
 * no wildcard or data:), object-src 'none', base-uri and frame-ancestors set.
 */
export function cspProblems(header: string | null): string[] {
  if (!header) return ["no Content-Security-Policy header"];
  const directives = new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0].toLowerCase(), parts.slice(1)] as const),
  );
  const problems: string[] = [];
  const scripts = directives.get("script-src") ?? directives.get("default-src");
  if (!scripts) problems.push("no script-src or default-src");
  for (const source of scripts ?? []) {
    if (
      ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:", "'unsafe-hashes'"].includes(
        source.toLowerCase(),
      )
    )
      problems.push(`script-src allows ${source}`);
  }
  if (directives.get("object-src")?.join(" ") !== "'none'") problems.push("object-src is not 'none'");
  const base = directives.get("base-uri")?.join(" ");
  if (base !== "'none'" && base !== "'self'") problems.push("base-uri is not 'none' or 'self'");
  const frames = directives.get("frame-ancestors")?.join(" ");
  if (frames !== "'none'" && frames !== "'self'") problems.push("frame-ancestors is not 'none' or 'self'");
  return problems;
}
