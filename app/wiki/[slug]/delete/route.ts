import { DeleteArticlePage } from "@/components/article/article-admin-forms";
import { adminFormProblem, adminFormView } from "@/components/article/article-admin-routes";
import { formAction } from "@/components/ui/form-action";
import { readerView } from "@/components/ui/reader-view";
import { deleteArticle } from "@/lib/articles/delete-article";
import { ZArticleParams, ZDeleteArticleFormSchema } from "@/lib/contracts/articles";

// GET /wiki/{slug}/delete — the deletion form (admins; anyone else is told why not). Runs no script.
export const GET = readerView({
  params: ZArticleParams,
  article: true,
  handler: adminFormView("delete", DeleteArticlePage),
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
  problemPage: adminFormProblem(DeleteArticlePage),
});
