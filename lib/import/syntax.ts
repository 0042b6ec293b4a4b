import Parser from "wikiparser-node";

/**
 * The part of wikiparser-node's syntax tree the importer reads, typed
 * structurally: the importer depends on these few members only, so a parser
 * upgrade that keeps them keeps the importer working.
 */
export interface WNode {
  type: string;
  /** the node's normalized name: "Template:Cite_web", "ref", "File:X.jpg", a parameter's key */
  name?: string;
  /** text nodes only */
  data?: string;
  childNodes: WNode[];
  /** parameters: positional (no key written) */
  anon?: boolean;
  /** table cells: "td", "th" or "caption" */
  subtype?: string;
  /** headings */
  level?: number;
  selfClosing?: boolean;
  getAttr?(name: string): string | number | true | undefined;
  toString(): string;
}

// One configuration for the process: the parser reads it on every parse.
let configured = false;

/** Parses one page of wikitext into wikiparser-node's full syntax tree (nothing dropped, not even comments). */
export function parseWikitext(source: string): WNode {
  if (!configured) {
    Parser.config = "enwiki";
    // The importer only reads the tree: a read-only parse skips the bookkeeping edits need (about 20% faster).
    Parser.viewOnly = true;
    configured = true;
  }
  return Parser.parse(source) as unknown as WNode;
}

/** The wikitext a node was parsed from, unchanged. */
export function rawOf(node: WNode): string {
  return String(node);
}

/** A template's name as editors write it: "cite web" for "Template:Cite_web", lower-cased. */
export function templateKey(node: WNode): string {
  const name = (node.name ?? "").replace(/^Template:/, "").replace(/_/g, " ");
  return name.toLowerCase().trim();
}

/** A template's name as it was written (without the "Template:" prefix), for opaque nodes and reports. */
export function writtenTemplateName(node: WNode): string {
  const nameNode = node.childNodes[0];
  return (nameNode ? rawOf(nameNode) : (node.name ?? "")).trim();
}

/** A template's parameters (skipping its name), in the order written. */
export function templateParams(node: WNode): WNode[] {
  return node.childNodes.filter((child) => child.type === "parameter");
}

/** The value part of a parameter node, as child nodes. */
export function paramValueNodes(param: WNode): WNode[] {
  return param.childNodes[1]?.childNodes ?? [];
}

/** A parameter's key as written ("" for a positional one's implicit number). */
export function paramKey(param: WNode): string {
  return (param.name ?? "").trim();
}

/** The named parameters of a template as a map from lower-cased key to value nodes; positional ones by number. */
export function paramMap(node: WNode): Map<string, WNode> {
  const map = new Map<string, WNode>();
  for (const param of templateParams(node)) map.set(paramKey(param).toLowerCase(), param);
  return map;
}
