import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The token of a gift card's certificate link: the card's code sealed with AES-256-GCM under a
 * key derived (HKDF-SHA256) from the platform secret, so the link reveals nothing of the code and
 * cannot be forged. Nothing is stored: the route opens the token and finds the card by the code's
 * hash. Pure apart from the random nonce (passed in by tests).
 */

const INFO = "patron gift-card certificate v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** A token of a code is about 60 characters; anything much longer is not one. */
const MAX_TOKEN_LENGTH = 256;

function keyFrom(secret: string): Buffer {
  if (secret.length < 32) throw new Error("The certificate key needs a secret of at least 32 characters");
  return Buffer.from(hkdfSync("sha256", secret, "", INFO, 32));
}

/** The sealed token (base64url) of a compact code. */
export function sealCertificateToken(code: string, secret: string, random: (n: number) => Uint8Array = randomBytes): string {
  const nonce = Buffer.from(random(NONCE_BYTES));
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), nonce);
  const sealed = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString("base64url");
}

/** The code sealed in `token`, or null when the token is missing, malformed, forged or sealed under another secret. */
export function openCertificateToken(token: string | null | undefined, secret: string): string | null {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length <= NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), raw.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const code = Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    return code.length > 0 ? code : null;
  } catch {
    return null;
  }
}
