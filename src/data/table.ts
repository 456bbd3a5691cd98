// SPDX-License-Identifier: MIT
// Tables for classification: which columns are numeric and which categorical, the statistics
// and vocabularies measured on the training rows, and rows encoded as feature vectors — numeric
// columns standardised ((v − mean) / std, a missing value becomes the mean, i.e. 0), categorical
// ones one-hot over the training vocabulary (a missing or unseen category is all zeros), or, for
// a model that embeds them (categorical: 'embedding'), one index per column after the numeric
// features: 1 + the category's place in the vocabulary, 0 for a missing or unseen one (the
// embedding's zero padding row, as all zeros in one-hot). The schema is saved in the model file
// (data-info.ts) so predict encodes new rows the same way.
// No parsing here (data/table-csv.ts reads the file): rows are arrays of strings.

/** Cells read as missing: empty, NA, N/A, NaN, null, None, ? (case-insensitive, trimmed). */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);
/** A categorical column with more distinct values than this is refused (an id or free text?). */
export const MAX_CATEGORIES = 1000;

export function isMissing(cell: string | undefined): boolean {
  return cell === undefined || MISSING.has(cell.trim().toLowerCase());
}

export interface NumericColumn {
  name: string;
  kind: 'numeric';
  mean: number;
  std: number;
}

export interface CategoricalColumn {
  name: string;
  kind: 'categorical';
  categories: string[];
}

export type TableColumn = NumericColumn | CategoricalColumn;

export interface TableSchema {
  /** The target column's name; its values are the class names (classification). */
  target: string;
  /** 'regression' when the target is a number predicted by one output; absent for classification. */
  task?: 'regression';
  /** Regression: the target's mean and std on the training rows; the model predicts (y − mean) / std. */
  targetMean?: number;
  targetStd?: number;
  /** The feature columns in order (every column but the target). */
  columns: TableColumn[];
  /** 'embedding': categorical columns as indices for Embedding layers (see the top of this file); absent: one-hot. */
  categorical?: 'embedding';
}

export class TableError extends Error {
  override name = 'TableError';
}

/** Features per row: 1 per numeric column; one per category of a categorical one (one-hot), or 1 (embedding). */
export function featureCount(schema: TableSchema): number {
  const embedded = schema.categorical === 'embedding';
  return schema.columns.reduce((n, c) => n + (c.kind === 'numeric' || embedded ? 1 : c.categories.length), 0);
}

/**
 * Where each column starts in the feature row. One-hot: in column order, a categorical column
 * taking one slot per category. Embedding: the numeric columns first (in order), then one index
 * slot per categorical column (in order), so a model can narrow the row into the two parts.
 */
export function featureOffsets(schema: TableSchema): number[] {
  if (schema.categorical === 'embedding') {
    const numeric = schema.columns.filter((c) => c.kind === 'numeric').length;
    let p = 0;
    let k = numeric;
    return schema.columns.map((c) => (c.kind === 'numeric' ? p++ : k++));
  }
  let f = 0;
  return schema.columns.map((c) => {
    const at = f;
    f += c.kind === 'numeric' ? 1 : c.categories.length;
    return at;
  });
}

/**
 * The embedding width of a categorical column with n rows in its table (its categories plus the
 * padding row for missing and unseen values): fastai's rule, min(600, round(1.6·n^0.56)).
 */
export function embeddingDimFor(n: number): number {
  return Math.min(600, Math.round(1.6 * n ** 0.56));
}

/**
 * The schema of a table from its training rows (`train`: row indices): a column is numeric when
 * every non-missing cell of it (in all rows) is a finite number, else categorical; means, stds
 * and vocabularies (sorted) come from the training rows only.
 */
