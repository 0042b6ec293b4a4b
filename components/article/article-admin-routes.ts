import "server-only";
import { createElement, type ReactElement } from "react";
import type { FormProblem } from "@/components/ui/form-action";
import { readerOf } from "@/components/ui/reader";
import type { ReaderPage, ReaderViewContext } from "@/components/ui/reader-view";
import { titleOfSlug } from "@/lib/articles/titles";
import { decideArticleAdmin } from "@/lib/authz/article-admin";
import { idFromText } from "@/lib/contracts/ids";
import { getDb } from "@/lib/db/client";
import { loadViewer } from "@/lib/users/load-viewer";
import type { AdminFormProps, ArticleAdminPageAction } from "./article-admin-forms";

/**
 * What `/wiki/{slug}/delete` and `/wiki/{slug}/move` share, so that each route file says only its action,
 * schema and use case: the GET handler (the form for administrators, anyone else told why not, never cached)
 * and the page a refused no-script post gets back (the form again with the message and the fields as typed).
 */
type AdminPage = (props: AdminFormProps) => ReactElement;

/** `readerView`'s handler for an administrator's form page about the path's article. */
export function adminFormView(action: ArticleAdminPageAction, page: AdminPage) {
  return async ({
    actor,
    reader,
    article,
  }: Pick<ReaderViewContext<unknown, unknown>, "actor" | "reader" | "article">): Promise<ReaderPage> => {
    const decision = decideArticleAdmin(actor, action);
    return {
      cacheKey: null,
      cache: "private",
      render: async () =>
        createElement(page, {
          slug: article.slug,
          title: article.title,
          headId: article.currentRevisionId,
          reader,
          refusal: decision.allowed ? null : decision.reason,
        }),
    };
  };
}

/** `formAction`'s problem page for the same form: the message above it, nothing typed lost. */
export function adminFormProblem(page: AdminPage) {
  return async (problem: FormProblem<{ slug: string } | null>): Promise<ReactElement> => {
    const slug = problem.params?.slug ?? "";
    return createElement(page, {
      slug,
      title: titleOfSlug(slug),
      headId: idFromText(problem.fields.expectedHeadId),
      reader: readerOf(problem.actor ? await loadViewer(getDb(), problem.actor.id) : null),
      error: problem.message,
      fields: problem.fields,
    });
  };
}
