import unhomoglyph from "unhomoglyph";

/**
 * Look-alike defence for names people recognise by sight: article titles and
 * usernames. Two rules (Unicode TR39, "Unicode Security Mechanisms"):
 *
 * - characters that show nothing or reorder what is shown are refused
 *   outright: every Default_Ignorable_Code_Point (zero-width space and
 *   joiners, soft hyphen, word joiner, variation selectors, Hangul fillers,
 *   invisible operators...) and every Bidi_Control (U+202A-U+202E,
 *   U+2066-U+2069, U+200E/F, U+061C);
 * - a name's confusable skeleton (TR39 section 4: NFD, each character
 *   replaced by its prototype from Unicode's confusables.txt, NFD again) must
 *   be unique, so "Hаma" with a Cyrillic "а", "Admın" with a dotless i or
 *   "ɑdmin" with a Latin alpha cannot stand beside the name they imitate.
 *   The skeleton is taken of the NFKC form, so compatibility variants such as
 *   full-width letters count as look-alikes too.
 *
 * The mapping is the `unhomoglyph` package (nodeca, MIT): confusables.txt
 * itself as a JSON table, with no logic of its own beyond the replacement.
 */

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;

/** `U+200B` for a character. */
export const codePointLabel = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** The first invisible or text-direction character of `text` as `U+XXXX`, or null. */
export function invisibleCharacter(text: string): string | null {
  const match = INVISIBLE.exec(text);
  return match ? codePointLabel(match[0]) : null;
}

/** TR39's skeleton of `text` (of its NFKC form): equal skeletons look alike. */
export function confusableSkeleton(text: string): string {
  return unhomoglyph(text.normalize("NFKC").normalize("NFD")).normalize("NFD");
}

/** A skeleton that also ignores case, for names that are unique case-insensitively (usernames). */
export function caselessSkeleton(text: string): string {
  return confusableSkeleton(confusableSkeleton(text).toLocaleLowerCase("en"));
}
