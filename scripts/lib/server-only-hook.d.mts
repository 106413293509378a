// server-only-hook.mjs only registers a loader hook; it exports nothing.
export {};
