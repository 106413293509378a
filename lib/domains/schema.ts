import { z } from "zod";
import { parseCustomDomain } from "./rules";

/**
 * The custom-domain forms' inputs. Each issue's message is a key under `Domains.results`.
 */

/** The add form: what the merchant typed, as the host name to serve (see `parseCustomDomain`). */
export function domainFormSchema(rootDomain: string) {
  return z.object({
    domain: z.preprocess(
      (v) => (typeof v === "string" ? v.slice(0, 300) : ""),
      z.string().transform((raw, ctx) => {
        const parsed = parseCustomDomain(raw, rootDomain);
        if (parsed.ok) return parsed.domain;
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }),
    ),
  });
}

/** The verify, remove and re-check buttons: one domain's id (anything else: no such domain). */
export const domainIdSchema = z.object({ domainId: z.string("notFound").regex(/^[a-z0-9]{1,64}$/i, "notFound") });
