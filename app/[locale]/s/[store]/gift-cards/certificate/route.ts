import { loadCertificatePdf } from "@/lib/gift-cards/delivery-loaders";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";

export const dynamic = "force-dynamic";

/** A gift card's printable certificate, from the sealed link in its emails; 404 for anything else. */
export async function GET(request: Request, { params }: RouteContext<"/[locale]/s/[store]/gift-cards/certificate">) {
  const { store } = await loadStorefrontPage(params);
  const pdf = await loadCertificatePdf(store, new URL(request.url).searchParams.get("t"));
  if (!pdf) return new Response("Not found", { status: 404, headers: { "cache-control": "private, no-store" } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": 'inline; filename="gift-card.pdf"',
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
