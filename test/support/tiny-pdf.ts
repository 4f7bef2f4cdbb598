/**
 * Minimal PDFs written byte by byte, for the hostile-input tests: one page per content stream,
 * Helvetica for any text, a correct cross-reference table.
 */

/** A PDF whose pages draw the given content streams (PDF operators, ASCII). */
export function tinyPdf(pages: readonly string[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((content, i) => {
    const id = pageIds[i] as number;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++)
    out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A page of text lines at (x, y), in Helvetica (ASCII only). */
export function textPage(lines: readonly { x: number; y: number; text: string }[]): string {
  return lines.map((l) => `BT /F1 12 Tf ${l.x} ${l.y} Td (${l.text}) Tj ET`).join('\n');
}

/** A page that only paints grey boxes, as a scan's page paints its picture: no text at all. */
export function scannedPage(): string {
  return '0.5 g 50 50 495 742 re f 0 g 80 700 200 20 re f 80 660 300 20 re f';
}
