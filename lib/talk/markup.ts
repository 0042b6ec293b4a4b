import { slugOfTitle, titleProblem } from "../articles/titles";
import { nameKeyOf, USERNAME_MAX } from "../auth/usernames";

/*
 * The text of a talk post, read as Wikipedia's talk pages are written: plain
 * text in paragraphs (a blank line between them, a single line break kept),
 * `@name` mentions (an underscore stands for a space, as in wiki addresses)
 * and `[[Title]]` or `[[Title|words]]` links to articles. Pure: the page turns
 * the parts into React elements (no HTML is ever made from a user's text) and
 * the post use case resolves the mentions against the users table.
 */

/** One run of a paragraph line. */
export type TalkSegment =
  | { kind: "text"; text: string }
  /** `name` as typed (underscores as spaces), `key` the case-folded form users are matched by (lib/auth/usernames.ts) */
  | { kind: "mention"; text: string; name: string; key: string }
  | { kind: "link"; text: string; slug: string; label: string };

/** A paragraph: its lines, each a list of segments. */
export type TalkParagraph = TalkSegment[][];

// A mention starts after a non-word character (so an e-mail address is not one) and follows the
// username rule: letters and digits, with single spaces (typed as underscores), dots, hyphens or
// apostrophes between them. A trailing dot or apostrophe is punctuation, not part of the name.
const MENTION = /(?<![\p{L}\p{N}\p{M}_@])@([\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[_.'-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*)/gu;
const WIKI_LINK = /\[\[([^[\]|\n]{1,255})(?:\|([^[\]\n]{1,255}))?\]\]/g;

/** The parts of one line: wiki links first (a mention inside a link's words stays words), then mentions in the text between. */
function lineSegments(line: string): TalkSegment[] {
  const segments: TalkSegment[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    let last = 0;
    for (const match of text.matchAll(MENTION)) {
      const name = match[1].replace(/_/g, " ");
      if ([...name].length > USERNAME_MAX) continue;
      if (match.index > last) segments.push({ kind: "text", text: text.slice(last, match.index) });
      segments.push({ kind: "mention", text: match[0], name, key: nameKeyOf(name) });
      last = match.index + match[0].length;
    }
    if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  };
  let last = 0;
  for (const match of line.matchAll(WIKI_LINK)) {
    const target = match[1].trim();
    // A target that is no valid title (or only spaces) stays text, brackets and all.
    if (!target || titleProblem(target)) continue;
    pushText(line.slice(last, match.index));
    segments.push({ kind: "link", text: match[0], slug: slugOfTitle(target), label: match[2]?.trim() || target });
    last = match.index + match[0].length;
  }
  pushText(line.slice(last));
  return segments;
}

/** The paragraphs of a post, each a list of lines of segments; blank lines separate paragraphs. */
export function parseTalkText(body: string): TalkParagraph[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => paragraph.split("\n").map(lineSegments));
}

/** The distinct case-folded names a post mentions, in the order first mentioned. */
export function mentionedKeys(body: string): string[] {
  const keys = new Set<string>();
  for (const paragraph of parseTalkText(body))
    for (const line of paragraph) for (const segment of line) if (segment.kind === "mention") keys.add(segment.key);
  return [...keys];
}
