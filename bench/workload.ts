/**
 * The bench's generated workload, deterministic from a seed: articles of a
 * given size, and histories made with issue 7's edit mix (70% small edits
 * with a citation, 20% copyedits, 8% sections added or moved, 2% near-total
 * rewrites, and every 100 revisions a blanking and its exact revert). Long
 * histories are written in bulk, the way an import would be: the same
 * content-addressed blobs and revision rows saveRevision writes, in batches.
 */
import { encodeContent } from "../lib/articles/content-store";
import { deepFreeze } from "../lib/cache/deep-freeze";
import { saveRevision } from "../lib/articles/save-revision";
import type { Db } from "../lib/db/client";
import { docFromMarkup } from "../lib/document/markup";
import { SCHEMA_VERSION, type ArticleContent, type Section } from "../lib/document/model";
import { generateArticle, seededRandom } from "../test/factories";

/** An article of about `chars` characters of text, one citation per ~150 characters. */
export function articleOfChars(chars: number, seed: number, title: string): ArticleContent {
  const sections = Math.max(3, Math.round(chars / 2000));
  const sectionChars = Math.round(chars / sections);
  return generateArticle({ title, sections, references: Math.max(4, Math.round(chars / 300)), sectionChars, seed });
}

/** JSON.stringify(value)'s byte length, memoized on frozen objects (unchanged sections are shared). */
const sizeMemo = new WeakMap<object, number>();
export function jsonBytes(value: unknown): number {
  if (value === null || typeof value !== "object")
    return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));
  const memo = sizeMemo.get(value);
  if (memo !== undefined) return memo;
  let size: number;
  if (Array.isArray(value)) {
    size =
      2 +
      Math.max(0, value.length - 1) +
      value.reduce((sum: number, item) => sum + (item === undefined ? 4 : jsonBytes(item)), 0);
  } else {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    size =
      2 +
      Math.max(0, entries.length - 1) +
      entries.reduce((sum, [key, item]) => sum + Buffer.byteLength(JSON.stringify(key)) + 1 + jsonBytes(item), 0);
  }
  if (Object.isFrozen(value)) sizeMemo.set(value, size);
  return size;
}

export type EditKind = "small" | "copyedit" | "structure" | "rewrite" | "blanking" | "revert";

/** The next revision of `content` under the edit mix; revision `n` counts from 1. */
export function nextRevision(
  content: ArticleContent,
  previous: ArticleContent | null,
  n: number,
  random: () => number,
  alternate: ArticleContent,
): { content: ArticleContent; kind: EditKind } {
  const sectionCount = content.sections.length;
  const keys = content.references.map((reference) => reference.key);
  const anyKey = () => keys[Math.floor(random() * keys.length)] ?? null;
  const withSection = (index: number, section: Section): ArticleContent => ({
    ...content,
    sections: content.sections.map((old, i) => (i === index ? section : old)),
  });
  if (n % 100 === 98) {
    return {
      kind: "blanking",
      content: {
        ...content,
        infobox: null,
        sections: [{ id: "s0", title: "", level: 0, body: docFromMarkup("Blanked.") }],
        references: [],
      },
    };
  }
  if (n % 100 === 99 && previous) return { kind: "revert", content: previous };
  if (sectionCount < 2) return { kind: "revert", content: previous ?? content };
  const roll = random();
  const index = 1 + Math.floor(random() * (sectionCount - 1));
  const section = content.sections[index];
  const blocks = section.body.content ?? [];
  if (roll < 0.7) {
    const key = anyKey();
    const sentence = docFromMarkup(
      `Revision ${n} adds a sourced sentence about the offensive.${key ? `[[ref:${key}]]` : ""}`,
    ).content!;
    // The sentence takes the slot after the section's first three paragraphs, so the page stays its size over long histories.
    return {
      kind: "small",
      content: withSection(index, {
        ...section,
        body: { ...section.body, content: [...blocks.slice(0, 3), ...sentence] },
      }),
    };
  }
  if (roll < 0.9) {
    const first = blocks[0];
    const copyedited = first?.content?.map((node) =>
      node.type === "text" && node.text
        ? { ...node, text: node.text.replace(/\b(forces|city|army|road|town)\b/, (word) => word.toUpperCase()) }
        : node,
    );
    const paragraph = first ? { ...first, content: copyedited } : docFromMarkup(`Copyedit ${n}.`).content![0];
    return {
      kind: "copyedit",
      content: withSection(index, { ...section, body: { ...section.body, content: [paragraph, ...blocks.slice(1)] } }),
    };
  }
  if (roll < 0.98) {
    const added = content.sections.findIndex((candidate) => candidate.id.startsWith("n"));
    if (added > 0 && content.sections.filter((candidate) => candidate.id.startsWith("n")).length >= 5) {
      return { kind: "structure", content: { ...content, sections: content.sections.filter((_, i) => i !== added) } };
    }
    if (random() < 0.5) {
      const added: Section = {
        id: `n${n}`,
        title: `Added in revision ${n}`,
        level: 3,
        body: docFromMarkup(`A new section written in revision ${n}.${anyKey() ? `[[ref:${anyKey()}]]` : ""}`),
      };
      const sections = [...content.sections];
      sections.splice(index, 0, added);
      return { kind: "structure", content: { ...content, sections } };
    }
    const sections = [...content.sections];
    const [moved] = sections.splice(index, 1);
    sections.splice(1 + Math.floor(random() * (sections.length - 1)), 0, moved);
    return { kind: "structure", content: { ...content, sections } };
  }
  // A near-total rewrite of the same length: another text of the article's size.
  return { kind: "rewrite", content: { ...alternate, title: content.title } };
}

