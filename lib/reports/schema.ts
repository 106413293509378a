import { z } from "zod";
import { cleanString } from "@/lib/input";

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) =>
  z.preprocess((v) => {
    const value = first(v);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  }, cleanString().max(max).optional());

/**
 * The report's search params: the period's days (checked by parsePeriod) and the store ("all"
 * or a store id, checked against the member's stores by the loader). Over-long values fail here.
 */
export const reportParamsSchema = z.object({
  from: text(32),
  to: text(32),
  store: text(64),
});
export type ReportParams = z.infer<typeof reportParamsSchema>;
