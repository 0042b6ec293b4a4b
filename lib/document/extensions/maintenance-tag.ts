import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    maintenanceTag: {
      /** Insert a maintenance tag of `kind`, dated `date` (YYYY-MM). */
      insertMaintenanceTag: (kind: MaintenanceTagKind, date: string) => ReturnType;
    };
  }
}

/** The inline maintenance tags an editor may add, as Wikipedia names them. */
export const MAINTENANCE_TAG_KINDS = ["citation needed", "clarification needed", "unreliable source?"] as const;
export type MaintenanceTagKind = (typeof MAINTENANCE_TAG_KINDS)[number];

/**
 * Every kind a stored tag may have: the ones the editor offers, and the other
 * inline maintenance templates of Wikipedia that an import brings in (kept
 * as tags, so worklists and diffs see them, rather than as opaque templates).
 */
export const ALL_MAINTENANCE_TAG_KINDS = [
  ...MAINTENANCE_TAG_KINDS,
  "dead link",
  "failed verification",
  "better source needed",
  "dubious",
  "vague",
  "who?",
  "when?",
  "which?",
  "by whom?",
  "according to whom?",
  "page needed",
  "full citation needed",
  "verification needed",
  "original research?",
  "year needed",
  "attribution needed",
  "needs update",
  "specify",
  "permanent dead link",
] as const;

/** A tag's date is a month: YYYY-MM (null only for an imported tag that had none). */
export const MAINTENANCE_TAG_DATE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** An inline maintenance tag such as [citation needed], with the month it was added. */
export const MaintenanceTag = Node.create({
  name: "maintenanceTag",
  group: "inline",
  inline: true,
  atom: true,

  addAttributes() {
    return {
      kind: {
        default: "citation needed",
        parseHTML: (element) => element.getAttribute("data-kind"),
        renderHTML: (attributes) => ({ "data-kind": attributes.kind }),
      },
      date: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-date"),
        renderHTML: (attributes) => ({ "data-date": attributes.date }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-maintenance-tag]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      "sup",
      mergeAttributes({ "data-maintenance-tag": "", class: "maintenance-tag" }, HTMLAttributes),
      `[${node.attrs.kind}]`,
    ];
  },

  addCommands() {
    return {
      insertMaintenanceTag:
        (kind, date) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { kind, date } }),
    };
  },
});
