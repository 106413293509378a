import QRCode from "qrcode";

/**
 * The dark modules of a QR code for `text`, row by row, so that pages can draw it as SVG and
 * emails as a table (email clients block data: images and scripts). Error correction M survives
 * a worn printed card. Pure and synchronous.
 */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const rows: boolean[][] = [];
  for (let y = 0; y < modules.size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < modules.size; x++) row.push(modules.get(y, x) === 1);
    rows.push(row);
  }
  return rows;
}

/** An SVG path ("M x y h1 v1 h-1 z" per dark module) of the matrix, with a quiet zone of `margin` modules. */
export function qrSvgPath(matrix: boolean[][], margin = 4): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + margin} ${y + margin}h1v1h-1z`);
    });
  });
  return parts.join("");
}

/** A QR code ready to draw as SVG: the path of its dark modules and the side of its square, quiet zone included. */
export interface QrDrawing {
  path: string;
  extent: number;
}

/**
 * The drawing of a QR code for `text`. Made on the server (pages, server actions): the encoder
 * stays out of the browser, which only draws the path.
 */
export function qrDrawing(text: string, margin = 4): QrDrawing {
  const matrix = qrMatrix(text);
  return { path: qrSvgPath(matrix, margin), extent: matrix.length + 2 * margin };
}
