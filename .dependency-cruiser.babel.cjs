// Babel setup used ONLY by dependency-cruiser (not by Next.js, which looks for babel.config.* or .babelrc):
// TypeScript 7 ships no JavaScript compiler API, so dependency-cruiser reads .ts/.tsx through Babel's TypeScript
// preset. The plugin below turns type-only imports and re-exports into value ones before the types are stripped,
// so a layer breach or a cycle through `import type` is still seen.

// biome-ignore-all lint/correctness/noComponentHookFactories: a Babel plugin, not a React component

/** Marks every type-only import or re-export as a value one, so the TypeScript preset keeps it. */
function keepTypeOnlyImports() {
  const keep = (path) => {
    if (path.node.importKind === "type") path.node.importKind = "value";
    if (path.node.exportKind === "type") path.node.exportKind = "value";
    for (const specifier of path.node.specifiers ?? []) {
      if (specifier.importKind === "type") specifier.importKind = "value";
      if (specifier.exportKind === "type") specifier.exportKind = "value";
    }
  };
  // On entering the program, before the TypeScript plugin (a preset, so it runs after plugins) strips them.
  const visitor = { ImportDeclaration: keep, ExportNamedDeclaration: keep, ExportAllDeclaration: keep };
  return { visitor: { Program: (program) => program.traverse(visitor) } };
}

module.exports = {
  babelrc: false,
  configFile: false,
  plugins: [keepTypeOnlyImports],
  presets: [["@babel/preset-typescript", { isTSX: true, allExtensions: true, onlyRemoveTypeImports: true }]],
};
