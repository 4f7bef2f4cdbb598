/**
 * A published PDF read with pdf.js (the `pdfjs-dist` legacy build, which runs in Node): the
 * positioned text of every page, rebuilt into lines and table rows by `layout.ts`.
 *
 * No system tool is needed. Fonts are never rendered; only the text layer is read.
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from './errors.ts';
import { readLayout, type LayoutResult, type PageBox, type PositionedItem } from './layout.ts';

/** Pages read at most: a report is a few pages; a 2,000-page file is not a report. */
export const MAX_PDF_PAGES = 200;

interface TextItemLike {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
}

function pdfjsRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** Positioned text items of every page. Throws InputError with a Chinese message. */
export async function pdfItems(
  data: Uint8Array,
  fileName: string,
): Promise<{ items: PositionedItem[]; pages: PageBox[]; images: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = pdfjsRoot();
  const url = (p: string) => `${pathToFileURL(join(root, p)).href}/`;
  const task = pdfjs.getDocument({
    // pdf.js transfers the buffer to its worker: give it a copy.
    data: new Uint8Array(data),
    cMapUrl: url('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: url('standard_fonts'),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    // A password prompt never comes: an encrypted file is refused with a message.
    stopAtErrors: true,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') {
      throw new InputError(
        `${fileName} 是加密的 PDF（打开需要密码），无法读取。请向发布机构索取未加密的文件，或从原网页复制文字后导入。`,
      );
    }
    throw new InputError(
      `${fileName} 不是完整的 PDF 文件，无法读取（${name || '格式错误'}）。文件可能下载不完整：请重新下载原文后再导入。`,
    );
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new InputError(
        `${fileName} 有 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限，不像是一份年度报告：请只导入年度报告本身。`,
      );
    }
    const items: PositionedItem[] = [];
    const pages: PageBox[] = [];
    let images = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      let page;
      try {
        page = await doc.getPage(p);
        const viewport = page.getViewport({ scale: 1 });
        pages.push({ page: p, height: viewport.height });
        const content = await page.getTextContent();
        for (const raw of content.items as TextItemLike[]) {
          const t = raw.transform;
          if (!t || typeof raw.str !== 'string' || raw.str.trim() === '') continue;
          const [a = 0, b = 0, , d = 0, x = 0, y = 0] = t;
          // Rotated text (a vertical label set with a rotated matrix) is not read as a row.
          if (Math.abs(b) > 0.01 * Math.abs(a) && Math.abs(a) > 0) continue;
          items.push({
            page: p,
            str: raw.str,
            x,
            y,
            width: raw.width ?? 0,
            size: Math.abs(d) || Math.abs(a),
          });
        }
        if (content.items.length === 0) images += await imageCount(page, pdfjs.OPS);
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(
          `${fileName} 第 ${p} 页无法读取（${(e as Error).message}）。文件可能损坏或下载不完整：请重新下载原文后再导入。`,
        );
      } finally {
        page?.cleanup();
      }
    }
    return { items, pages, images };
  } finally {
    await task.destroy();
  }
}

async function imageCount(
  page: { getOperatorList: () => Promise<{ fnArray: number[] }> },
  ops: Record<string, number>,
): Promise<number> {
  const list = await page.getOperatorList();
  const image = new Set([
    ops['paintImageXObject'],
    ops['paintInlineImageXObject'],
    ops['paintImageMaskXObject'],
  ]);
  return list.fnArray.filter((f) => image.has(f)).length;
}

/** Reads a PDF into the importer's tab form. */
export async function readPdf(data: Uint8Array, fileName: string): Promise<LayoutResult> {
  const { items, pages, images } = await pdfItems(data, fileName);
  const chars = items.reduce((n, it) => n + it.str.trim().length, 0);
  if (chars < 20) {
    throw new InputError(
      images > 0 || pages.length > 0
        ? `${fileName} 没有文字层（${pages.length} 页${images > 0 ? `，${images} 张图片` : ''}）：这是扫描件或图片做成的 PDF，程序无法读出其中的文字和数字。请找原文的网页版或 Word 版导入，或按原文手工录入（npm run new）。`
        : `${fileName} 中没有文字。`,
    );
  }
  return readLayout(items, pages);
}
