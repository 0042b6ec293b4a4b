/** The case-insensitive identity of a username: NFKC-normalized and case-folded. */
export function nameKeyOf(name: string): string {
  return name.normalize("NFKC").trim().toLocaleLowerCase("en");
}
