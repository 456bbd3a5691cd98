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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TableError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${(err as Error).message})`);
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
