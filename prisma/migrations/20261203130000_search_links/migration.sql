-- Full-text search and red links (issue 18; lib/search). Both extensions ship with PostgreSQL's contrib
-- (and with the embedded PostgreSQL) and are "trusted" since PostgreSQL 13, so a database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One configuration for English and German alike: the simple parser's words lower-cased with accents removed
-- (unaccent: "Salamīyah" = "Salamiyah", "Müller" = "Muller", "Straße" = "Strasse") and no stemming, which in one
-- language mangles the other. See README, "Search".
CREATE TEXT SEARCH CONFIGURATION wiki_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION wiki_search
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- The weighted document of an article, in one place for the save statement and the backfill below:
-- title A, section text B, reference titles and works C.
CREATE FUNCTION wiki_search_document(title TEXT, body TEXT, refs TEXT) RETURNS tsvector
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('wiki_search', title), 'A')
        || setweight(to_tsvector('wiki_search', body), 'B')
        || setweight(to_tsvector('wiki_search', refs), 'C')
  $$;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "linkEpoch" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SearchDocument" (
    "articleId" INTEGER NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "document" tsvector NOT NULL,
    "titleDocument" tsvector NOT NULL,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "ArticleLink" (
    "sourceId" INTEGER NOT NULL,
    "targetSlug" TEXT NOT NULL,

    CONSTRAINT "ArticleLink_pkey" PRIMARY KEY ("sourceId","targetSlug")
);

-- CreateIndex
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchDocument_document_idx" ON "SearchDocument" USING GIN ("document");

-- CreateIndex
CREATE INDEX "SearchDocument_titleDocument_idx" ON "SearchDocument" USING GIN ("titleDocument");

-- CreateIndex
CREATE INDEX "ArticleLink_targetSlug_idx" ON "ArticleLink"("targetSlug");

-- AddForeignKey
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLink" ADD CONSTRAINT "ArticleLink_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every article's current revision, read from its content blobs (root -> chunks -> items). Saves
-- rewrite both with the application's own extraction (lib/document/search-text.ts); this SQL one differs
-- only in spacing between inline runs and in the first letter's case mapping of exotic titles.
CREATE TEMPORARY TABLE search_backfill ON COMMIT DROP AS
  SELECT a."id" AS "articleId", r."id" AS "revisionId", r."title",
    left(coalesce((
      SELECT string_agg(concat_ws(E'\n', NULLIF(item."data"->>'title', ''),
               (SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(item."data"->'body', 'strict $.**.text') AS t)), E'\n'
             ORDER BY c.ord, e.ord)
      FROM "ContentBlob" root
      CROSS JOIN LATERAL jsonb_array_elements_text(root."data"->'chunks') WITH ORDINALITY AS c(hash, ord)
      JOIN "ContentBlob" chunk ON chunk."hash" = c.hash
      CROSS JOIN LATERAL jsonb_array_elements(chunk."data"->'entries') WITH ORDINALITY AS e(entry, ord)
      JOIN "ContentBlob" item ON item."hash" = e.entry->>1
      WHERE root."hash" = r."sectionsRoot"), ''), 100000) AS "body",
    left(coalesce((
      SELECT string_agg(concat_ws(' ', item."data"->>'title', item."data"->>'work'), E'\n' ORDER BY c.ord, e.ord)
      FROM "ContentBlob" root
      CROSS JOIN LATERAL jsonb_array_elements_text(root."data"->'chunks') WITH ORDINALITY AS c(hash, ord)
      JOIN "ContentBlob" chunk ON chunk."hash" = c.hash
      CROSS JOIN LATERAL jsonb_array_elements(chunk."data"->'entries') WITH ORDINALITY AS e(entry, ord)
      JOIN "ContentBlob" item ON item."hash" = e.entry->>1
      WHERE root."hash" = r."referencesRoot"), ''), 20000) AS "refs",
    r."sectionsRoot", r."infoboxHash"
  FROM "Article" a JOIN "Revision" r ON r."id" = a."currentRevisionId";

INSERT INTO "SearchDocument" ("articleId", "revisionId", "body", "document", "titleDocument")
  SELECT "articleId", "revisionId", "body", wiki_search_document("title", "body", "refs"), to_tsvector('wiki_search', "title")
  FROM search_backfill;

-- Wiki links of the infobox and every section, by slug (lib/articles/titles.ts's slugOfTitle, in SQL).
INSERT INTO "ArticleLink" ("sourceId", "targetSlug")
  SELECT DISTINCT l."articleId", replace(upper(left(n.title, 1)) || substr(n.title, 2), ' ', '_')
  FROM (
    SELECT b."articleId", item."data"->'body' AS doc
    FROM search_backfill b
    JOIN "ContentBlob" root ON root."hash" = b."sectionsRoot"
    CROSS JOIN LATERAL jsonb_array_elements_text(root."data"->'chunks') AS c(hash)
    JOIN "ContentBlob" chunk ON chunk."hash" = c.hash
    CROSS JOIN LATERAL jsonb_array_elements(chunk."data"->'entries') AS e(entry)
    JOIN "ContentBlob" item ON item."hash" = e.entry->>1
    UNION ALL
    SELECT b."articleId", infobox."data"
    FROM search_backfill b JOIN "ContentBlob" infobox ON infobox."hash" = b."infoboxHash"
  ) l
  CROSS JOIN LATERAL jsonb_path_query(l.doc, 'strict $.**.marks[*] ? (@.type == "wikiLink").attrs.title') AS m(title)
  CROSS JOIN LATERAL (SELECT btrim(regexp_replace(replace(normalize(m.title #>> '{}', NFC), '_', ' '), '\s+', ' ', 'g')) AS title) n
  WHERE n.title <> '';
