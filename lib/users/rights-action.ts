import { z } from "zod";

/** What a line of the rights log records (RightsLog.action; the database refuses any other). */
export const RIGHTS_ACTIONS = ["grant", "revoke", "block", "unblock"] as const;
export type RightsAction = (typeof RIGHTS_ACTIONS)[number];
export const ZRightsAction = z.enum(RIGHTS_ACTIONS);
/** The actions by name (`RightsAction.grant`), so a misspelt one fails the type check. */
export const RightsAction = ZRightsAction.enum;
