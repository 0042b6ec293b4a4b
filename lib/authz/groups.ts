import { z } from "zod";

/** Groups a user can be in (DESIGN.md "Rights and protection"), implicit ones included. */
export const GROUPS = ["user", "autoconfirmed", "extendedconfirmed", "reviewer", "admin"] as const;
export type Group = (typeof GROUPS)[number];

/**
 * Groups that only an admin can grant (the implicit ones come from age and
 * edits): the only values UserGroup.group and RightsLog.group may hold.
 */
export const GRANTABLE_GROUPS = ["extendedconfirmed", "reviewer", "admin"] as const satisfies readonly Group[];
export type GrantableGroup = (typeof GRANTABLE_GROUPS)[number];
export const ZGrantableGroup = z.enum(GRANTABLE_GROUPS);
