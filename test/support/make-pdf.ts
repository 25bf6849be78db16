import { constants, deflateRawSync } from 'node:zlib';

/**
 * A minimal PDF writer for tests: lines of text placed where a real digest PDF would put them,
 * in a Type0 font (Identity-H) whose ToUnicode CMap maps each glyph to its character, which is
 * all a text extractor needs. No glyphs are embedded: the file is for reading, not printing.
 */
export interface PdfLine {
  text: string;
  x: number;
  /** Distance from the bottom of the page, in points. */
  y: number;
  size?: number;
}

/** How the page content streams are stored: as written (default), or Flate-compressed with padding. */
export interface PdfStreamOptions {
  /** Compress each page's content stream with FlateDecode, as most PDF writers do. */
  deflate?: boolean;
  /**
   * Spaces added to each page's content stream (harmless to a reader) before it is compressed:
   * with `deflate`, a small file that inflates to this many bytes more per page.
   */
  padding?: number;
}

export function makePdf(
  pages: PdfLine[][],
  pageSize = { width: 595, height: 842 },
  streams: PdfStreamOptions = {},
): Buffer {
  const chars = [...new Set(pages.flat().flatMap((l) => [...l.text]))];
  for (const c of chars)
    if ((c.codePointAt(0) ?? 0) > 0xffff) throw new Error(`makePdf: ${c} is outside the BMP`);
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const bf: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const chunk = chars.slice(i, i + 100);
    bf.push(`${chunk.length} beginbfchar`);
    for (const c of chunk) bf.push(`<${hex4(cid.get(c) ?? 0)}> <${hex4(c.codePointAt(0) ?? 0)}>`);
    bf.push('endbfchar');
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...bf,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');

  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: string) =>
    `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
  const content = (ops: string) => {
    if (!streams.deflate) return stream('', streams.padding ? `${ops}\n${' '.repeat(streams.padding)}` : ops);
    return stream(
      '/Filter /FlateDecode',
      zlibWithPadding(`${ops}\n`, streams.padding ?? 0).toString('latin1'),
    );
  };

  const catalog = add('');
  const pagesObj = add('');
  const toUnicode = add(stream('', cmap));
  const descendant = add(
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestGothic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ' +
      `${objects.length + 2} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /TestGothic /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  add(
    '<< /Type /FontDescriptor /FontName /TestGothic /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines.map((l) => {
      const codes = [...l.text].map((c) => hex4(cid.get(c) ?? 0)).join('');
      return `BT /F1 ${l.size ?? 10} Tf 1 0 0 1 ${l.x} ${l.y} Tm <${codes}> Tj ET`;
    });
    const contents = add(content(ops.join('\n')));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${pageSize.width} ${pageSize.height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Lays out a digest's lines the way a PDF prints them: wrapped at `width` characters (URLs
 * included), a running header and a page number on every page, `perPage` lines a page.
 */
export function layoutDigestPdf(
  lines: string[],
  { width = 40, perPage = 30, header = 'AI政策動向マンスリー情報' } = {},
): PdfLine[][] {
  const wrapped = lines.flatMap((l) => {
    if (l.length <= width) return [l];
    // URLs break anywhere (they are one long word). In text, Latin words are kept whole (the line
    // breaks before one that does not fit) and no line starts or ends on a space, which a PDF
    // would lose: how a word processor sets mixed Japanese and English.
    const url = /^https?:/.test(l);
    const parts: string[] = [];
    let rest = l;
    while (rest.length > width) {
      let cut = width;
      if (!url) {
        // Only next to Japanese: between English words a space is what a line breaks on.
        const mixed = (i: number) => /[^ -~]/.test(rest.slice(Math.max(0, i - 2), i + 2));
        while (cut > 1 && (rest[cut] === ' ' || rest[cut - 1] === ' ') && mixed(cut)) cut--;
        const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9.,;:'’-]/.test(c);
        let start = cut;
        while (start > 0 && isWord(rest[start - 1]) && isWord(rest[start])) start--;
        if (start > 0 && start < cut) cut = start;
        if (rest[cut - 1] === ' ') {
          // The word started after a space: the line ends before it, the space goes with the break.
          parts.push(rest.slice(0, cut - 1));
          rest = rest.slice(cut);
          continue;
        }
      }
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    parts.push(rest);
    return parts;
  });
  const pages: PdfLine[][] = [];
  for (let p = 0; p * perPage < wrapped.length; p++) {
    const chunk = wrapped.slice(p * perPage, (p + 1) * perPage);
    pages.push([
      { text: header, x: 50, y: 800, size: 8 },
      ...chunk.map((text, i) => ({ text, x: 50, y: 770 - i * 22 })),
      { text: `- ${p + 1} -`, x: 280, y: 30, size: 8 },
    ]);
  }
  return pages;
}

/**
 * A zlib stream of `text` followed by `padding` spaces, made without holding the padding: one
 * compressed megabyte of spaces (a flushed raw-deflate segment needs nothing before it) repeated,
 * then the final block and the Adler-32 of the whole. A few hundred kilobytes that inflate to
 * `padding` bytes more.
 */
function zlibWithPadding(text: string, padding: number): Buffer {
  const MB = 1024 * 1024;
  const flushed = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const head = Buffer.from(text, 'latin1');
  const parts = [Buffer.from([0x78, 0xda]), flushed(head)];
  const chunk = flushed(Buffer.alloc(MB, 0x20));
  for (let left = padding; left > 0; left -= MB)
    parts.push(left >= MB ? chunk : flushed(Buffer.alloc(left, 0x20)));
  parts.push(Buffer.from([0x03, 0x00])); // an empty final block (fixed Huffman, end of block)
  // Adler-32 over the text, then over the spaces.
  let a = 1;
  let b = 0;
  for (const byte of head) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  // n spaces at once, not one by one (a few hundred million of them): a gains 32·n, and b gains
  // n·a plus 32 times 1 + 2 + … + n.
  const n = BigInt(padding);
  const m = 65521n;
  const a0 = BigInt(a);
  a = Number((a0 + 32n * n) % m);
  b = Number((BigInt(b) + n * a0 + 16n * n * (n + 1n)) % m);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(((b << 16) | a) >>> 0);
  parts.push(sum);
  return Buffer.concat(parts);
}
