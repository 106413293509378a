// Stands in for the `server-only` marker under Vitest, which runs server modules in plain Node.
export {};
