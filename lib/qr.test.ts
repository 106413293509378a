import { describe, expect, it } from "vitest";
import { qrDrawing, qrMatrix, qrSvgPath } from "@/lib/qr";

describe("qrMatrix", () => {
  it("is a square with the three finder patterns of a QR code", () => {
    const m = qrMatrix("K7QM-4XRT-9HCP");
    const size = m.length;
    expect(size).toBeGreaterThanOrEqual(21);
    expect(m.every((row) => row.length === size)).toBe(true);
    // Finder pattern corners are dark; the module inside the white ring is light.
    for (const [y, x] of [[0, 0], [0, size - 1], [size - 1, 0]] as const) expect(m[y]![x]).toBe(true);
    expect(m[1]![1]).toBe(false);
    expect(m[3]![3]).toBe(true);
  });

  it("differs for different card numbers", () => {
    expect(qrMatrix("K7QM-4XRT-9HCP")).not.toEqual(qrMatrix("K7QM-4XRT-9HCQ"));
  });

  it("draws one square per dark module, shifted by the quiet zone", () => {
    const path = qrSvgPath([[true, false], [false, true]], 4);
    expect(path).toBe("M4 4h1v1h-1zM5 5h1v1h-1z");
  });

  it("draws the whole code with its quiet zone", () => {
    const matrix = qrMatrix("K7QM-4XRT-9HCP");
    expect(qrDrawing("K7QM-4XRT-9HCP")).toEqual({ path: qrSvgPath(matrix, 4), extent: matrix.length + 8 });
  });
});