export function inferSchema(header: string[], rows: string[][], target: string, train: ArrayLike<number>, file: string, notes: string[] = [], place = rowPlace): TableSchema {
  const columns: TableColumn[] = [];
  header.forEach((name, j) => {
    if (name === target) return;
    const numeric = rows.every((row) => isMissing(row[j]) || Number.isFinite(Number(row[j].trim())));
    const typos = numeric ? null : fewNonNumeric(rows.map((row) => row[j]));
    if (typos) {
      notes.push(`column '${name}' is read as categories because ${describeNonNumeric(typos, place)}: if it holds numbers, fix ${typos.cells.length === 1 ? 'that cell' : 'those cells'} or leave ${typos.cells.length === 1 ? 'it' : 'them'} empty (missing)`);
    }
    if (numeric) {
      let sum = 0;
      let sumSq = 0;
      let n = 0;
      for (let t = 0; t < train.length; t++) {
        const cell = rows[train[t]][j];
        if (isMissing(cell)) continue;
        const v = Number(cell.trim());
        sum += v;
        sumSq += v * v;
        n++;
      }
      const mean = n > 0 ? sum / n : 0;
      const std = n > 0 ? Math.sqrt(Math.max(sumSq / n - mean * mean, 0)) : 0;
      columns.push({ name, kind: 'numeric', mean, std: std > 1e-12 ? std : 1 });
      return;
    }
    const seen = new Set<string>();
    for (let t = 0; t < train.length; t++) {
      const cell = rows[train[t]][j];
      if (!isMissing(cell)) seen.add(cell.trim());
    }
    if (seen.size > MAX_CATEGORIES) throw new TableError(`${file}: column '${name}' has ${seen.size} distinct values, more than ${MAX_CATEGORIES} categories (an id or free text? drop it from the table)`);
    columns.push({ name, kind: 'categorical', categories: [...seen].sort() });
  });
  if (columns.length === 0) throw new TableError(`${file}: no feature columns besides the target '${target}'`);
  return { target, columns };
}

export interface Encoded {
  /** Features [rows, featureCount]. */
  features: Float32Array;
  /** Missing cells per column name. */
  missing: Map<string, number>;
  /** Unseen categories per column name: the values and the first row (1-based data row) of each. */
  unseen: Map<string, Map<string, number>>;
}

/**
 * Encodes rows by the schema. `header` is the file's own (its columns may come in another order;
 * the target may be absent). A feature column the file lacks is an error naming it.
 */
export function encodeRows(schema: TableSchema, header: string[], rows: string[][], file: string): Encoded {
  const at = schema.columns.map((c) => {
    const j = header.indexOf(c.name);
    if (j < 0) throw new TableError(`${file}: no column '${c.name}' (the model reads ${schema.columns.map((k) => k.name).join(', ')})`);
    return j;
  });
  const F = featureCount(schema);
  const offsets = featureOffsets(schema);
  const embedded = schema.categorical === 'embedding';
  const features = new Float32Array(rows.length * F);
  const missing = new Map<string, number>();
  const unseen = new Map<string, Map<string, number>>();
  rows.forEach((row, i) => {
    schema.columns.forEach((c, k) => {
      const f = i * F + offsets[k];
      const cell = row[at[k]];
      const absent = isMissing(cell);
      if (absent) missing.set(c.name, (missing.get(c.name) ?? 0) + 1);
      if (c.kind === 'numeric') {
        const v = absent ? c.mean : Number(cell.trim());
        if (!Number.isFinite(v)) throw new TableError(`${file}: row ${i + 1}, column '${c.name}': '${cell}' is not a number (the column is numeric)`);
        features[f] = (v - c.mean) / c.std;
        return;
      }
      const index = absent ? -1 : c.categories.indexOf(cell.trim());
      if (!absent && index < 0) {
        const values = unseen.get(c.name) ?? new Map<string, number>();
        if (!values.has(cell.trim())) values.set(cell.trim(), i + 1);
        unseen.set(c.name, values);
      }
      if (embedded) features[f] = index + 1; // 0: missing or unseen (the padding row)
      else if (index >= 0) features[f + index] = 1;
    });
  });
  return { features, missing, unseen };
}

/** The class names of a target column: sorted numerically when every value is an integer, else as text. */
export function classNamesOf(values: string[]): string[] {
  const distinct = [...new Set(values)];
  const integers = distinct.every((v) => /^[+-]?\d+$/.test(v));
  return integers ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
}

/** A regression target has at least this many distinct values when inferred (fewer: classes). */
export const MIN_REGRESSION_VALUES = 20;

/** The non-numeric cells of a column that is otherwise numbers (rows are 0-based indices), when they look like typos. */
export interface NonNumeric {
  /** The first few (at most 5) non-numeric, non-missing cells. */
  cells: { row: number; value: string }[];
  count: number;
  /** Non-missing cells in all. */
  total: number;
}

/**
 * The non-numeric cells of a column when they are few among many numbers (at least 10 numbers,
 * at most 2% of the values or 3 cells): a typo ('1O2.5', 'oops', 'Infinity') more likely than
 * categories. Null otherwise (all numbers, or a column of words).
 */
export function fewNonNumeric(cells: readonly string[]): NonNumeric | null {
  const bad: { row: number; value: string }[] = [];
  let total = 0;
  let count = 0;
  cells.forEach((cell, row) => {
    if (isMissing(cell)) return;
    total++;
    if (Number.isFinite(Number(cell.trim()))) return;
    count++;
    if (bad.length < 5) bad.push({ row, value: cell.trim() });
  });
  const numbers = total - count;
  return count > 0 && numbers >= 10 && count <= Math.max(3, 0.02 * total) ? { cells: bad, count, total } : null;
}

