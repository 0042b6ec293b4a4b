import { createElement } from "react";
import { MoveArticlePage } from "@/components/article/article-admin-forms";
import { formAction } from "@/components/ui/form-action";
import { readerOf } from "@/components/ui/reader";
import { readerView } from "@/components/ui/reader-view";
import { moveArticle } from "@/lib/articles/move-article";
import { titleOfSlug } from "@/lib/articles/titles";
import { decideArticleAdmin } from "@/lib/authz/article-admin";
import { ZArticleParams, ZMoveArticleFormSchema } from "@/lib/contracts/articles";
import { idFromText } from "@/lib/contracts/ids";
import { getDb } from "@/lib/db/client";
import { loadViewer } from "@/lib/users/load-viewer";

// GET /wiki/{slug}/move — the move (rename) form (admins; anyone else is told why not). Runs no script.
export const GET = readerView({
  params: ZArticleParams,
  article: true,
  async handler({ actor, reader, article }) {
    const decision = decideArticleAdmin(actor, "move");
    return {
      cacheKey: null,
      cache: "private",
      render: async () =>
        createElement(MoveArticlePage, {
          slug: article.slug,
          title: article.title,
          headId: article.currentRevisionId,
          reader,
          refusal: decision.allowed ? null : decision.reason,
        }),
    };
  },
});

// POST /wiki/{slug}/move — the move form without script: 303 to the article at its new title, or the form again
// with the error and the fields as typed. Admins.
export const POST = formAction({
  schema: ZMoveArticleFormSchema,
  params: ZArticleParams,
  bodyLimit: 8192,
  async handler({ input, params, actor }) {
    const moved = await moveArticle({ actor, slug: params.slug, ...input });
    return { location: `/wiki/${encodeURIComponent(moved.slug)}` };
  },
  async problemPage(problem) {
    const slug = problem.params?.slug ?? "";
    return createElement(MoveArticlePage, {
      slug,
      title: titleOfSlug(slug),
      headId: idFromText(problem.fields.expectedHeadId),
      reader: readerOf(problem.actor ? await loadViewer(getDb(), problem.actor.id) : null),
      error: problem.message,
      fields: problem.fields,
    });
  },
});
