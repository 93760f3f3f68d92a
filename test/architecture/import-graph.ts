/**
 * The folder-level import graph of a source tree: which folder of src/ imports which. A file directly in
 * the root (main.ts, config.ts…) is a node of its own, named by the file. Read from the text of the files
 * (static imports, re-exports and dynamic import() of relative paths), so it sees exactly what the
 * TypeScript sources say.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** For each folder, the folders it imports and, for each, one file and import that proves it. */
export type FolderGraph = Map<string, Map<string, string>>;

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm;

export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out.sort();
}

/** The relative import specifiers of one file. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier?.startsWith(".")) found.push(specifier);
  }
  return found;
}

/** The node a file belongs to: its first folder under the root, or its own name when it sits in the root. */
export function folderOf(root: string, file: string): string {
  const parts = relative(root, file).split(sep);
  return parts.length === 1 ? parts[0]!.replace(/\.ts$/, "") : parts[0]!;
}

export function folderGraph(root: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(root)) {
    const from = folderOf(root, file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const specifier of importsOf(readFileSync(file, "utf8"))) {
      const target = resolve(dirname(file), specifier);
      if (relative(root, target).startsWith("..")) continue; // outside the tree (none in src/, but say so if one appears)
      const to = folderOf(root, target.replace(/\.js$/, ".ts"));
      if (to !== from && !edges.has(to)) edges.set(to, `${relative(root, file)} imports ${specifier}`);
    }
  }
  return graph;
}

/** Every cycle, as its folders in order (each cycle once, starting from its smallest name); none in a clean tree. */
export function cycles(graph: FolderGraph): string[][] {
  const found = new Map<string, string[]>();
  const walk = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node)?.keys() ?? []) {
      if (next === start) {
        const key = [...path].sort().join(" ");
        if (!found.has(key)) found.set(key, path);
      } else if (!path.includes(next) && next > start) {
        walk(start, next, [...path, next]);
      }
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return [...found.values()];
}

/** A cycle as a person reads it, with the import that makes each step. */
export function describeCycle(graph: FolderGraph, cycle: readonly string[]): string {
  return cycle
    .map((from, i) => {
      const to = cycle[(i + 1) % cycle.length]!;
      return `${from} → ${to} (${graph.get(from)?.get(to)})`;
    })
    .join("; ");
}
