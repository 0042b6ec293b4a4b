import { describe, expect, it } from "vitest";
import { isoDate, metadataFromHtml } from "./page-metadata";
import { ipLiteral, isPublicAddress } from "./public-address";

const page = (head: string, body = "", lang = "en") =>
  `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

describe("metadataFromHtml", () => {
  it("prefers Highwire citation_* tags, as scholarly publishers write them", () => {
    const html = page(`
      <title>Site chrome | Journal</title>
      <meta name="citation_title" content="Floods of the Orontes">
      <meta name="citation_author" content="Haddad, Rana">
      <meta name="citation_author" content="Khoury, Sami">
      <meta name="citation_journal_title" content="Journal of Levant Studies">
      <meta name="citation_publisher" content="Levant Press">
      <meta name="citation_publication_date" content="2019/03/07">
      <meta property="og:title" content="Other title">`);
    expect(metadataFromHtml(html, "https://journal.example/a/1")).toEqual({
      title: "Floods of the Orontes",
      authors: ["Haddad, Rana", "Khoury, Sami"],
      work: "Journal of Levant Studies",
      publisher: "Levant Press",
      date: "2019-03-07",
      language: "en",
    });
  });

  it("reads schema.org JSON-LD (in @graph too) before Open Graph, as news sites publish it", () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "Daily Example" },
        {
          "@type": ["NewsArticle"],
          headline: "Rebels enter Hama",
          datePublished: "2024-12-05T18:30:00+02:00",
          author: [{ "@type": "Person", name: "A. Writer" }, "B. Writer"],
          publisher: { "@type": "Organization", name: "Example Media" },
        },
      ],
    };
    const html = page(`
      <meta property="og:title" content="Rebels enter Hama - Daily Example">
      <meta property="og:site_name" content="Daily Example">
      <meta property="article:author" content="https://daily.example/staff/a">
      <link rel="canonical" href="/news/hama?utm=x">
      <script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(metadataFromHtml(html, "https://daily.example/news/hama?ref=feed")).toEqual({
      title: "Rebels enter Hama",
      authors: ["A. Writer", "B. Writer"],
      work: "Daily Example",
      publisher: "Example Media",
      date: "2024-12-05",
      language: "en",
      url: "https://daily.example/news/hama?utm=x",
    });
  });

  it("falls back to <title>, decodes entities, strips control and direction characters, never runs anything", () => {
    const html = page(
      `<title> Caf&eacute; &amp; \u202eevil\u202c
        news </title><script>document.title = "changed"</script><meta name="author" content="  Jane   Doe ">`,
      "",
      "de-DE",
    );
    expect(metadataFromHtml(html, "https://x.example/")).toEqual({
      title: "Café & evil news",
      authors: ["Jane Doe"],
      language: "de-DE",
    });
  });

  it("ignores broken JSON-LD, a canonical URL on another site, and keeps fields within their lengths", () => {
    const html = page(`
      <script type="application/ld+json">{not json</script>
      <link rel="canonical" href="https://evil.example/">
      <meta property="og:title" content="${"x".repeat(2000)}">`);
    const result = metadataFromHtml(html, "https://good.example/p");
    expect(result.url).toBeUndefined();
    expect(result.title).toHaveLength(500);
  });
});

describe("isoDate", () => {
  it.each([
    ["2024-12-05T18:30:00Z", "2024-12-05"],
    ["2024/3/7", "2024-03-07"],
    ["2024.03.07", "2024-03-07"],
    ["2024-03", "2024-03"],
    ["2024", "2024"],
    ["5 December 2024", "2024-12-05"],
    ["December 5, 2024", "2024-12-05"],
    ["Thu, 05 Dec 2024 23:30:00 GMT", "2024-12-05"],
    ["2024-02-30", undefined],
    ["2024-13-01", undefined],
    ["yesterday", undefined],
    [undefined, undefined],
  ])("%s → %s", (input, expected) => expect(isoDate(input)).toBe(expected));
});

describe("isPublicAddress", () => {
  it.each(["8.8.8.8", "2001:4860:4860::8888", "93.184.216.34"])("lets %s through", (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
  it.each([
    "127.0.0.1",
    "10.0.0.5",
    "172.16.3.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "2002:7f00:1::1",
    "64:ff9b::7f00:1",
    "224.0.0.1",
    "not an address",
  ])("refuses %s", (address) => expect(isPublicAddress(address)).toBe(false));

  it("tells IP literals (as the URL parser normalizes them) from names", () => {
    expect(ipLiteral(new URL("http://2130706433/").hostname)).toBe("127.0.0.1");
    expect(ipLiteral(new URL("http://0x7f.1/").hostname)).toBe("127.0.0.1");
    expect(ipLiteral(new URL("http://[::1]:8080/").hostname)).toBe("::1");
    expect(ipLiteral("example.com")).toBeNull();
  });
});
