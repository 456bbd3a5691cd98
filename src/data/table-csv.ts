// SPDX-License-Identifier: MIT
// (Node only) A CSV table as a header and rows of strings, read with csv-parse (quoted fields,
// embedded commas and newlines, a UTF-8 byte-order mark); errors name the file and the line.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { TableError } from './table.js';

export interface CsvTable {
  header: string[];
  rows: string[][];
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
  try {
    records = parse(text, { bom: true, skip_empty_lines: true });
  } catch (err) {
    throw new TableError(`${path}: not a readable CSV table (${(err as Error).message})`);
  }
  if (records.length === 0) throw new TableError(`${path}: empty (a table needs a header row and data rows)`);
  const header = records[0].map((h) => h.trim());
  const duplicate = header.find((h, i) => header.indexOf(h) !== i);
  if (duplicate !== undefined) throw new TableError(`${path}: the header names column '${duplicate}' twice`);
  if (header.some((h) => h === '')) throw new TableError(`${path}: column ${header.indexOf('') + 1} of the header has no name`);
  if (records.length === 1) throw new TableError(`${path}: a header and no data rows`);
  return { header, rows: records.slice(1) };
}
