import { ZHideTalkPostRequestSchema, ZTalkPostParams } from "@/lib/contracts/talk";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { hideTalkPost } from "@/lib/talk/hide-talk-post";

// POST /api/articles/{slug}/talk/posts/{postId}/hide — hide a post from readers or show it again (kept for the record). Administrators.
export const POST = mutation({
  schema: ZHideTalkPostRequestSchema,
  params: ZTalkPostParams,
  async handler({ input, params, actor }) {
    return json(await hideTalkPost({ actor, slug: params.slug, postId: params.postId, hidden: input.hidden }));
  },
});
