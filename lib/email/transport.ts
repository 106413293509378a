import "server-only";
import { Resend } from "resend";
import { wireEmailAddress } from "@/lib/email-address";
import { env } from "@/lib/env";

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Passed to the provider so that a retried request never sends twice. */
  idempotencyKey: string;
}

export type SendResult = { ok: true; providerMessageId: string } | { ok: false; error: string };

/**
 * Where messages go: Resend when an API key is configured; otherwise nowhere, and the outbox
 * row itself becomes the message (the dev mailbox that platform admins read).
 */
export type EmailTransport = { kind: "resend"; send(email: OutgoingEmail): Promise<SendResult> } | { kind: "dev-mailbox" };

const REQUEST_TIMEOUT_MS = 20_000;

/** Sends through the Resend SDK (which takes its API host from RESEND_BASE_URL). */
export function resendTransport(options: { apiKey: string; from: string }): EmailTransport {
  const client = new Resend(options.apiKey);
  return {
    kind: "resend",
    async send(email) {
      try {
        const { data, error } = await client.emails.send(
          { from: options.from, to: wireEmailAddress(email.to), subject: email.subject, html: email.html, text: email.text },
          { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
        );
        if (error || !data?.id) {
          if (!error) return { ok: false, error: "Resend returned no message id" };
          return { ok: false, error: `${error.name}${error.statusCode ? ` ${error.statusCode}` : ""}: ${error.message}` };
        }
        return { ok: true, providerMessageId: data.id };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export const devMailboxTransport: EmailTransport = { kind: "dev-mailbox" };

/** The transport the environment asks for. */
export function transportFromEnv(): EmailTransport {
  const e = env();
  return e.RESEND_API_KEY ? resendTransport({ apiKey: e.RESEND_API_KEY, from: e.EMAIL_FROM }) : devMailboxTransport;
}

/** Whether messages actually leave the platform (the admin pages say so when they do not). */
export function emailProviderConfigured(): boolean {
  return Boolean(env().RESEND_API_KEY);
}
