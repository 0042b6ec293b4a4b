/** Protection levels, weakest first (DESIGN.md). Here, with the rules that read them: lib/authz needs no lib/articles. */
export const PROTECTION_LEVELS = ["none", "semi", "extended", "full"] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];
