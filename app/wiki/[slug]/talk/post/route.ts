import { createElement } from "react";
import { formAction } from "@/components/ui/form-action";
import { TalkFormProblem } from "@/components/talk/talk-form-problem";
import { readerOf } from "@/components/ui/reader";
import { getDb } from "@/lib/db/client";
import { loadViewer } from "@/lib/users/load-viewer";
import { ZArticleParams } from "@/lib/contracts/articles";
import { ZTalkFormSchema } from "@/lib/contracts/talk";
import { replyToTopic } from "@/lib/talk/reply-to-topic";
import { startTopic } from "@/lib/talk/start-topic";

// POST /wiki/{slug}/talk/post — the talk page's forms without script (a new topic, or a reply with topicId):
// 303 to the new post, or a page with the error and the text kept. Signed-in users who are not blocked.
export const POST = formAction({
  schema: ZTalkFormSchema,
  params: ZArticleParams,
  bodyLimit: 128 * 1024,
  rateLimit: "talk",
  async handler({ input, params, actor }) {
    const posted =
      input.topicId === undefined
        ? await startTopic({ actor, slug: params.slug, request: { title: input.title ?? "", body: input.body } })
        : await replyToTopic({
            actor,
            slug: params.slug,
            topicId: input.topicId,
            request: { parentId: input.parentId ?? null, body: input.body },
          });
    const [page, anchor] = posted.post.url.split("#");
    return { location: `${page}?posted=${posted.post.id}#${anchor}` };
  },
  async problemPage(problem) {
    return createElement(TalkFormProblem, {
      slug: problem.params?.slug ?? "",
      status: problem.status,
      message: problem.message,
      fields: problem.fields,
      reader: readerOf(problem.actor ? await loadViewer(getDb(), problem.actor.id) : null),
    });
  },
});
