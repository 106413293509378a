import type { SlugAvailability } from "./rules";

export interface SlugCheck {
  slug: string;
  result: SlugAvailability;
}

/** One step of the checklist shown after sign-up. */
export interface ChecklistItem {
  key: "product" | "loyalty" | "staff" | "domain";
  done: boolean;
  href: string;
}
