import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { planCitations } from "../document/citations";
import { docFromMarkup } from "../document/markup";
import { renderRichText } from "../../components/article/rich-text";
import { colourWikiLinks, splitWikiLinks } from "./wiki-links";

const render = (markup: string) => {
  const doc = docFromMarkup(markup);
  const plan = planCitations({
    infobox: null,
    references: [],
    sections: [{ id: "a", title: "", level: 0, body: doc }],
  });
  return renderToStaticMarkup(renderRichText(doc, plan) as React.ReactElement);
};

describe("wiki links coloured at serve time", () => {
  const html = render('See [[wiki:Kafr Zita]], [[wiki:Hama|the city]] and [[wiki:A "quoted" <title>|odd]].');
  const linked = splitWikiLinks(html);

  it("finds every wiki link marker React rendered, with its slug", () => {
    expect(linked.links.map((link) => link.slug)).toEqual(["Kafr_Zita", "Hama", 'A_"quoted"_<title>']);
    expect(linked.slugs).toHaveLength(3);
    expect(linked.chunks).toHaveLength(4);
  });

  it("renders a missing target red, with the create link and a title saying so, and an existing one plain", () => {
    const coloured = colourWikiLinks(linked, new Set(["Hama"]));
    expect(coloured).toContain(
      '<a href="/wiki/Kafr_Zita/edit" class="new" title="Kafr Zita (page does not exist)">Kafr Zita</a>',
    );
    expect(coloured).toContain('<a href="/wiki/Hama">the city</a>');
    // The title's quotes and brackets stay escaped as React wrote them.
    expect(coloured).toContain('title="A &quot;quoted&quot; &lt;title&gt; (page does not exist)"');
    expect(coloured).not.toContain("data-wiki-link");
  });

  it("turns blue when the target exists, and changes nothing else", () => {
    const blue = colourWikiLinks(linked, new Set(["Hama", "Kafr_Zita", 'A_"quoted"_<title>']));
    expect(blue).not.toContain('class="new"');
    expect(blue.replace(/ data-wiki-link="[^"]*"/g, "")).toBe(html.replace(/ data-wiki-link="[^"]*"/g, ""));
  });

  it("leaves text that merely looks like a marker alone: React escaped it", () => {
    const text = render('Text &lt;a href="/wiki/X" data-wiki-link="X"&gt; <a href="/wiki/Y" data-wiki-link="Y">');
    expect(splitWikiLinks(text).links).toEqual([]);
  });
});
