import { createElement } from "react";
import { DeleteArticlePage } from "@/components/article/article-admin-forms";
import { formAction } from "@/components/ui/form-action";
import { readerOf } from "@/components/ui/reader";
import { readerView } from "@/components/ui/reader-view";
import { deleteArticle } from "@/lib/articles/delete-article";
import { titleOfSlug } from "@/lib/articles/titles";
import { decideArticleAdmin } from "@/lib/authz/article-admin";
import { ZArticleParams, ZDeleteArticleFormSchema } from "@/lib/contracts/articles";
import { idFromText } from "@/lib/contracts/ids";
import { getDb } from "@/lib/db/client";
import { loadViewer } from "@/lib/users/load-viewer";

// GET /wiki/{slug}/delete — the deletion form (admins; anyone else is told why not). Runs no script.
export const GET = readerView({
  params: ZArticleParams,
  article: true,
  async handler({ actor, reader, article }) {
    const decision = decideArticleAdmin(actor, "delete");
    return {
      cacheKey: null,
      cache: "private",
      render: async () =>
        createElement(DeleteArticlePage, {
          slug: article.slug,
          title: article.title,
          headId: article.currentRevisionId,
          reader,
          refusal: decision.allowed ? null : decision.reason,
        }),
    };
  },
});

// POST /wiki/{slug}/delete — the deletion form without script: 303 to the (now deleted) article, or the form again
// with the error and the reason as typed. Admins.
export const POST = formAction({
  schema: ZDeleteArticleFormSchema,
  params: ZArticleParams,
  bodyLimit: 4096,
  async handler({ input, params, actor }) {
    const deleted = await deleteArticle({ actor, slug: params.slug, ...input });
    return { location: `/wiki/${encodeURIComponent(deleted.slug)}` };
  },
  async problemPage(problem) {
    const slug = problem.params?.slug ?? "";
    return createElement(DeleteArticlePage, {
      slug,
      title: titleOfSlug(slug),
      headId: idFromText(problem.fields.expectedHeadId),
      reader: readerOf(problem.actor ? await loadViewer(getDb(), problem.actor.id) : null),
      error: problem.message,
      fields: problem.fields,
    });
  },
});
