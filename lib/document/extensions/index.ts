import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Italic from "@tiptap/extension-italic";
// The lists by their own entry points: the package's main entry bundles task lists and keymaps
// too, which nothing can tree-shake away from the editor's script.
import { BulletList } from "@tiptap/extension-list/bullet-list";
import { ListItem } from "@tiptap/extension-list/item";
import { OrderedList } from "@tiptap/extension-list/ordered-list";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import type { Extensions } from "@tiptap/core";
import { Citation } from "./citation";
import { ExternalLink } from "./external-link";
import { Figure } from "./figure";
import { MaintenanceTag } from "./maintenance-tag";
import { Note } from "./note";
import { QuoteAttribution, QuoteBox } from "./quote-box";
import { SectionHeading } from "./section-heading";
import { Table, TableCaption, TableCell, TableHeader, TableRow } from "./table";
import { Template } from "./template";
import { WikiLink } from "./wiki-link";

/**
 * THE extension list. The editor (client), the validator and the renderer
 * (server) all build on it, so the schema cannot drift between them. The
 * editor adds behaviour-only extensions (undo, placeholder, node views) with
 * `.extend()`; none of those changes the schema.
 */
export const documentExtensions: Extensions = [
  Document,
  Paragraph,
  Text,
  HardBreak,
  Bold,
  Italic,
  ExternalLink,
  WikiLink,
  BulletList,
  OrderedList,
  ListItem,
  SectionHeading,
  QuoteBox,
  QuoteAttribution,
  Citation,
  Note,
  MaintenanceTag,
  Table,
  TableCaption,
  TableRow,
  TableCell,
  TableHeader,
  Figure,
  Template,
];
