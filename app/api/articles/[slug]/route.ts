import { presentRevision } from "@/lib/articles/present";
import { readArticleRevision } from "@/lib/articles/read-article";
import { ZArticleParams } from "@/lib/contracts/articles";
import { query } from "@/lib/http/query";

// GET /api/articles/{slug} — the current revision: sections, references, notes, infobox, protection. Public.
export const GET = query({
  params: ZArticleParams,
  cache: "revalidate",
  async handler({ params }) {
    return { body: presentRevision(await readArticleRevision({ slug: params.slug })) };
  },
});
