import { z } from "zod";
import { ZId, zIdText } from "./ids";

/*
 * The JSON API of talk pages (app/api/articles/{slug}/talk): topics and
 * threaded replies. Pure zod and types, so the browser's code can import it.
 */

/** Longest topic title, in characters (a heading, not a post). */
export const MAX_TOPIC_TITLE_CHARS = 200;
/** Longest post, in characters (a long Wikipedia talk post is a few thousand). */
export const MAX_POST_CHARS = 10_000;
/** Most distinct users one post may mention (each one is notified). */
export const MAX_MENTIONS_PER_POST = 20;

const ZTitle = z
  .string()
  .max(MAX_TOPIC_TITLE_CHARS, `must have at most ${MAX_TOPIC_TITLE_CHARS} characters`)
  .refine((title) => title.trim() !== "", "must not be empty")
  .refine((title) => !/[\n\r]/.test(title), "must be one line");
const ZBody = z
  .string()
  .max(MAX_POST_CHARS, `must have at most ${MAX_POST_CHARS.toLocaleString("en")} characters`)
  .refine((body) => body.trim() !== "", "must not be empty");

/** Body of POST /api/articles/{slug}/talk: a new topic, its title and first post. */
export const ZStartTopicRequestSchema = z.strictObject({ title: ZTitle, body: ZBody });
export type TStartTopicRequest = z.infer<typeof ZStartTopicRequestSchema>;

/** Body of POST /api/articles/{slug}/talk/topics/{topicId}/replies: the post replied to (null or absent: the topic's first post) and the text. */
export const ZReplyToTopicRequestSchema = z.strictObject({ parentId: ZId.nullable().optional(), body: ZBody });
export type TReplyToTopicRequest = z.infer<typeof ZReplyToTopicRequestSchema>;

/** Body of POST /api/articles/{slug}/talk/posts/{postId}/hide: hide (true) or show again (false); kept for the record either way. */
export const ZHideTalkPostRequestSchema = z.strictObject({ hidden: z.boolean() });

/** The path of `/api/articles/{slug}/talk/topics/{topicId}/…`. */
export const ZTalkTopicParams = z.object({ slug: z.string(), topicId: zIdText("topic id") });
/** The path of `/api/articles/{slug}/talk/posts/{postId}/…`. */
export const ZTalkPostParams = z.object({ slug: z.string(), postId: zIdText("post id") });

/** The 201 answer to a new topic or reply: where it now lives. */
export interface TTalkPosted {
  topic: { id: number; url: string };
  post: { id: number; url: string };
  mentioned: string[];
}

/** One post as the JSON API shows it (a hidden post's text is left out). */
export interface TTalkPost {
  id: number;
  parentId: number | null;
  author: string;
  createdAt: string;
  body: string | null;
  hidden: boolean;
  mentions: string[];
}

/** One topic as the JSON API shows it: posts in the order written, each naming its parent. */
export interface TTalkTopic {
  id: number;
  title: string;
  author: string;
  createdAt: string;
  url: string;
  posts: TTalkPost[];
  proposals: Array<{ id: number; status: string; summary: string }>;
}

/** The anchor of a topic and of a post on the talk page (stable: made of the ids). */
export const topicAnchor = (id: number) => `topic-${id}`;
export const postAnchor = (id: number) => `post-${id}`;
/** The address of an article's talk page. */
export const talkPath = (slug: string) => `/wiki/${encodeURIComponent(slug)}/talk`;

/**
 * The fields of the talk page's plain form (POST /wiki/{slug}/talk/post, no
 * script): with `topicId` a reply (to `parentId`), else a new topic (`title`).
 */
export const ZTalkFormSchema = z
  .strictObject({
    topicId: zIdText("topicId").optional(),
    parentId: zIdText("parentId").optional(),
    title: z.string().optional(),
    body: ZBody,
  })
  .superRefine((form, context) => {
    if (form.topicId !== undefined) return;
    const title = ZTitle.safeParse(form.title ?? "");
    if (!title.success) context.addIssue({ code: "custom", path: ["title"], message: title.error.issues[0].message });
  });
export type TTalkForm = z.infer<typeof ZTalkFormSchema>;
