/**
 * Prints figures of the code's structure, to compare before and after a restructuring:
 *
 *   npx tsx scripts/architecture-figures.ts
 *
 * - server actions: exported actions of "use server" modules, and those modules' lines;
 * - hand-written actions: actions not built from a client of the action pipeline;
 * - string unions: type aliases of lib/ that are unions of string literals named like an error,
 *   a code, a reason or a form state (each a vocabulary of its own);
 * - host readers: files outside proxy.ts that read the Host / X-Forwarded-Host headers;
 * - route strings in lib/: revalidatePath calls naming routes of app/;
 * - folder loops: pairs of folders of lib/ that import each other (from dependency-cruiser).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", ".next", ".data", "generated", "test-results", "playwright-report", ".git"]);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    if (SKIP.has(name) || name.startsWith(".next")) continue;
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...files(rel));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** The code of a file without its comments (a comment naming a header reads nothing). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const sources = [...files("lib"), ...files("app"), ...files("components"), "proxy.ts"].map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));

const actionModules = sources.filter((s) => /^["']use server["'];/m.test(s.text.split("\n").slice(0, 3).join("\n")));
const actions = actionModules.flatMap((s) => [...s.text.matchAll(/^export (?:async function (\w+)|const (\w+) =)/gm)].map((m) => ({ file: s.file, name: m[1] ?? m[2]!, handWritten: Boolean(m[1]) })));
const actionLines = actionModules.reduce((n, s) => n + s.text.split("\n").length, 0);

const unionPattern = /^(?:export )?type (\w*(?:Error|Code|Reason|Refusal|Failure|FormState)\w*) =\s*(?:\|\s*)?"[^"]*"(?:\s*\|\s*"[^"]*")*\s*;/gm;
const stateTypes = /^export (?:interface|type) (\w+FormState)\b/gm;
const unions = sources.filter((s) => s.file.startsWith("lib/")).flatMap((s) => [...s.text.matchAll(unionPattern), ...s.text.matchAll(stateTypes)].map((m) => `${s.file}:${m[1]}`));

const hostReaders = sources.filter((s) => s.file !== "proxy.ts" && /x-forwarded-host|\.get\(\s*["']host["']\s*\)/i.test(code(s.text))).map((s) => s.file);
const routeStrings = sources.filter((s) => s.file.startsWith("lib/")).flatMap((s) => [...s.text.matchAll(/revalidatePath\(/g)].map(() => s.file));

const cruise = JSON.parse(
  execFileSync(path.join(root, "node_modules/.bin/depcruise"), ["lib", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 }),
) as { modules: { source: string; dependencies: { resolved: string }[] }[] };
const folderOf = (file: string) => (file.startsWith("lib/") && file.split("/").length > 2 ? file.split("/")[1]! : null);
const edges = new Set<string>();
for (const m of cruise.modules) {
  const from = folderOf(m.source);
  for (const d of m.dependencies) {
    const to = folderOf(d.resolved);
    if (from && to && from !== to) edges.add(`${from}>${to}`);
  }
}
const loops = [...edges].map((e) => e.split(">") as [string, string]).filter(([a, b]) => a < b && edges.has(`${b}>${a}`)).map(([a, b]) => `${a} <-> ${b}`);

const rows: [string, number, string[]][] = [
  ["server actions", actions.length, []],
  ["lines of \"use server\" modules", actionLines, []],
  ["hand-written actions (not on the pipeline)", actions.filter((a) => a.handWritten).length, actions.filter((a) => a.handWritten).map((a) => `${a.file}:${a.name}`)],
  ["string unions of codes / form states in lib/", unions.length, unions],
  ["files reading the host header (besides proxy.ts)", hostReaders.length, hostReaders],
  ["revalidatePath calls in lib/", routeStrings.length, [...new Set(routeStrings)]],
  ["two-way folder loops in lib/", loops.length, loops],
];
const verbose = process.argv.includes("--list");
for (const [label, value, list] of rows) {
  console.log(`${label.padEnd(52)} ${value}`);
  if (verbose) for (const item of list) console.log(`    ${item}`);
}
