// The layers of ../shared/DESIGN.md as import rules that fail `npm run lint`:
// dependencies point down only (scripts, bench, prisma/seed -> app -> components -> lib),
// the pure lib folders import no database code, and no file imports itself through others.
// Tests are left out of the layer rules: a test may import from any layer it exercises.

/** Sources only: tests and their fixtures sit beside their module and may reach any layer. */
const NOT_A_TEST = "\\.test\\.tsx?$";

/** Everything that stands above lib/, components/ or app/ and must never be imported by them. */
const ABOVE_APP = "^(scripts|bench|prisma|test|e2e)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      comment: "Files that import each other in a loop cannot be understood, tested or moved one at a time.",
      severity: "error",
      from: { path: "^(app|components|lib|scripts|bench|prisma)/|^proxy\\.ts$" },
      to: { circular: true },
    },
    {
      name: "lib-imports-no-app-or-components",
      comment: "lib/ is the bottom layer: it knows nothing of routes or React components.",
      severity: "error",
      from: { path: "^lib/", pathNot: NOT_A_TEST },
      to: { path: "^(app|components)/|^proxy\\.ts$" },
    },
    {
      name: "components-import-no-app",
      comment: "Components are used by routes, never the other way round.",
      severity: "error",
      from: { path: "^components/", pathNot: NOT_A_TEST },
      to: { path: "^app/|^proxy\\.ts$" },
    },
    {
      name: "app-imports-no-tools",
      comment: "scripts/, bench/, prisma/seed and the tests stand above the app: the app imports none of them.",
      severity: "error",
      from: { path: "^(app|components|lib)/|^proxy\\.ts$", pathNot: NOT_A_TEST },
      to: { path: ABOVE_APP },
    },
    {
      name: "pure-lib-imports-no-database",
      comment: "lib/document, lib/diff and lib/authz are pure: no Prisma, no lib/db (DESIGN.md Layers).",
      severity: "error",
      from: { path: "^lib/(document|diff|authz)/", pathNot: NOT_A_TEST },
      to: { path: "^lib/db/|(^|/)node_modules/(@prisma/|\\.prisma/|prisma/|pg/)" },
    },
  ],
  options: {
    // Generated Prisma code is reached (so lib/diff -> lib/db/generated is caught) but not walked.
    doNotFollow: { path: "node_modules|^lib/db/generated/" },
    exclude: { path: "^(node_modules|\\.next|\\.data|test-results|playwright-report)/" },
    // TypeScript 7 ships no JavaScript compiler API: .ts and .tsx are read through Babel (that file says how).
    // @swc/core is installed only because dependency-cruiser scans .ts/.tsx files when it is present; swc's own
    // parser is not used (it does not read TSX).
    babelConfig: { fileName: ".dependency-cruiser.babel.cjs" },
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".mts", ".mjs", ".js", ".d.mts", ".d.ts", ".json"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
