import { MoveArticlePage } from "@/components/article/article-admin-forms";
import { adminFormProblem, adminFormView } from "@/components/article/article-admin-routes";
import { formAction } from "@/components/ui/form-action";
import { readerView } from "@/components/ui/reader-view";
import { moveArticle } from "@/lib/articles/move-article";
import { ZArticleParams, ZMoveArticleFormSchema } from "@/lib/contracts/articles";

// GET /wiki/{slug}/move — the move (rename) form (admins; anyone else is told why not). Runs no script.
export const GET = readerView({
  params: ZArticleParams,
  article: true,
  handler: adminFormView("move", MoveArticlePage),
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
  problemPage: adminFormProblem(MoveArticlePage),
});
