import type { Reference } from "@/lib/document/model";
import { sourceIdentity } from "@/lib/sources/identity";

/**
 * After a reference, a small link to its source's page (/sources/{id}): every
 * article citing the same source. The id comes from the reference alone
 * (lib/sources/identity.ts), so a cached page needs no query to show it. Its
 * accessible name starts with its visible words (WCAG 2.5.3), then names the reference.
 */
export function SourceLink({ reference }: { reference: Reference }) {
  const source = sourceIdentity(reference);
  if (!source) return null;
  return (
    <>
      {" "}
      <a className="source-link" href={`/sources/${source.id}`} aria-label={`citing articles of “${reference.title}”`}>
        citing articles
      </a>
    </>
  );
}
