import { PROTECTION_LEVELS, type ProtectionLevel } from "../authz/levels";

// The levels are the policy's vocabulary (lib/authz/levels.ts); kept importable from here for the articles' callers.
export { PROTECTION_LEVELS, type ProtectionLevel };

/** An article's protection as stored. */
export interface StoredProtection {
  protectionLevel: string;
  protectionExpiresAt: Date | null;
  protectionReason: string | null;
}

/** The protection in force at `now`: an expired protection no longer applies, with no job needed. */
export function effectiveProtection(
  stored: StoredProtection,
  now = new Date(),
): { level: ProtectionLevel; expiresAt: Date | null; reason: string | null } {
  const level = (PROTECTION_LEVELS as readonly string[]).includes(stored.protectionLevel)
    ? (stored.protectionLevel as ProtectionLevel)
    : "none";
  if (level === "none" || (stored.protectionExpiresAt && stored.protectionExpiresAt <= now)) {
    return { level: "none", expiresAt: null, reason: null };
  }
  return { level, expiresAt: stored.protectionExpiresAt, reason: stored.protectionReason };
}
