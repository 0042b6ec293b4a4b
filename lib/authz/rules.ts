import type { Group } from "./groups";
import type { ProtectionLevel } from "./levels";

/** Account age and edit count that make a user autoconfirmed or extended-confirmed (configurable). */
export const IMPLICIT_GROUP_THRESHOLDS = {
  autoconfirmed: {
    days: Number(process.env.WIKI_AUTOCONFIRMED_DAYS ?? 4),
    edits: Number(process.env.WIKI_AUTOCONFIRMED_EDITS ?? 10),
  },
  extendedconfirmed: {
    days: Number(process.env.WIKI_EXTENDED_DAYS ?? 30),
    edits: Number(process.env.WIKI_EXTENDED_EDITS ?? 500),
  },
} as const;

/** The group whose members may edit an article of each protection level directly. */
export const EDIT_GROUP_FOR_LEVEL: Record<ProtectionLevel, Group> = {
  none: "user",
  semi: "autoconfirmed",
  extended: "extendedconfirmed",
  full: "admin",
};

/**
 * The group whose members may approve a proposal into an article of each
 * protection level. An approval writes to the article, so at full protection
 * (where Wikipedia lets only administrators edit) only an administrator may
 * approve; below it the reviewer right is the trust the approval rests on.
 */
export const APPROVE_GROUP_FOR_LEVEL: Record<ProtectionLevel, Group> = {
  none: "reviewer",
  semi: "reviewer",
  extended: "reviewer",
  full: "admin",
};

/** The protection's name and who may edit, as the notice on the article says it. */
export function describeProtection(level: ProtectionLevel): { name: string; whoMayEdit: string } {
  const { autoconfirmed, extendedconfirmed } = IMPLICIT_GROUP_THRESHOLDS;
  switch (level) {
    case "semi":
      return {
        name: "semi-protected",
        whoMayEdit: `accounts need ${autoconfirmed.days} days and ${autoconfirmed.edits} edits to edit it directly`,
      };
    case "extended":
      return {
        name: "extended-confirmed protected",
        whoMayEdit: `accounts need ${extendedconfirmed.days} days and ${extendedconfirmed.edits} edits to edit it directly`,
      };
    case "full":
      return { name: "fully protected", whoMayEdit: "only administrators may edit it directly" };
    default:
      return { name: "not protected", whoMayEdit: "any signed-in user may edit it" };
  }
}
