// Scripts (worker, seed, benchmarks) run in plain Node, where the `server-only` marker package
// throws on import. They are server code by definition, so the marker resolves to nothing here.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}`),
);
