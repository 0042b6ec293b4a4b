/**
 * Names of users imported from a MediaWiki XML dump (issue 21): MediaWiki's
 * own convention, `imported>Name`. The `>` cannot be registered
 * (lib/auth/usernames.ts refuses it), so an imported name never collides with
 * a local account, and such a user has no password and `User.imported` set, so
 * it never signs in. Pure: shared by the importer and the exporter.
 */
export const IMPORTED_PREFIX = "imported>";

/** Name shown for a contributor the source hid or lost, as MediaWiki calls it. */
export const UNKNOWN_CONTRIBUTOR = "Unknown user";

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+$/i;

/** The contributor's name as kept after the prefix: one line, no control or format characters, bounded. */
export function importedDisplayName(contributor: { username: string } | { ip: string } | null): string {
  const raw = contributor === null ? "" : "username" in contributor ? contributor.username : contributor.ip;
  const clean = raw
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return clean || UNKNOWN_CONTRIBUTOR;
}

/** The contributor as a dump names it: an imported user by their source name (so a re-import finds the same user), others by their own. */
export function dumpContributorOf(userName: string): { username: string } | { ip: string } {
  const name = userName.startsWith(IMPORTED_PREFIX) ? userName.slice(IMPORTED_PREFIX.length) : userName;
  if (IPV4.test(name) || (IPV6.test(name) && name.includes(":"))) return { ip: name };
  return { username: name };
}
