/**
 * A dynamic segment of an App Router page as text. Next 16 hands pages their
 * params still percent-encoded (route handlers get them decoded), while
 * generateMetadata may see them decoded; so decode, and keep a value that
 * does not decode (a literal "%") as it is rather than failing the page.
 */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
