import { createHash } from "node:crypto";
import { base36Sha1 } from "../import/xml-dump";

/**
 * Pieces of a MediaWiki XML export (schema export-0.11, what Special:Export
 * writes), written one page and one revision at a time so an article's whole
 * history or the whole site can be streamed (lib/articles/export-article.ts).
 * lib/import/xml-dump.ts reads it back: importing an export gives the same
 * documents. Pure.
 */

export const EXPORT_NAMESPACE = "http://www.mediawiki.org/xml/export-0.11/";

// XML 1.0 cannot carry C0 controls other than tab, newline and return, even as references: they become U+FFFD.
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text escaped for an element's content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(ILLEGAL, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The opening of an export: the root element and the site's information. */
export function xmlHeader(site: { sitename: string; base: string }): string {
  return [
    `<mediawiki xmlns="${EXPORT_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${EXPORT_NAMESPACE} http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="en">`,
    "  <siteinfo>",
    `    <sitename>${escapeXml(site.sitename)}</sitename>`,
    `    <base>${escapeXml(site.base)}</base>`,
    "    <generator>wiki (issue 21 export)</generator>",
    "    <case>first-letter</case>",
    "  </siteinfo>",
    "",
  ].join("\n");
}

/** The end of an export. */
export const XML_FOOTER = "</mediawiki>\n";

/** A page's opening, before its revisions. */
export function xmlPageStart(page: { title: string; id: number }): string {
  return `  <page>\n    <title>${escapeXml(page.title)}</title>\n    <ns>0</ns>\n    <id>${page.id}</id>\n`;
}

/** A page's end, after its revisions. */
export const XML_PAGE_END = "  </page>\n";

/** One revision with its wikitext. */
export function xmlRevision(revision: {
  id: number;
  parentId: number | null;
  timestamp: Date;
  contributor: { username: string; id?: number } | { ip: string };
  comment: string;
  minor: boolean;
  text: string;
}): string {
  const hex = createHash("sha1").update(revision.text).digest("hex");
  const sha1 = base36Sha1(hex);
  const contributor =
    "ip" in revision.contributor
      ? `<ip>${escapeXml(revision.contributor.ip)}</ip>`
      : `<username>${escapeXml(revision.contributor.username)}</username>${revision.contributor.id === undefined ? "" : `<id>${revision.contributor.id}</id>`}`;
  return [
    "    <revision>",
    `      <id>${revision.id}</id>`,
    ...(revision.parentId === null ? [] : [`      <parentid>${revision.parentId}</parentid>`]),
    `      <timestamp>${revision.timestamp.toISOString().replace(/\.\d{3}Z$/, "Z")}</timestamp>`,
    `      <contributor>${contributor}</contributor>`,
    ...(revision.minor ? ["      <minor />"] : []),
    ...(revision.comment ? [`      <comment>${escapeXml(revision.comment)}</comment>`] : []),
    "      <model>wikitext</model>",
    "      <format>text/x-wiki</format>",
    `      <text bytes="${Buffer.byteLength(revision.text)}" sha1="${sha1}" xml:space="preserve">${escapeXml(revision.text)}</text>`,
    `      <sha1>${sha1}</sha1>`,
    "    </revision>",
    "",
  ].join("\n");
}
