import { z } from "zod";
import { ZId } from "../http/ids";
import { ZInfoboxSchema, ZReferenceSchema, ZSectionSchema, type ArticleContent, type Section } from "../document/model";

/** Largest edit request body, and largest article JSON, accepted (configurable; 2 MB of text is about 4 MB of JSON). */
export const maxEditBytes = () => Number(process.env.WIKI_MAX_EDIT_BYTES ?? 4_000_000);

/**
 * The body of `POST /api/articles/{slug}/edits`. Either the whole article
 * (`content`) or a `sectionEdit` that replaces one section with one or more
 * sections (the editor may add headings, which split it). `references` adds
 * or changes references by key (a reference edited once changes everywhere it
 * is cited); `infobox` replaces the infobox. References no longer cited
 * anywhere are dropped by the server.
 */
export const ZEditRequestSchema = z
  .strictObject({
    baseRevisionId: ZId.nullable(),
    summary: z.string().max(500, "The edit summary can have at most 500 characters.").default(""),
    minor: z.boolean().default(false),
    /** for a proposal: why reviewers should accept it */
    rationale: z.string().max(2000, "The rationale can have at most 2,000 characters.").default(""),
    /** only for a new article: its title */
    title: z.string().max(255).optional(),
    content: z.unknown().optional(),
    sectionEdit: z.strictObject({ sectionId: z.string().max(64), sections: z.array(z.unknown()).max(5000) }).optional(),
    references: z.array(z.unknown()).max(20000).optional(),
    infobox: z.unknown().optional(),
  })
  .refine((body) => !(body.content !== undefined && body.sectionEdit !== undefined), "Send either content or sectionEdit, not both.");
/** What a client sends (defaults may be left out). */
export type TEditRequest = z.input<typeof ZEditRequestSchema>;
/** What the server works with after parsing (defaults filled in). */
export type TEditRequestParsed = z.infer<typeof ZEditRequestSchema>;

export { ZSectionSchema, ZReferenceSchema, ZInfoboxSchema };

/** The 201 answer: the new revision. `merged` names the revision it was merged with, if any. */
export interface TEditCreated {
  status: "saved";
  revision: { id: number; parentId: number | null; summary: string };
  merged: { withRevisionId: number } | null;
}

/** The 202 answer when the user may only propose: the proposal now waiting for review. */
export interface TEditProposed {
  status: "proposed";
  proposal: { id: number; url: string };
}

/** The 200 answer to a save that changed nothing. */
export interface TEditUnchanged {
  status: "unchanged";
  revision: { id: number };
}

/** The 409 answer's details: both versions, so nothing typed is lost and the user can merge by hand. */
export interface TEditConflictDetails {
  currentRevisionId: number;
  conflictingSectionIds: string[];
  conflictingReferenceKeys: string[];
  infoboxConflict: boolean;
  theirs: ArticleContent;
  yours: ArticleContent;
}

export type { ArticleContent, Section };
