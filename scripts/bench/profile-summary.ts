/**
 * Where a V8 CPU profile (.cpuprofile, e.g. from `npm run bench -- --profile`) spent its time:
 * self time per package (or file outside node_modules) and the top functions.
 *
 *   npx tsx scripts/bench/profile-summary.ts bench-results/profiles/<file>.cpuprofile
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const profile = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

function owner(url: string): string {
  if (!url) return "(native / idle / gc)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const frame = byId.get(id)!.callFrame;
  const o = owner(frame.url);
  byOwner.set(o, (byOwner.get(o) ?? 0) + micros);
  const f = `${frame.functionName || "(anonymous)"}  ${o}:${frame.lineNumber + 1}`;
  byFunction.set(f, (byFunction.get(f) ?? 0) + micros);
}
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
console.log(
  `total ${(total / 1e6).toFixed(1)} s of samples\n\nby package / file:\n${top(byOwner, 20).join("\n")}\n\nby function:\n${top(byFunction, 30).join("\n")}`,
);
