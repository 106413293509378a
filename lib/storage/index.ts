import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { isValidStorageKey } from "./keys";

/**
 * File storage on local disk under a configurable root (STORAGE_DIR, default `.data/storage`).
 * Callers choose a key prefix; the rest of the key is random, so keys are unguessable and never
 * collide. Nothing here serves files: route handlers decide what may be read by whom.
 */

export function storageRoot(): string {
  return path.resolve(env().STORAGE_DIR);
}

function pathOf(key: string): string {
  if (!isValidStorageKey(key)) throw new Error(`Invalid storage key: ${key}`);
  const root = storageRoot();
  const file = path.resolve(root, key);
  if (!file.startsWith(root + path.sep)) throw new Error(`Storage key escapes the root: ${key}`);
  return file;
}

/** A fresh key under `prefix` (e.g. "images/<merchantId>") with an optional extension. */
export function newStorageKey(prefix: string, extension?: string): string {
  return `${prefix}/${randomUUID()}${extension ? `.${extension}` : ""}`;
}

export async function putFile(key: string, bytes: Uint8Array): Promise<void> {
  const file = pathOf(key);
  await mkdir(path.dirname(file), { recursive: true });
  // "wx": a key is written once; an existing file means a bug, not an overwrite.
  await writeFile(file, bytes, { flag: "wx" });
}

/** The file's bytes, or null when there is no such file. */
export async function getFile(key: string): Promise<Buffer | null> {
  if (!isValidStorageKey(key)) return null;
  try {
    return await readFile(pathOf(key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes files; missing ones are ignored (cleanup is best effort and may run twice). */
export async function deleteFiles(keys: readonly string[]): Promise<void> {
  await Promise.all(keys.filter(isValidStorageKey).map((key) => rm(pathOf(key), { force: true })));
}
