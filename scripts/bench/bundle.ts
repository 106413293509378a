/**
 * First-load JavaScript of each storefront route, from the production build's manifests: the
 * chunks every page loads (build-manifest rootMainFiles) plus the chunks of the route's layouts
 * and page (entryJSFiles of its client reference manifest), each counted once, as many bytes as
 * `next start` sends: its `compression` middleware gzips at zlib's default level (gzipSync's too)
 * and sends files under its 1 KB threshold uncompressed. The nomodule polyfills (build-manifest
 * polyfillFiles) are not counted: browsers that run modules skip them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Responses smaller than this go out uncompressed (the `compression` package's default threshold). */
const COMPRESSION_THRESHOLD = 1024;

export interface RouteBundle {
  route: string;
  files: number;
  gzipBytes: number;
}

function readManifest(file: string): {
  entryJSFiles?: Record<string, string[]>;
} {
  // The file assigns globalThis.__RSC_MANIFEST["<route>"] = {...}: evaluate it in a sandboxed object.
  const sandbox: {
    __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }>;
  } = {};
  new Function("globalThis", readFileSync(file, "utf8"))(sandbox);
  return Object.values(sandbox.__RSC_MANIFEST ?? {})[0] ?? {};
}

function findManifests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findManifests(full, out);
    else if (entry.name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

export function storefrontBundles(distDir: string): RouteBundle[] {
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const appDir = path.join(distDir, "server", "app");
  const storefrontDir = path.join(appDir, "[locale]", "s", "[store]");
  if (!existsSync(storefrontDir)) throw new Error(`No storefront routes in ${storefrontDir}: build first`);
  const sent = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = sent.get(file);
    if (size === undefined) {
      const raw = readFileSync(path.join(distDir, file.replace(/^\/?_next\//, "")));
      size = raw.length < COMPRESSION_THRESHOLD ? raw.length : gzipSync(raw).length;
      sent.set(file, size);
    }
    return size;
  };
  return findManifests(storefrontDir)
    .map((manifest) => {
      const route = "/" + path.relative(storefrontDir, path.dirname(manifest)).split(path.sep).join("/");
      const { entryJSFiles } = readManifest(manifest);
      // Only Turbopack writes entryJSFiles. A webpack build (`next build --webpack`) lists chunks per
      // client module instead, more of them than a page loads: counting rootMainFiles alone would
      // understate every route, so refuse rather than report wrong figures.
      if (!entryJSFiles) throw new Error(`${manifest} has no entryJSFiles: storefrontBundles measures Turbopack builds only`);
      const files = new Set(build.rootMainFiles);
      for (const chunks of Object.values(entryJSFiles)) for (const chunk of chunks) files.add(chunk);
      let gzipBytes = 0;
      for (const file of files) gzipBytes += sizeOf(file);
      return {
        route: route === "/" ? "/" : route.replace(/\/$/, ""),
        files: files.size,
        gzipBytes,
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
