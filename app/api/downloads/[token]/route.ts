import { refuseDownloadOverLimit, resolveDownload } from "@/lib/orders/downloads";
import { currentTenant } from "@/lib/tenancy/request";

export const dynamic = "force-dynamic";

/** A digital product's file for its buyer (see resolveDownload); 404 for anyone else, 429 past the download limit. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const tenant = await currentTenant();
  const refusal = await refuseDownloadOverLimit(request, tenant, token);
  if (refusal) return refusal;
  const file = await resolveDownload(tenant, token);
  if (!file) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
