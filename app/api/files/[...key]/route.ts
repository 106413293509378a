import { isProductImageKey } from "@/lib/catalog/data";
import { getFile } from "@/lib/storage";
import { isStoreLogoKey } from "@/lib/stores/data";
import { imageTypeOfKey, isValidStorageKey } from "@/lib/storage/keys";

/**
 * Serves product images and store logos, and nothing else: the key must be an image key
 * ("images/<merchantId>/...") recorded on a product image or as a store's logo of that merchant. Digital files live under another prefix and are
 * never reachable here. Keys are random and never reused, so responses may be cached for good.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key: parts } = await params;
  const key = parts.join("/");
  const type = imageTypeOfKey(key);
  const merchantId = parts[0] === "images" && parts.length === 3 ? parts[1]! : null;
  if (!merchantId || !type || !isValidStorageKey(key) || !((await isProductImageKey(merchantId, key)) || (await isStoreLogoKey(merchantId, key)))) {
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const bytes = await getFile(key);
  if (!bytes) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type,
      "content-length": String(bytes.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
}
