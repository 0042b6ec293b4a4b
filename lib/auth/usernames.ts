import { caselessSkeleton, invisibleCharacter } from "../text/lookalikes";

/** Username length limits, in characters after normalization. */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 40;

const RESERVED = new Set([
  "admin",
  "administrator",
  "root",
  "system",
  "wiki",
  "anonymous",
  "moderator",
  "reviewer-bot",
  "mediawiki default",
]);

/**
 * The name's confusable skeleton, case-insensitive (lib/text/lookalikes.ts),
 * unique across users (User.nameSkeleton): "Admın" or "ɑdmin" cannot pass
 * for "admin", nor a look-alike for an existing user.
 */
export function nameSkeletonOf(name: string): string {
  return caselessSkeleton(normalizeUsername(name));
}

const RESERVED_SKELETONS = new Map([...RESERVED].map((name) => [caselessSkeleton(name), name]));

/** The case-insensitive identity of a username: NFKC-normalized, case-folded. */
export function nameKeyOf(name: string): string {
  return normalizeUsername(name).toLocaleLowerCase("en");
}

/** A username as stored: NFKC (so compatibility lookalikes collapse) with single spaces. */
export function normalizeUsername(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/[ _]+/g, " ");
}

// Scripts whose letters look like Latin ones; mixing them in one name is a classic spoof.
const CONFUSABLE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/**
 * Why a username cannot be registered, or null. Allows letters and digits of
 * any script, combining marks, and single spaces, hyphens, dots and
 * apostrophes between them; refuses control, format and invisible characters
 * and names that mix Latin, Cyrillic or Greek letters.
 */
export function usernameProblem(raw: string, options: { allowReserved?: boolean } = {}): string | null {
  const invisible = invisibleCharacter(raw);
  if (invisible) return `Usernames cannot contain invisible or text-direction characters (${invisible}).`;
  if (
    /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\uffa0\ufeff]/u.test(
      raw,
    )
  ) {
    return "Usernames cannot contain control, formatting or invisible characters.";
  }
  const name = normalizeUsername(raw);
  const length = [...name].length;
  if (length < USERNAME_MIN) return `Usernames need at least ${USERNAME_MIN} characters.`;
  if (length > USERNAME_MAX) return `Usernames can have at most ${USERNAME_MAX} characters.`;
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[ .'-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*$/u.test(name)) {
    return "Usernames may use letters, digits and single spaces, hyphens, dots or apostrophes between them.";
  }
  if (/^\d+(\.\d+){3}$/.test(name) || (/^[0-9a-f:]+$/i.test(name) && name.includes(":")))
    return "Usernames cannot look like IP addresses.";
  if (CONFUSABLE_SCRIPTS.filter((script) => script.test(name)).length > 1) {
    return "Usernames cannot mix Latin, Cyrillic and Greek letters, which look alike.";
  }
  if (!options.allowReserved) {
    if (RESERVED.has(name.toLocaleLowerCase("en"))) return "That username is reserved.";
    const imitated = RESERVED_SKELETONS.get(nameSkeletonOf(name));
    if (imitated) return `That username looks like the reserved name '${imitated}'.`;
  }
  return null;
}
