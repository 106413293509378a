import { describe, expect, it } from "vitest";
import { openCertificateToken, sealCertificateToken } from "./certificate-token";

const SECRET = "a-test-secret-that-is-long-enough-for-hkdf";
const CODE = "K7QM4XRT9HCPW2N5ABCD";

describe("certificate tokens", () => {
  it("open to the sealed code, and hide it", () => {
    const token = sealCertificateToken(CODE, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain(CODE);
    expect(openCertificateToken(token, SECRET)).toBe(CODE);
  });

  it("differ each time the same code is sealed", () => {
    expect(sealCertificateToken(CODE, SECRET)).not.toBe(sealCertificateToken(CODE, SECRET));
  });

  it("do not open under another secret", () => {
    expect(openCertificateToken(sealCertificateToken(CODE, SECRET), `${SECRET}-other`)).toBeNull();
  });

  it("refuse a changed byte, a cut token and garbage", () => {
    const token = sealCertificateToken(CODE, SECRET);
    const raw = Buffer.from(token, "base64url");
    for (const index of [0, 14, raw.length - 1]) {
      const forged = Buffer.from(raw);
      forged[index] = forged[index]! ^ 1;
      expect(openCertificateToken(forged.toString("base64url"), SECRET)).toBeNull();
    }
    expect(openCertificateToken(token.slice(0, -4), SECRET)).toBeNull();
    expect(openCertificateToken("", SECRET)).toBeNull();
    expect(openCertificateToken(null, SECRET)).toBeNull();
    expect(openCertificateToken("not a token!", SECRET)).toBeNull();
    expect(openCertificateToken("A".repeat(400), SECRET)).toBeNull();
  });
});
