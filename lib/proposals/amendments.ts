/**
 * The version a reviewer's amendments start from, when the version they
 * approve is one they amended: the last version before the unbroken run of
 * versions they wrote that ends with the approved one. The interdiff from it
 * to the approved version is the reviewer's own change, shown beside the
 * approval. Null when the approved version was not written by the reviewer
 * (a later version by the author takes their amendment over). Pure.
 */
export function amendedFromVersion(
  versions: ReadonlyArray<{ version: number; authorId: number }>,
  reviewerId: number,
  approvedVersion: number,
): number | null {
  const authorOf = new Map(versions.map((row) => [row.version, row.authorId]));
  let version = approvedVersion;
  while (version >= 1 && authorOf.get(version) === reviewerId) version--;
  return version === approvedVersion || version < 1 ? null : version;
}
