/**
 * next/cache outside a Next server: integration tests call server actions and loaders directly,
 * where Next's caches do not exist. Caching passes through; invalidations are recorded so tests
 * can assert which stores' pages a write drops.
 */
export const invalidatedTags: string[] = [];

export function revalidatePath(): void {}

export function revalidateTag(tag: string): void {
  invalidatedTags.push(tag);
}

export function refresh(): void {}

export function unstable_cache<A extends unknown[], R>(read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return read;
}
