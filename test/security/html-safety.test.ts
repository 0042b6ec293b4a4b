import { describe, expect, it } from "vitest";
import { cspProblems, effectiveScheme, tokenize, unsafeMarkup } from "./html-safety";

describe("the HTML safety checker", () => {
  it("finds injected scripts, handlers, unsafe URLs and script-capable elements", () => {
    const cases = [
      "<p><script>alert(1)</script></p>",
      '<script nonce="other">alert(1)</script>',
      "<img src=x onerror=alert(1)>",
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" &#x6A;avascript:alert(1)">x</a>',
      '<a href="jav&Tab;ascript:alert(1)">x</a>',
      '<a href="java\tscript:alert(1)">x</a>',
      '<a href="\u0001javascript:alert(1)">x</a>',
      "<a href=data:text/html,x>x</a>",
      '<a href="VBScript:alert(1)">x</a>',
      '<a href="//evil.example">x</a>',
      '<a href="\\\\evil.example">x</a>',
      '<form action="javascript:alert(1)"></form>',
      '<button formaction="javascript:alert(1)">x</button>',
      '<iframe srcdoc="x"></iframe>',
      "<object data=x></object>",
      '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<p title="x"><img/src="x"/onerror=alert(1)></p>',
    ];
    for (const html of cases) expect(unsafeMarkup(html, { nonce: "n0nce" }), html).not.toEqual([]);
  });

  it("accepts escaped text, the page's own nonce'd scripts and safe links", () => {
    const html =
      '<!DOCTYPE html><html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title><script nonce="n0nce">self.x=["\\u003cscript>"]</script></head>' +
      '<body><p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&lt;img src=x onerror=alert(1)&gt;</p>' +
      '<a href="https://example.org/&quot;&gt;&lt;script&gt;">x</a><a href="/wiki/Javascript:alert(1)">y</a><a href="#cite-1">z</a><a href="mailto:a@example.org">m</a>' +
      '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><textarea><script>alert(1)</script></textarea></body></html>';
    expect(unsafeMarkup(html, { nonce: "n0nce" })).toEqual([]);
    expect(tokenize(html).text).toContain("<img src=x onerror=alert(1)>");
  });

  it("reads URL schemes as the browser does", () => {
    expect(effectiveScheme(" \u0000java\nscript:alert(1)")).toBe("javascript");
    expect(effectiveScheme("/wiki/x:y")).toBeNull();
    expect(effectiveScheme("HTTPS://example.org")).toBe("https");
  });

  it("judges Content-Security-Policy headers", () => {
    const strict =
      "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    expect(cspProblems(strict)).toEqual([]);
    expect(cspProblems(null)).toEqual(["no Content-Security-Policy header"]);
    expect(cspProblems(strict.replace("'strict-dynamic'", "'unsafe-inline'"))).toEqual([
      "script-src allows 'unsafe-inline'",
    ]);
    expect(cspProblems(strict.replace("'strict-dynamic'", "'unsafe-eval'"))).toEqual([
      "script-src allows 'unsafe-eval'",
    ]);
    expect(cspProblems("script-src 'self'")).toHaveLength(3);
  });
});
