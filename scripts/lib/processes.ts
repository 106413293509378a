import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const BIN = path.resolve("node_modules/.bin");

/** Runs a local binary to completion; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, command), args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/** Starts a long-running local binary (or an absolute path) whose output is prefixed with `label`. */
export function start(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(path.isAbsolute(command) ? command : path.join(BIN, command), args, { stdio: ["ignore", "pipe", "pipe"], env });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split(/\r?\n/)
      .filter((line) => line.length > 0)
      .map((line) => `[${label}] ${line}\n`)
      .join("");
  child.stdout?.on("data", (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr?.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
  return child;
}

/** Asks children to stop (SIGTERM), and kills whatever is still alive after `graceMs`. */
export async function stopAll(children: ChildProcess[], graceMs = 10_000): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** The arguments tsx needs to run server modules outside Next (see server-only-hook.mjs). */
export const TSX_SERVER = ["--import", "./scripts/lib/server-only-hook.mjs"];
