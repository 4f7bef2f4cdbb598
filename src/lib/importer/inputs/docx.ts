/**
 * A Word or WPS document saved as .docx, converted to HTML by mammoth (paragraphs stay
 * paragraphs; tables stay tables, with merged cells as colspan/rowspan) and then read by the
 * importer's HTML reader, like a saved web page.
 *
 * The container is checked by `zip.ts` first (declared and actual sizes under caps), so mammoth
 * only ever inflates what has already been proven small.
 */

import mammoth from 'mammoth';
import { InputError } from './errors.ts';
import { inflateEntry, listZip } from './zip.ts';

export interface DocxRead {
  readonly html: string;
  /** Pictures in the document (a table published as a picture cannot be read). */
  readonly images: number;
}

export async function readDocx(data: Uint8Array, fileName: string): Promise<DocxRead> {
  const entries = listZip(data, fileName);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new InputError(
      `${fileName} 不是 Word 文档（.docx 中没有 word/document.xml）。请用 Word/WPS 打开原文，另存为 .docx 后再导入。`,
    );
  }
  // Inflate everything once under the caps: this is what proves the sizes honest.
  for (const e of entries) if (!e.name.endsWith('/')) inflateEntry(data, e, fileName);
  let images = 0;
  let result;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
  } catch (e) {
    throw new InputError(
      `${fileName} 无法作为 Word 文档读取（${(e as Error).message}）。请用 Word/WPS 打开后重新另存为 .docx 再导入。`,
    );
  }
  return { html: `<!doctype html><html><body>${result.value}</body></html>`, images };
}
