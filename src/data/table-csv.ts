// SPDX-License-Identifier: MIT
// (Node only) A CSV table as a header and rows of strings, read with csv-parse (quoted fields,
// embedded commas and newlines, a UTF-8 byte-order mark); errors name the file and the line.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { TableError } from './table.js';

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The line (1-based) each row starts on: a quoted field may hold line breaks, and empty lines are skipped. */
  lines: number[];
}

export async function readCsvTable(path: string): Promise<CsvTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TableError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${(err as Error).message})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.min(firstInvalidUtf8(bytes), bytes.length - 1);
    const line = 1 + bytes.subarray(0, at).filter((b) => b === 0x0a).length;
    throw new TableError(`${path}: not UTF-8 text (byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at}, line ${line}: ` +
      'saved in another encoding such as Latin-1 or Windows-1252?); save the table as UTF-8');
  }
  let records: string[][];
  let lines: number[];
  try {
    const parsed = parse(text, { bom: true, skip_empty_lines: true, raw: true }) as unknown as { record: string[]; raw: string }[];
    records = parsed.map((p) => p.record);
    // Each record's raw text, skipped empty lines first: its first line is 1 + the line breaks before it
    // (counted here: csv-parse's own count takes a CRLF inside a quoted field for two).
    const breaks = (t: string) => t.match(/\r\n|\n|\r/g)?.length ?? 0;
    let before = 0;
    lines = parsed.map((p) => {
      const start = before + breaks(/^(?:\r\n|\n|\r)*/.exec(p.raw)![0]) + 1;
      before += breaks(p.raw);
      return start;
    });
  } catch (err) {
    throw new TableError(`${path}: not a readable CSV table (${(err as Error).message})`);
  }
  if (records.length === 0) throw new TableError(`${path}: empty (a table needs a header row and data rows)`);
  const header = records[0].map((h) => h.trim());
  const duplicate = header.find((h, i) => header.indexOf(h) !== i);
  if (duplicate !== undefined) throw new TableError(`${path}: the header names column '${duplicate}' twice`);
  if (header.some((h) => h === '')) throw new TableError(`${path}: column ${header.indexOf('') + 1} of the header has no name`);
  if (records.length === 1) throw new TableError(`${path}: a header and no data rows`);
  return { header, rows: records.slice(1), lines: lines.slice(1) };
}

/** The offset of the first byte that does not continue a valid UTF-8 sequence (bytes.length if none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}
