import { describe, expect, it } from "vitest";
import { WikiError } from "../errors";
import { xmlHeader, XML_FOOTER, XML_PAGE_END, xmlPageStart, xmlRevision } from "../export/export-xml";
import { readDump, type DumpItem, type DumpLimits } from "./xml-dump";

const LIMITS: DumpLimits = {
  maxBytes: 10_000_000,
  maxPages: 100,
  maxRevisions: 1000,
  maxRevisionChars: 1_000_000,
  maxBatchChars: 5_000_000,
};

const NS = 'xmlns="http://www.mediawiki.org/xml/export-0.11/"';

const SAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<mediawiki ${NS} xml:lang="en">
  <siteinfo><sitename>Wikipedia</sitename><base>https://en.wikipedia.org/wiki/Main_Page</base><namespaces><namespace key="1">Talk</namespace></namespaces></siteinfo>
  <page>
    <title>Hama offensive</title>
    <ns>0</ns>
    <id>42</id>
    <revision>
      <id>3</id><parentid>2</parentid><timestamp>2024-12-03T10:00:00Z</timestamp>
      <contributor><ip>192.0.2.7</ip></contributor>
      <comment>third &amp; last</comment>
      <model>wikitext</model><format>text/x-wiki</format>
      <text bytes="10" xml:space="preserve">Third &lt;ref&gt;x&lt;/ref&gt; ünïcode</text>
      <sha1>abc</sha1>
    </revision>
    <revision>
      <id>1</id><timestamp>2024-12-01T10:00:00Z</timestamp>
      <contributor><username>Alice</username><id>5</id></contributor>
      <minor/>
      <comment>first</comment>
      <text xml:space="preserve"><![CDATA[First <b>raw</b>]]></text>
    </revision>
    <revision>
      <id>2</id><timestamp>2024-12-02T10:00:00Z</timestamp>
      <contributor deleted="deleted"/>
      <text deleted="deleted"/>
    </revision>
  </page>
  <page>
    <title>Talk:Hama offensive</title>
    <ns>1</ns>
    <id>43</id>
    <revision><id>9</id><timestamp>2024-12-01T10:00:00Z</timestamp><contributor><username>Bob</username></contributor><text>talk</text></revision>
  </page>
