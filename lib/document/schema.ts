import { getSchema } from "@tiptap/core";
import { documentExtensions } from "./extensions";

/** The ProseMirror schema built from THE extension list; pure, shared by client and server. */
export const documentSchema = getSchema(documentExtensions);
