/**
 * Inputs the importer refuses, each with a Chinese message that says what to do, in bounded
 * time and memory, and with nothing written: kinds it cannot read, broken and hostile files.
 * Large files are made here, never committed.
 */
import { spawnSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importReport } from '../../src/lib/importer/import-report.ts';
import {
  InputError,
  MAX_INPUT_BYTES,
  readInput,
  readInputFile,
} from '../../src/lib/importer/inputs/index.ts';
import { ZIP_LIMITS } from '../../src/lib/importer/inputs/zip.ts';
import { scannedPage, tinyPdf } from '../support/tiny-pdf.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function refusal(data: Uint8Array, name: string): Promise<string> {
  try {
    await readInput(data, name);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`${name} was read`);
}

/** A ZIP with one entry; `declared` overrides the uncompressed size its headers state. */
function zip(name: string, content: Uint8Array, declared = content.length): Uint8Array {
  const data = deflateRawSync(content);
  const nameBytes = new TextEncoder().encode(name);
  const local = Buffer.alloc(30 + nameBytes.length);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.set(nameBytes, 30);
  const central = Buffer.alloc(46 + nameBytes.length);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  central.set(nameBytes, 46);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, data, central, end]));
}

describe('kinds the importer cannot read', () => {
  it.each([
    ['report.doc', '.doc 是旧版 Word 格式，程序无法直接读取。请用 Word 或 WPS 打开，另存为 .docx'],
    [
      'report.wps',
      '.wps 是 WPS 文字的专有格式，程序无法直接读取。请用 Word 或 WPS 打开，另存为 .docx',
    ],
    [
      'report.ofd',
      '.ofd 是国产版式文档格式，程序无法读取。请用 OFD 阅读器（如数科 OFD 阅读器）导出为 PDF',
    ],
    ['table.png', '这是图片（.png）。图片中的文字和数字程序无法读出'],
    ['table.jpg', '这是图片（.jpg）。'],
    ['table.gif', '这是图片（.gif）。'],
    ['table.tif', '这是图片（.tif）。'],
    ['table.bmp', '这是图片（.bmp）。'],
    ['table.webp', '这是图片（.webp）。'],
  ])('%s: says what to do', async (name, message) => {
    expect(await refusal(new TextEncoder().encode('x'), name)).toContain(message);
  });

  it('knows a picture or an old Word file by its bytes, whatever its name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await refusal(png, 'report.txt')).toBe(
      'report.txt：这是图片文件。图片中的文字和数字程序无法读出：请找原文的网页版、PDF 或 Word 版导入；如果机构只以图片发布表格，请按图片手工录入（npm run new 生成草稿后填写）。',
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await refusal(ole, 'report.docx')).toContain('这是旧版 Office 格式（.doc/.wps/.xls）');
  });

  it('refuses an OFD (a ZIP with OFD.xml) even when named .zip', async () => {
    const ofd = zip('OFD.xml', new TextEncoder().encode('<ofd:OFD/>'));
    expect(await refusal(ofd, 'report.zip')).toContain('.ofd 是国产版式文档格式');
  });
});

