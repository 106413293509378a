/**
 * Child processes and ports for `npm test`. Every step runs in its own process group, so the
 * pipeline alone decides when a step is interrupted, and whatever a step leaves behind in its
 * group can be swept when it ends.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const BIN = path.resolve("node_modules/.bin");

let current: ChildProcess | null = null;

/** The step's process that is running now, if any (for passing on a signal). */
export function currentChild(): ChildProcess | null {
  return current;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already empty.
  }
}

/**
 * Runs a local binary (node_modules/.bin) with the terminal's output and no input, and resolves
 * with its exit code (a signal counts as 1). Anything still alive in its process group after it
 * exits is killed.
 */
export function runBin(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(BIN, command), args, { stdio: ["ignore", "inherit", "inherit"], env, detached: true });
    current = child;
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      current = null;
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      current = null;
      killGroup(child.pid, "SIGKILL");
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * Passes a signal on to the running step, once; if it has not exited after `graceMs`, its
 * whole process group is killed.
 */
export function interruptCurrent(signal: NodeJS.Signals, graceMs = 30_000): void {
  const child = current;
  if (!child?.pid) return;
  try {
    child.kill(signal);
  } catch {
    return;
  }
  const timer = setTimeout(() => killGroup(child.pid, "SIGKILL"), graceMs);
  timer.unref();
  child.once("exit", () => clearTimeout(timer));
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (inUse: boolean) => {
      socket.destroy();
      resolve(inUse);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** The ports among `ports` still in use after waiting up to `timeoutMs` for them to close. */
export async function portsStillInUse(ports: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy: number[] = [];
    for (const port of ports) if (await isPortInUse(port)) busy.push(port);
    if (busy.length === 0 || Date.now() >= deadline) return busy;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** "4.2 s", "1 min 05 s". */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}