/**
 * Creates `slug` with `first` and then `revisions - 1` more under the edit
 * mix, written in batches. Returns the revision ids (oldest first) and the
 * raw JSON bytes of all revisions together.
 */
export async function bulkHistory(
  db: Db,
  options: { slug: string; first: ArticleContent; chars: number; revisions: number; authorIds: number[]; seed: number },
): Promise<{ articleId: number; revisionIds: number[]; rawBytes: number; kinds: Record<EditKind, number> }> {
  const random = seededRandom(options.seed);
  const created = await saveRevision({
    db,
    slug: options.slug,
    baseRevisionId: null,
    content: options.first,
    authorId: options.authorIds[0],
  });
  const article = await db.article.findUniqueOrThrow({ where: { slug: options.slug }, select: { id: true } });
  const revisionIds = [created.revisionId];
  let rawBytes = jsonBytes(options.first);
  const kinds: Record<EditKind, number> = { small: 0, copyedit: 0, structure: 0, rewrite: 0, blanking: 0, revert: 0 };
  let current = deepFreeze(structuredClone(options.first));
  const alternates = [deepFreeze(articleOfChars(options.chars, options.seed + 1, options.first.title)), current];
  let previous: ArticleContent | null = null;
  const batchSize = 500;
  for (let done = 1; done < options.revisions; ) {
    const count = Math.min(batchSize, options.revisions - done);
    const ids = (
      await db.$queryRawUnsafe<Array<{ id: number }>>(
        `SELECT nextval(pg_get_serial_sequence('"Revision"', 'id'))::int AS id FROM generate_series(1, ${count})`,
      )
    ).map((row) => row.id);
    const blobs = new Map<string, { hash: string; kind: string; data: object }>();
    const rows = [];
    for (let i = 0; i < count; i++) {
      const n = done + i;
      const next = nextRevision(current, previous, n, random, alternates[kinds.rewrite % 2]);
      kinds[next.kind] += 1;
      const content = deepFreeze(next.content);
      const encoded = encodeContent(content);
      for (const row of encoded.blobs)
        blobs.set(row.hash, { hash: row.hash, kind: row.kind, data: row.data as object });
      const size = jsonBytes(content);
      rawBytes += size;
      rows.push({
        id: ids[i],
        articleId: article.id,
        parentId: revisionIds.at(-1)!,
        authorId: options.authorIds[n % options.authorIds.length],
        summary: `${next.kind} edit ${n}`,
        sizeBytes: size,
        schemaVersion: SCHEMA_VERSION,
        title: content.title,
        sectionsRoot: encoded.sectionsRoot,
        referencesRoot: encoded.referencesRoot,
        infoboxHash: encoded.infoboxHash,
        createdAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000),
      });
      revisionIds.push(ids[i]);
      previous = current;
      current = content;
    }
    // New blobs only, in chunks that keep each statement's parameters bounded.
    const blobRows = [...blobs.values()];
    for (let i = 0; i < blobRows.length; i += 1000)
      await db.contentBlob.createMany({ data: blobRows.slice(i, i + 1000), skipDuplicates: true });
    await db.revision.createMany({ data: rows });
    done += count;
  }
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: revisionIds.at(-1)! } });
  return { articleId: article.id, revisionIds, rawBytes, kinds };
}