/** 'row 17 (line 18)' for row index 16 of a file whose rows are one line each after its header. */
export function rowPlace(row: number): string {
  return `row ${row + 1} (line ${row + 2})`;
}

/** '1 of its 200 values is not a finite number: row 17 (line 18) 'oops''; place(row) says where a row index is in the file. */
export function describeNonNumeric(t: NonNumeric, place = rowPlace): string {
  const list = t.cells.map((c) => `${place(c.row)} '${c.value}'`).join(', ');
  return `${t.count} of its ${t.total} values ${t.count === 1 ? 'is' : 'are'} not a finite number: ${list}${t.count > t.cells.length ? ', …' : ''}`;
}

/**
 * Classification or regression for a target column's (non-missing, trimmed) values, and why:
 * regression when every value is a finite number and there are at least MIN_REGRESSION_VALUES
 * distinct ones, or some are not integers; classes otherwise (text, or a few integer codes).
 */
export function inferTask(values: string[]): { task: 'regression' | 'classification'; why: string } {
  const distinct = new Set(values);
  const numeric = [...distinct].every((v) => v !== '' && Number.isFinite(Number(v)));
  if (!numeric) return { task: 'classification', why: 'its values are not all numbers' };
  const integers = [...distinct].every((v) => /^[+-]?\d+$/.test(v));
  if (!integers && distinct.size > 2) return { task: 'regression', why: `numeric with ${distinct.size} distinct values, not all integers` };
  if (distinct.size >= MIN_REGRESSION_VALUES) return { task: 'regression', why: `numeric with ${distinct.size} distinct values (≥ ${MIN_REGRESSION_VALUES})` };
  return { task: 'classification', why: `${integers ? 'integers' : 'numbers'} with only ${distinct.size} distinct values (< ${MIN_REGRESSION_VALUES}: read as class codes)` };
}

/** Checks a schema read from a file; `bad(field, expected, got)` throws naming the field. */
export function parseTableSchema(value: unknown, bad: (field: string, expected: string, got: unknown) => never): TableSchema {
  if (typeof value !== 'object' || value === null) return bad('table', '{target, columns}', value);
  const { target, columns } = value as Record<string, unknown>;
  if (typeof target !== 'string' || target.length === 0) bad('table.target', 'a column name', target);
  if (!Array.isArray(columns) || columns.length === 0) return bad('table.columns', 'a non-empty list of columns', columns);
  const parsed = columns.map((c, i): TableColumn => {
    const where = `table.columns[${i}]`;
    if (typeof c !== 'object' || c === null || typeof c.name !== 'string') return bad(where, '{name, kind, ...}', c);
    if (c.kind === 'numeric') {
      if (typeof c.mean !== 'number' || !Number.isFinite(c.mean)) bad(`${where}.mean`, 'a finite number', c.mean);
      if (typeof c.std !== 'number' || !(c.std > 0) || !Number.isFinite(c.std)) bad(`${where}.std`, 'a finite number > 0', c.std);
      return { name: c.name, kind: 'numeric', mean: c.mean, std: c.std };
    }
    if (c.kind === 'categorical') {
      if (!Array.isArray(c.categories) || c.categories.length > MAX_CATEGORIES || c.categories.some((v: unknown) => typeof v !== 'string')) {
        bad(`${where}.categories`, `a list of at most ${MAX_CATEGORIES} strings`, c.categories);
      }
      return { name: c.name, kind: 'categorical', categories: [...c.categories] };
    }
    return bad(`${where}.kind`, "'numeric' or 'categorical'", c.kind);
  });
  const { task, targetMean, targetStd, categorical } = value as Record<string, unknown>;
  if (categorical !== undefined && categorical !== 'embedding') bad('table.categorical', "'embedding' or absent (one-hot)", categorical);
  const encoding = categorical === 'embedding' ? { categorical: 'embedding' as const } : {};
  if (task === undefined) return { target: target as string, columns: parsed, ...encoding };
  if (task !== 'regression') return bad('table.task', "'regression' or absent", task);
  if (typeof targetMean !== 'number' || !Number.isFinite(targetMean)) bad('table.targetMean', 'a finite number', targetMean);
  if (typeof targetStd !== 'number' || !(targetStd > 0) || !Number.isFinite(targetStd)) bad('table.targetStd', 'a finite number > 0', targetStd);
  return { target: target as string, task, targetMean: targetMean as number, targetStd: targetStd as number, columns: parsed, ...encoding };
}