describe('broken and hostile files', () => {
  it('refuses a 200 MB file before reading a byte of it', async () => {
    const path = join(tmp(), 'huge.pdf');
    const fd = openSync(path, 'w');
    closeSync(fd);
    // A sparse file: 200 MB long, no disk used.
    spawnSync('truncate', ['-s', String(200 * 1024 * 1024), path]);
    await expect(readInputFile(path)).rejects.toThrow(
      `huge.pdf 有 200 MB，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限，没有读取。`,
    );
  });

  it('refuses a truncated PDF', async () => {
    const pdf = readFileSync(
      `${ROOT}test/fixtures/import-inputs/published/2024-huaianshi-zhengfu.pdf`,
    );
    const half = new Uint8Array(pdf.subarray(0, Math.floor(pdf.length * 0.4)));
    expect(await refusal(half, 'cut.pdf')).toBe(
      'cut.pdf 不是完整的 PDF 文件，无法读取（InvalidPDFException）。文件可能下载不完整：请重新下载原文后再导入。',
    );
  });

  it('refuses an encrypted PDF without asking for a password', async () => {
    const pdf = new Uint8Array(
      readFileSync(`${ROOT}test/fixtures/import-inputs/hostile/encrypted.pdf`),
    );
    expect(await refusal(pdf, 'locked.pdf')).toBe(
      'locked.pdf 是加密的 PDF（打开需要密码），无法读取。请向发布机构索取未加密的文件，或从原网页复制文字后导入。',
    );
  });

  it('refuses a PDF without a text layer (a scan)', async () => {
    expect(await refusal(tinyPdf([scannedPage(), scannedPage()]), 'scan.pdf')).toBe(
      'scan.pdf 没有文字层（2 页）：这是扫描件或图片做成的 PDF，程序无法读出其中的文字和数字。请找原文的网页版或 Word 版导入，或按原文手工录入（npm run new）。',
    );
  });

  it('refuses a DOCX zip bomb by its declared size, before inflating it', async () => {
    const bomb = zip('word/document.xml', new Uint8Array(ZIP_LIMITS.entryBytes + 1));
    expect(await refusal(bomb, 'bomb.docx')).toBe(
      'bomb.docx 解压后过大（word/document.xml 解压后 50 MB），可能是损坏或恶意构造的文件，没有读取。请用 Word/WPS 重新另存为 .docx（或 .xlsx）后再导入。',
    );
  });

  it('stops inflating a DOCX whose headers understate its size', async () => {
    const liar = zip('word/document.xml', new Uint8Array(20 * 1024 * 1024), 1000);
    expect(await refusal(liar, 'liar.docx')).toBe(
      'liar.docx 解压后过大（word/document.xml 解压后超过目录中声明的 1000 字节），可能是损坏或恶意构造的文件，没有读取。请用 Word/WPS 重新另存为 .docx（或 .xlsx）后再导入。',
    );
  });

  it('refuses an XLSX whose compression ratio is a bomb’s', async () => {
    const bomb = zip('xl/workbook.xml', new Uint8Array(30 * 1024 * 1024));
    expect(await refusal(bomb, 'bomb.xlsx')).toMatch(
      /^bomb\.xlsx 解压后过大（xl\/workbook\.xml 压缩比 \d+:1）/u,
    );
  });

  it('never runs a page’s scripts and keeps their text out of the report', async () => {
    const page = readFileSync(
      `${ROOT}test/fixtures/import-inputs/generated/huaianshi-zhengfu-2024.gbk.html`,
    );
    const hostile = Buffer.concat([
      page.subarray(0, page.indexOf('<body>') + 6),
      Buffer.from(
        '<script>globalThis.pwned = true; document.write("<table><tr><td>（一）予以公开</td><td>999</td></tr></table>")</script><img src=x onerror="globalThis.pwned = true">',
      ),
      page.subarray(page.indexOf('<body>') + 6),
    ]);
    const input = await readInput(new Uint8Array(hostile), 'page.html');
    const result = importReport(input.text);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
    expect(result.cells['applications.disclosed.natural']).toBe(1288);
    expect(result.mdx).not.toContain('pwned');
    expect(result.mdx).not.toContain('999');
  });
});

describe('npm run import with a file it cannot read', () => {
  it('exits 1 with the message and writes nothing', () => {
    const out = tmp();
    const doc = join(tmp(), '2024年报.doc');
    writeFileSync(doc, 'x');
    const r = spawnSync(
      process.execPath,
      ['scripts/import.ts', doc, '--agency', 'x-y', '--out', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('无法导入：2024年报.doc：.doc 是旧版 Word 格式');
    expect(r.stderr).toContain('没有写入任何文件。');
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, 'data'))).toBe(false);
  });

  it('imports the published PDF as an editor would', () => {
    const out = tmp();
    const r = spawnSync(
      process.execPath,
      [
        'scripts/import.ts',
        join(ROOT, 'test/fixtures/import-inputs/published/2024-huaianshi-zhengfu.pdf'),
        '--agency',
        'huaianshi-zhengfu',
        '--out',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('（PDF）\n  按文字坐标重建了 32 个表格数据行。\n');
    expect(r.stdout).toContain('表格中的数字：共 200 个，放入单元格 200 个。');
    expect(readFileSync(join(out, 'data/reports/huaianshi-zhengfu/2024.yaml'), 'utf8')).toContain(
      'received:',
    );
  });
});
