import "server-only";
import type { Db, Tx } from "../db/client";
import type { ArticleContent, DocJSON } from "../document/model";
import { WikiError } from "../errors";
import { SOURCE_STATUS_NAMES } from "./domains";
import { rateUrls } from "./reliability";

/** One outgoing link of an article, with where it sits (for an error that names the place). */
interface LinkPlace {
  url: string;
  /** JSON path of the field, e.g. `references[3].url` */
  field: string;
  /** how a person finds it: the reference's title or the section's */
  where: string;
}

function docLinks(doc: DocJSON | undefined, field: string, where: string, out: LinkPlace[]) {
  if (!doc) return;
  for (const mark of doc.marks ?? [])
    if (mark.type === "link" && typeof mark.attrs?.href === "string") out.push({ url: mark.attrs.href, field, where });
  for (const child of doc.content ?? []) docLinks(child, field, where, out);
}

/** Every external link of an article: reference URLs and archive URLs, and links in the text and infobox. */
export function linksOf(content: ArticleContent): LinkPlace[] {
  const out: LinkPlace[] = [];
  content.references.forEach((reference, index) => {
    const where = `the reference “${reference.title}”`;
    if (reference.url) out.push({ url: reference.url, field: `references[${index}].url`, where });
    if (reference.archiveUrl) out.push({ url: reference.archiveUrl, field: `references[${index}].archiveUrl`, where });
  });
  content.sections.forEach((section, index) =>
    docLinks(section.body, `sections[${index}].body`, `the section “${section.title || "lead"}”`, out),
  );
  for (const row of content.infobox?.rows ?? [])
    for (const doc of row.kind === "field" ? [row.value] : [...row.sides, row.footer])
      docLinks(doc, "infobox.rows", `the infobox row “${row.label}”`, out);
  return out;
}

/**
 * Refuses a save or proposal that adds a link to a blacklisted domain (400
 * naming the field, the reference or section, the domain and the list's
 * reason), as Wikipedia's spam blacklist does: only links the change adds
 * count, so an old link does not block an unrelated edit (editing it out is
 * always possible). One statement, and none when nothing was added.
 */
export async function assertNoBlacklistedLinks(
  db: Db | Tx,
  before: ArticleContent | null,
  after: ArticleContent,
): Promise<void> {
  const existing = new Set(before ? linksOf(before).map((link) => link.url) : []);
  const added = linksOf(after).filter((link) => !existing.has(link.url));
  if (added.length === 0) return;
  const ratings = await rateUrls(
    db,
    added.map((link) => link.url),
  );
  const refused = added.find((link) => ratings.get(link.url)?.status === "blacklisted");
  if (!refused) return;
  const rating = ratings.get(refused.url)!;
  throw new WikiError(
    "bad_request",
    `${refused.field}: ${refused.where} links to ${rating.domain}, which is ${SOURCE_STATUS_NAMES.blacklisted} (${rating.reason}). Cite another source; nothing was saved.`,
    { field: refused.field, domain: rating.domain },
  );
}
