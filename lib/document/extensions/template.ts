import { mergeAttributes, Node } from "@tiptap/core";

/** How an opaque piece of wikitext was written: a template call, a link-like construct, or raw markup. */
export const TEMPLATE_FORMS = ["template", "link", "raw"] as const;
export type TemplateForm = (typeof TEMPLATE_FORMS)[number];

/** One parameter of a template call: positional (key null) or named; the value is its wikitext, unchanged. */
export interface TemplateParam {
  key: string | null;
  value: string;
}

/** Most parameters one template call may keep. */
export const MAX_TEMPLATE_PARAMS = 500;

/** How the node names itself to a reader: "Template: Main", "Category: X", "Wikitext: gallery". */
export function templateLabel(name: string, form: TemplateForm): string {
  if (form === "raw") return `Wikitext: ${name}`;
  if (form === "link") return name.includes(":") ? name.replace(/:\s*/, ": ") : `Link: ${name}`;
  return `Template: ${name}`;
}

/** A parameter as a reader sees it: "key = value", or the value alone when positional. */
export function templateParamLabel(param: TemplateParam): string {
  return param.key === null ? param.value : `${param.key} = ${param.value}`;
}

/**
 * An opaque piece of wikitext the wiki has no node for: a template nobody can
 * know in advance ({{Convert}}, {{Main}}, navigation boxes), a category, a
 * behaviour switch. It keeps the name and every parameter as written, shows
 * them visibly (never runs them), and is exported unchanged, so an import
 * silently drops nothing.
 */
export const Template = Node.create({
  name: "template",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      name: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-name"),
        renderHTML: (attributes) => ({ "data-name": attributes.name }),
      },
      params: {
        default: [],
        parseHTML: (element) => {
          try {
            const value = JSON.parse(element.getAttribute("data-params") ?? "[]");
            return Array.isArray(value) ? value : [];
          } catch {
            return [];
          }
        },
        renderHTML: (attributes) => ({ "data-params": JSON.stringify(attributes.params ?? []) }),
      },
      form: {
        default: "template",
        parseHTML: (element) => element.getAttribute("data-form") ?? "template",
        renderHTML: (attributes) => (attributes.form === "template" ? {} : { "data-form": attributes.form }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-template]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const params = (node.attrs.params ?? []) as TemplateParam[];
    return [
      "span",
      mergeAttributes({ "data-template": "", class: "wiki-template", contenteditable: "false" }, HTMLAttributes),
      ["span", { class: "wiki-template-name" }, templateLabel(String(node.attrs.name), node.attrs.form)],
      ...params.map((param) => ["span", { class: "wiki-template-param" }, templateParamLabel(param)]),
    ];
  },
});
