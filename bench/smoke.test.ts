import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { runBenchmarks } from "./suite";

describe("npm run bench (smoke)", () => {
  it("runs a tiny version of every benchmark and reports a figure for each", async () => {
    const rows = await runBenchmarks({ quick: true, render: renderToStaticMarkup, log: () => undefined });
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(["load + render (server side, per view)", "storage bytes added per one-section revision"]));
    for (const row of rows) expect(row.median).toMatch(/\d/);
  });
});
