import { createElement } from "react";
import { RestoreProblemPage } from "@/components/article/article-admin-forms";
import { formAction } from "@/components/ui/form-action";
import { readerOf } from "@/components/ui/reader";
import { restoreArticle } from "@/lib/articles/restore-article";
import { ZArticleParams, ZRestoreArticleFormSchema } from "@/lib/contracts/articles";
import { getDb } from "@/lib/db/client";
import { loadViewer } from "@/lib/users/load-viewer";

// POST /wiki/{slug}/restore — the deleted article page's restore form without script: 303 to the restored
// article, or the form again with the error and the reason as typed. Admins.
export const POST = formAction({
  schema: ZRestoreArticleFormSchema,
  params: ZArticleParams,
  bodyLimit: 4096,
  async handler({ input, params, actor }) {
    const restored = await restoreArticle({ actor, slug: params.slug, reason: input.reason });
    return { location: `/wiki/${encodeURIComponent(restored.slug)}` };
  },
  async problemPage(problem) {
    return createElement(RestoreProblemPage, {
      slug: problem.params?.slug ?? "",
      error: problem.message,
      reason: problem.fields.reason ?? "",
      reader: readerOf(problem.actor ? await loadViewer(getDb(), problem.actor.id) : null),
    });
  },
});
