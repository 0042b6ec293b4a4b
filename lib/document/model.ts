import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { REF_KEY_PATTERN } from "./extensions/citation";
import { SECTION_ID_PATTERN } from "./ids";

/**
 * Version of the document schema; every revision records the one it was written with.
 * 1: the first schema. 2 (issue 21): the table, figure and template nodes. Each change so far only added node
 * types, so every revision written under an older version is valid under this one as it is: nothing migrates, and
 * the number tells which revisions may hold the new nodes (an older reader, or a downgrade, can refuse those).
 */
export const SCHEMA_VERSION = 2;

/** A rich-text document (ProseMirror JSON, `type: "doc"`). Checked by `validateDoc`. */
export type DocJSON = JSONContent;

export { SECTION_ID_PATTERN };

const ZPlainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(
      (value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value),
      "must not contain control characters",
    );

const ZIsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");

const ZRich = z.custom<DocJSON>((value) => typeof value === "object" && value !== null, "must be a rich-text document");

export const ZSectionSchema = z.strictObject({
  id: z.string().regex(SECTION_ID_PATTERN, "must be a section id (letters, digits, - and _)"),
  title: ZPlainText(255),
  level: z.union([z.literal(0), z.literal(2), z.literal(3), z.literal(4)]),
  body: ZRich,
});
export type Section = z.infer<typeof ZSectionSchema>;

export const ZReferenceSchema = z.strictObject({
  key: z.string().regex(REF_KEY_PATTERN, "must be a reference key (letters, digits, _ . : -)"),
  title: ZPlainText(1000).min(1, "is required"),
  url: z.string().optional(),
  work: ZPlainText(500).optional(),
  publisher: ZPlainText(500).optional(),
  authors: z.array(ZPlainText(200)).max(50).optional(),
  date: ZIsoDate.optional(),
  accessDate: ZIsoDate.optional(),
  archiveUrl: z.string().optional(),
  archiveDate: ZIsoDate.optional(),
  language: ZPlainText(100).optional(),
  quote: ZPlainText(5000).optional(),
});
export type Reference = z.infer<typeof ZReferenceSchema>;

export const ZInfoboxRowSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("field"), label: ZPlainText(200), value: ZRich }),
  z.strictObject({
    kind: z.literal("sides"),
    label: ZPlainText(200),
    sides: z.array(ZRich).min(1).max(6),
    footer: ZRich.optional(),
  }),
]);
export type InfoboxRow = z.infer<typeof ZInfoboxRowSchema>;

export const ZInfoboxSchema = z.strictObject({
  kind: ZPlainText(100),
  title: ZPlainText(255),
  partOf: ZRich.optional(),
  imageCaption: ZRich.optional(),
  dateStart: ZIsoDate.optional(),
  dateEnd: ZIsoDate.optional(),
  rows: z.array(ZInfoboxRowSchema).max(200),
});
export type Infobox = z.infer<typeof ZInfoboxSchema>;

export const ZArticleContentSchema = z.strictObject({
  title: ZPlainText(255).min(1, "is required"),
  sections: z.array(ZSectionSchema).min(1, "needs at least the lead section").max(5000),
  references: z.array(ZReferenceSchema).max(20000),
  infobox: ZInfoboxSchema.nullable(),
});
/** The content of one revision: what the editor edits and the renderer shows. */
export type ArticleContent = z.infer<typeof ZArticleContentSchema>;
