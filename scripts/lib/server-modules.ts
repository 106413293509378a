/**
 * Lets a script that runs in plain tsx (serve.ts) import lib/ modules marked `server-only`:
 * registers the loader hook of server-only-hook.mjs first, then imports. Static imports cannot
 * do this: they are resolved before any module body runs.
 */
export async function importServerModule<T>(load: () => Promise<T>): Promise<T> {
  await import("./server-only-hook.mjs");
  return load();
}
