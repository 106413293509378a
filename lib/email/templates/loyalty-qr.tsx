import { qrMatrix } from "@/lib/qr";

/**
 * A card's QR code as a table of black and white cells: email clients block scripts, SVG and
 * data: images, but every one of them draws tables.
 */
export function EmailQrCode({ value, label }: { value: string; label: string }) {
  const matrix = qrMatrix(value);
  const quiet = Array.from({ length: 2 }, () => Array<boolean>(matrix.length + 4).fill(false));
  const rows = [...quiet, ...matrix.map((row) => [false, false, ...row, false, false]), ...quiet];
  return (
    <table role="img" aria-label={label} cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse", margin: "0 auto" }} data-qr={value}>
      <tbody>
        {rows.map((row, y) => (
          <tr key={y}>
            {row.map((dark, x) => (
              <td key={x} style={{ width: "5px", height: "5px", padding: 0, backgroundColor: dark ? "#000000" : "#ffffff" }} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
