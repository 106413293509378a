/** Types of lib/cache-handler.mjs for the TypeScript code and tests that use it. */
export declare const CACHE_CHANNEL: "patron_cache";

export declare function invalidationPayloads(tags: readonly string[]): string[];

export interface CacheStore {
  get(key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<{ value: unknown; lastModified: number; cacheControl?: unknown } | null>;
  set(key: string, value: unknown, ctx?: { kind?: string; tags?: string[]; fetchCache?: boolean; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | readonly string[]): Promise<void>;
  listening(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export declare function createCacheStore(options?: { connectionString?: string; enabled?: boolean }): CacheStore;

export default class CacheHandler {
  get: CacheStore["get"];
  set: CacheStore["set"];
  revalidateTag(tags: string | readonly string[]): Promise<void>;
  resetRequestCache(): void;
}
