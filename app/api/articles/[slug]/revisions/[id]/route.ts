import { presentRevision } from "@/lib/articles/present";
import { readArticleRevision } from "@/lib/articles/read-article";
import { ZRevisionParams } from "@/lib/contracts/articles";
import { query } from "@/lib/http/query";

// GET /api/articles/{slug}/revisions/{id} — one revision (immutable, so cacheable). Public.
export const GET = query({
  params: ZRevisionParams,
  cache: "immutable",
  async handler({ params }) {
    return { body: presentRevision(await readArticleRevision({ slug: params.slug, revisionId: params.id })) };
  },
});
