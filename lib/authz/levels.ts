import { z } from "zod";

/** Protection levels, weakest first (DESIGN.md); the database refuses any other (CHECK constraints). */
export const PROTECTION_LEVELS = ["none", "semi", "extended", "full"] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];
export const ZProtectionLevel = z.enum(PROTECTION_LEVELS);
/** The levels by name (`ProtectionLevel.full`), so a misspelt one fails the type check. */
export const ProtectionLevel = ZProtectionLevel.enum;
