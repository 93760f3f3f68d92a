import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cycles, describeCycle, folderGraph, importsOf, sourceFiles } from "./import-graph.js";

/**
 * The shape docs/architecture.md draws, checked on src/ as it is: imports between folders go one way, the
 * leaf modules import nothing of ours, the pure core never reaches storage or an edge, and SQL is written
 * only in storage/.
 */
const src = fileURLToPath(new URL("../../src/", import.meta.url));
const graph = folderGraph(src);

describe("the folder-level import graph of src/", () => {
  it("has no cycle: no folder imports a folder that imports it back", () => {
    expect(cycles(graph).map((c) => describeCycle(graph, c))).toEqual([]);
  });

  it("sees the folders and the imports that are there", () => {
    expect([...graph.keys()]).toEqual(expect.arrayContaining(["cards", "coaching", "format", "llm", "main", "storage", "usecases"]));
    expect(graph.get("coaching")?.get("language")).toMatch(/^coaching\/[a-z/-]+\.ts imports \.\.\/(?:\.\.\/)?language\/[a-z-]+\.js$/);
    expect(graph.get("cli")?.has("main")).toBe(true); // `attune serve` imports main.ts dynamically
  });

  it("the leaf modules (format/, llm/, language/, result.ts) import nothing of ours but the result shape", () => {
    expect([...(graph.get("result")?.keys() ?? [])]).toEqual([]);
    for (const leaf of ["format", "llm", "language"])
      expect(
        [...(graph.get(leaf)?.keys() ?? [])].filter((to) => to !== "result"),
        leaf,
      ).toEqual([]);
  });

  it("the pure core (transcript, metrics, coaching, trend, prep) reaches no storage, use case or edge", () => {
    const outside = [
      "storage",
      "usecases",
      "jobs",
      "bot",
      "cli",
      "playground",
      "server",
      "graph",
      "main",
      "config",
      "log",
      "cards",
      "rendering",
    ];
    for (const core of ["transcript", "metrics", "coaching", "trend", "prep"]) {
      const reached = [...(graph.get(core)?.keys() ?? [])].filter((to) => outside.includes(to));
      expect(reached, `${core} imports ${reached.join(", ")}`).toEqual([]);
    }
  });

  it("SQL is written only in storage/: no .query( call anywhere else", () => {
    const elsewhere = sourceFiles(src)
      .filter((file) => !relative(src, file).startsWith("storage/"))
      .filter((file) => readFileSync(file, "utf8").includes(".query("))
      .map((file) => relative(src, file));
    expect(elsewhere).toEqual([]);
  });
});

describe("the cycle check itself", () => {
  const tree = mkdtempSync(join(tmpdir(), "attune-import-graph-"));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  };

  it("fails on a deliberate cycle, naming the imports that close it", () => {
    write("cards/card.ts", 'import type { Trend } from "../history/trend.js";\nexport const card = 1;\n');
    write("history/trend.ts", "export type Trend = number;\n");
    write("history/load.ts", 'import {\n  card,\n} from "../cards/card.js";\nexport const load = card;\n');
    write("main.ts", 'export async function start() {\n  await import("./history/load.js");\n}\n');
    const g = folderGraph(tree);
    expect(cycles(g)).toEqual([["cards", "history"]]);
    expect(describeCycle(g, ["cards", "history"])).toBe(
      "cards → history (cards/card.ts imports ../history/trend.js); history → cards (history/load.ts imports ../cards/card.js)",
    );
    expect(g.get("main")?.has("history")).toBe(true);
  });

  it("finds a longer cycle once, and none once it is broken", () => {
    write("a/x.ts", 'export * from "../b/y.js";\n');
    write("b/y.ts", 'export { z } from "../c/z.js";\n');
    write("c/z.ts", 'import "../a/x.js";\nexport const z = 1;\n');
    expect(cycles(folderGraph(tree)).filter((c) => c.includes("a"))).toEqual([["a", "b", "c"]]);
    write("c/z.ts", "export const z = 1;\n");
    expect(cycles(folderGraph(tree)).filter((c) => c.includes("a"))).toEqual([]);
  });

  it("reads only relative imports: packages and node: modules are not folders of ours", () => {
    expect(importsOf('import { z } from "zod";\nimport pino from "pino";\nimport { x } from "./x.js";\nimport "node:fs";\n')).toEqual([
      "./x.js",
    ]);
  });
});
