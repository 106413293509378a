import { describe, expect, it } from "vitest";
import { imageTypeOfKey, isValidStorageKey, sniffImageType } from "./keys";

describe("storage keys", () => {
  it.each([
    ["images/cmabc123/0b7c1f4e-1d2a-4c1b-9a7e-3f1e2d3c4b5a.png", true],
    ["digital/cmabc123/0b7c1f4e-1d2a-4c1b-9a7e-3f1e2d3c4b5a", true],
    ["images/../etc/passwd", false],
    ["/etc/passwd", false],
    ["images", false],
    ["images//x.png", false],
    ["images/a/b.png.exe.sh", false],
    ["images/a/%2e%2e.png", false],
    ["images/a\\b.png", false],
  ])("%j valid: %s", (key, valid) => {
    expect(isValidStorageKey(key)).toBe(valid);
  });

  it("serves images with the type of their extension only", () => {
    expect(imageTypeOfKey("images/m/x.jpg")).toBe("image/jpeg");
    expect(imageTypeOfKey("images/m/x.webp")).toBe("image/webp");
    expect(imageTypeOfKey("images/m/x.svg")).toBeNull();
    expect(imageTypeOfKey("digital/m/x")).toBeNull();
  });

  it("recognises images by their bytes", () => {
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("GIF89a"))).toBe("image/gif");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns="))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<script>alert(1)</script>"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
