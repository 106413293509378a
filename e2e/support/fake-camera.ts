import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { qrMatrix } from "../../lib/qr";

/**
 * A Y4M video (what Chromium's fake camera plays) showing the QR code of `text`: a few grey
 * frames with the code in black on white, so the terminal's scanner sees a real camera picture.
 */
export function qrVideoFile(text: string): string {
  const matrix = qrMatrix(text);
  const scale = 8;
  const quiet = 4;
  const size = (matrix.length + quiet * 2) * scale;
  const width = size + 64;
  const height = size + 64;
  const luma = Buffer.alloc(width * height, 200);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const my = Math.floor(y / scale) - quiet;
      const mx = Math.floor(x / scale) - quiet;
      const dark = my >= 0 && mx >= 0 && my < matrix.length && mx < matrix.length && matrix[my]![mx];
      luma[(y + 32) * width + (x + 32)] = dark ? 0 : 255;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "patron-camera-")), "qr.y4m");
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
  return file;
}