</mediawiki>
`;

async function readAll(source: Iterable<string | Uint8Array>, limits = LIMITS): Promise<DumpItem[]> {
  const items: DumpItem[] = [];
  for await (const item of readDump(source, limits)) items.push(item);
  return items;
}

async function failure(source: Iterable<string | Uint8Array>, limits = LIMITS): Promise<WikiError> {
  try {
    await readAll(source, limits);
  } catch (error) {
    if (error instanceof WikiError) return error;
    throw error;
  }
  throw new Error("the dump was read without an error");
}

/** `text` as UTF-8 chunks of `size` bytes (splitting multi-byte characters). */
function bytesOf(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

describe("readDump", () => {
  it("reads site information, namespace-0 pages with their revisions sorted by timestamp, and skips other namespaces", async () => {
    const items = await readAll([SAMPLE]);
    expect(items.map((item) => item.kind)).toEqual(["siteinfo", "page", "skipped"]);
    expect(items[0]).toEqual({
      kind: "siteinfo",
      sitename: "Wikipedia",
      base: "https://en.wikipedia.org/wiki/Main_Page",
    });
    const page = items[1];
    if (page.kind !== "page") throw new Error("not a page");
    expect(page).toMatchObject({ title: "Hama offensive", sourceId: 42, last: true });
    expect(page.revisions.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(page.revisions[0]).toMatchObject({
      contributor: { username: "Alice" },
      minor: true,
      comment: "first",
      text: "First <b>raw</b>",
    });
    expect(page.revisions[1]).toMatchObject({ contributor: null, text: null });
    expect(page.revisions[2]).toMatchObject({
      contributor: { ip: "192.0.2.7" },
      comment: "third & last",
      text: "Third <ref>x</ref> ünïcode",
      minor: false,
      model: "wikitext",
      sha1: "abc",
    });
    expect(page.revisions[2].timestamp.toISOString()).toBe("2024-12-03T10:00:00.000Z");
    expect(items[2]).toMatchObject({ kind: "skipped", title: "Talk:Hama offensive", ns: 1 });
  });

  it("reads the same from bytes cut anywhere, even inside a character", async () => {
    const whole = await readAll([SAMPLE]);
    expect(await readAll(bytesOf(SAMPLE, 7))).toEqual(whole);
    expect(await readAll(bytesOf(SAMPLE, 1))).toEqual(whole);
  });

  it("reads back what the exporter writes", async () => {
    const text = 'Tricky: <ref name="a">&amp;</ref> ]]> & "quotes" \u00e9\n\nSecond paragraph';
    const xml =
      xmlHeader({ sitename: "Test", base: "http://localhost/" }) +
      xmlPageStart({ title: "A & B", id: 1 }) +
      xmlRevision({
        id: 7,
        parentId: null,
        timestamp: new Date("2025-01-02T03:04:05Z"),
        contributor: { username: "Zoë <x>" },
        comment: 'said "hi" & left',
        minor: true,
        text,
      }) +
      XML_PAGE_END +
      XML_FOOTER;
    const [, page] = await readAll([xml]);
    expect(page).toMatchObject({ kind: "page", title: "A & B" });
    if (page.kind !== "page") throw new Error("not a page");
    expect(page.revisions[0]).toMatchObject({
      id: 7,
      contributor: { username: "Zoë <x>" },
      comment: 'said "hi" & left',
      minor: true,
      text,
    });
  });

  it.each([
    ["an unclosed element", `<mediawiki ${NS}><page><title>A</title></mediawiki>`, /not closed/],
    ["a file cut short", `<mediawiki ${NS}><page><title>A</title>`, /not closed|cut short/],
    ["text outside the root", `junk<mediawiki ${NS}></mediawiki>`, /outside/],
    ["a second root", `<mediawiki ${NS}></mediawiki><mediawiki ${NS}></mediawiki>`, /after the closing/],
    ["another root element", `<html><body>hi</body></html>`, /not <mediawiki>/],
    ["a wrong namespace", `<mediawiki xmlns="http://example.org/other/"></mediawiki>`, /namespace/],
    ["no namespace", `<mediawiki></mediawiki>`, /namespace/],
    [
      "an unknown schema version",
      `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.99/"></mediawiki>`,
      /namespace/,
    ],
    ["an empty file", "", /empty/],
    [
      "a bad timestamp",
      `<mediawiki ${NS}><page><title>A</title><ns>0</ns><revision><timestamp>yesterday</timestamp><text>x</text></revision></page></mediawiki>`,
      /timestamp/,
    ],
    [
      "a page without a title",
      `<mediawiki ${NS}><page><ns>0</ns><revision><timestamp>2024-01-01T00:00:00Z</timestamp><text>x</text></revision></page></mediawiki>`,
      /without a <title>/,
    ],
    [
      "an element inside a field",
      `<mediawiki ${NS}><page><title>A<b>x</b></title></page></mediawiki>`,
      /inside <title>/,
    ],
  ])("refuses %s with a 400 naming the problem", async (_name, xml, message) => {
    const error = await failure([xml]);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^dump: /);
    expect(error.message).toMatch(message);
  });

  it("refuses invalid UTF-8", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`<mediawiki ${NS}><page><title>`), 0xff, 0xfe]);
    expect((await failure([bytes])).message).toMatch(/UTF-8/);
  });

  it("refuses a DOCTYPE, so entity expansion ('billion laughs') never starts, with memory untouched", async () => {
    const laughs = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE lolz [",
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`),
      "]>",
      `<mediawiki ${NS}><page><title>Laughs</title><ns>0</ns><revision><timestamp>2024-01-01T00:00:00Z</timestamp><text>&lol9;</text></revision></page></mediawiki>`,
    ].join("\n");
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const error = await failure([laughs]);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/DOCTYPE/);
    // Expanded, &lol9; would be 3 GB of "lol".
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50_000_000);
  });

  it("never expands an entity it was not told about: undeclared references stay as written", async () => {
    const xml = `<mediawiki ${NS}><page><title>A</title><ns>0</ns><revision><timestamp>2024-01-01T00:00:00Z</timestamp><text>&lol9; &amp; &#65;</text></revision></page></mediawiki>`;
    const [page] = await readAll([xml]);
    if (page.kind !== "page") throw new Error("not a page");
    expect(page.revisions[0].text).toBe("&lol9; & A");
  });

  it("stops reading a huge text at the limit (413 naming maxRevisionChars) instead of holding it", async () => {
    let chunksRead = 0;
    const chunk = "x".repeat(64 * 1024);
    function* huge() {
      yield `<mediawiki ${NS}><page><title>Big</title><ns>0</ns><revision><timestamp>2024-01-01T00:00:00Z</timestamp><text>`;
      // 100 MB of text, were it all read.
      for (let i = 0; i < 1600; i++) {
        chunksRead += 1;
        yield chunk;
      }
      yield "</text></revision></page></mediawiki>";
    }
    const error = await failure(huge(), { ...LIMITS, maxBytes: 200_000_000 });
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/maxRevisionChars/);
    expect(error.details).toMatchObject({ limit: "maxRevisionChars" });
    expect(chunksRead).toBeLessThan(20);
  });

  it("does not keep the text of another namespace's pages", async () => {
    const big = "y".repeat(2_000_000);
    const xml = `<mediawiki ${NS}><page><title>Talk:Big</title><ns>1</ns><revision><timestamp>2024-01-01T00:00:00Z</timestamp><text>${big}</text></revision></page></mediawiki>`;
    const items = await readAll([xml]);
    expect(items).toEqual([
      { kind: "skipped", title: "Talk:Big", ns: 1, reason: expect.stringMatching(/namespace 1/) },
    ]);
  });

  it.each([
    ["maxPages", { maxPages: 1 }],
    ["maxRevisions", { maxRevisions: 2 }],
    ["maxBytes", { maxBytes: 500 }],
  ] as const)("refuses a dump over %s with 413 naming it", async (limit, bounds) => {
    const error = await failure(bytesOf(SAMPLE, 100), { ...LIMITS, ...bounds });
    expect(error.status).toBe(413);
    expect(error.message).toContain(limit);
    expect(error.details).toMatchObject({ limit });
  });

  it("hands a long history out in batches, each sorted, the last one marked", async () => {
    const revisions = Array.from(
      { length: 5 },
      (_, i) =>
        `<revision><id>${i + 1}</id><timestamp>2024-01-0${i + 1}T00:00:00Z</timestamp><text>${"z".repeat(100)}</text></revision>`,
    ).join("");
    const xml = `<mediawiki ${NS}><page><title>A</title><ns>0</ns>${revisions}</page></mediawiki>`;
    const items = await readAll([xml], { ...LIMITS, maxBatchChars: 150 });
    const pages = items.filter((item) => item.kind === "page");
    expect(pages.map((p) => [p.revisions.map((r) => r.id), p.last])).toEqual([
      [[1, 2], false],
      [[3, 4], false],
      [[5], true],
    ]);
  });
});
