import type { DomainCheckError, DomainInputError } from "./rules";

/** Outcomes the domain forms translate under `Domains.errors.<code>`. */
export type DomainError = DomainInputError | DomainCheckError | "domainTaken" | "domainAdded" | "notFound";

export interface DomainFormState {
  status: "idle" | "error" | "done";
  error?: DomainError;
  /** The action that finished ("added", "verified", "removed"), for the success message. */
  done?: "added" | "verified" | "removed";
}

export const INITIAL_DOMAIN_STATE: DomainFormState = { status: "idle" };
