import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomXml, escapeXml, tagUri } from "./atom";

const NASTY = `<script>alert("x")</script> & ]]> 'it' \u0001\uFFFE`;

describe("the Atom serializer", () => {
  const xml = atomXml({
    id: tagUri("wiki.example", "recent-changes"),
    title: `Changes & <more>`,
    self: "https://wiki.example/recent-changes?format=atom&level=none",
    link: "https://wiki.example/recent-changes?level=none",
    updated: new Date("2026-01-02T03:04:05Z"),
    entries: [
      {
        id: tagUri("wiki.example", "recent-change/1"),
        title: NASTY,
        updated: new Date("2026-01-02T03:04:05Z"),
        link: "https://wiki.example/wiki/A/diff?from=1&to=2",
        author: NASTY,
        summary: NASTY,
        categories: ["edit", `"quoted"`],
      },
    ],
  });

  it("writes a well-formed document in which every user string comes back exactly, minus what XML cannot hold", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("<script>");
    const feed = new XMLParser({ ignoreAttributes: false, trimValues: false }).parse(xml).feed;
    const clean = `<script>alert("x")</script> & ]]> 'it' `;
    expect(feed.title["#text"]).toBe("Changes & <more>");
    expect(feed.entry.title["#text"]).toBe(clean);
    expect(feed.entry.summary["#text"]).toBe(clean);
    expect(feed.entry.author.name).toBe(clean);
    expect(feed.entry.link["@_href"]).toBe("https://wiki.example/wiki/A/diff?from=1&to=2");
    expect(feed.entry.category[1]["@_term"]).toBe(`"quoted"`);
    expect(feed.entry.updated).toBe("2026-01-02T03:04:05.000Z");
    expect(feed.id).toBe("tag:wiki.example,2026:recent-changes");
  });

  it("escapes the five XML specials and drops characters XML 1.0 forbids", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u001fc\uD800d\tE\n")).toBe("abcd\tE\n");
  });

  it("gives an entry without author the site as author (Atom requires one)", () => {
    const bare = atomXml({
      id: "tag:x,2026:f",
      title: "t",
      self: "https://x/f",
      link: "https://x/",
      updated: new Date(0),
      entries: [{ id: "tag:x,2026:e", title: "e", updated: new Date(0), link: "https://x/e" }],
    });
    expect(new XMLParser().parse(bare).feed.entry.author.name).toBe("Wiki");
  });
});
