// SPDX-License-Identifier: MIT
// What several commands share: choosing the backend, loading a dataset by name or folder,
// building a model from a preset or spec file, and loading a saved model with its data settings.
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { formatNormalization, measureNormalization, type Normalization, type Preprocess, renormalize } from '../data/data-info.js';
import {
  classNamesOf, describeNonNumeric, embeddingDimFor, encodeRows, featureCount, fewNonNumeric, inferSchema, inferTask, isMissing, TableError, type TableSchema,
} from '../data/table.js';
import { readCsvTable } from '../data/table-csv.js';
import { type ImageFolderOptions, ImageFolderError, isImageFolder, loadImageFolder } from '../data/image-folder.js';
import { ImageDataset } from '../data/dataset.js';
import { DEFAULT_FASHION_MNIST_DIR, loadIdxFolderSplits } from '../data/folder.js';
import { IdxError } from '../data/idx.js';
import { loadEmbeddedMnist } from '../data/mnist.js';
import { validationSplit } from '../data/split.js';
import { initBackend } from '../kernels/index.js';
import type { LayerSpec } from '../layers/layer.js';
import type { Container } from '../layers/layer.js';
import { modelFromSpec } from '../layers/spec.js';
import { Rng } from '../tensor/rng.js';
import { isPresetName, type ModelSpec, parseModelSpec, PRESET_NAMES, presetSpec, type PresetOptions } from '../train/presets.js';
import { CliError, EXIT, fileError, mismatchError, usageError } from './errors.js';
import { ShapeError } from '../tensor/shape.js';
import type { AllocationLimit } from '../tensor/tensor.js';
import { printError } from './io.js';

export { loadSavedModel, type SavedModel } from './saved-model.js';

export const BACKENDS = ['auto', 'wasm', 'ref'] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * Starts the backend. More worker threads than the machine has cores only slow the run down,
 * so --threads is capped at the core count, with a warning (the thread count is part of what
 * makes runs bit-identical, so the warning says which count is used).
 */
export async function setupBackend(backend: BackendName, threads?: number): Promise<string> {
  const cores = availableParallelism();
  if (threads !== undefined && threads > cores) {
    printError(`nabla: warning: --threads ${threads} is more than the ${cores} cores here; using ${cores}`);
    threads = cores;
  }
  try {
    const k = await initBackend({ backend, threads });
    return k.name;
  } catch (err) {
    throw new CliError(`--backend ${backend}: ${(err as Error).message}`, EXIT.failure);
  }
}

export interface LoadedData {
  /** The name given on the command line ('mnist', 'fashion-mnist' or a folder). */
  id: string;
  /** The samples trained on (the training split less the validation split). */
  train: ImageDataset;
  /** The validation split (per-epoch figures, --patience, the best epoch), or null with --val-split 0. */
  validation: ImageDataset | null;
  /** Where the validation split comes from, for the report ('10% of mnist (embedded) train, seeded, stratified by class'). */
  validationFrom: string;
  /** The test split (the embedded MNIST's 2,000 held-out digits, an IDX folder's t10k files, a folder's test/), read only when asked; null when there is none. */
  test: ImageDataset | null;
  /** How the data were read and normalised, one line each, for the report. */
  notes: string[];
  /** How predict must prepare a new image for a model trained on these data. */
  preprocess: Preprocess;
  /** Tables: the columns, statistics and vocabularies (saved with the model). */
  table?: TableSchema;
}

export interface LoadDatasetOptions {
  /** A model's normalisation, replacing the measured one, so the model sees data as it was trained. */
  normalization?: Normalization | null;
  /** Share of the training split held back for validation (default DEFAULT_VAL_SPLIT; 0: none). Ignored when the data have their own validation split (a val/ folder). */
  valSplit?: number;
  /** Seeds the validation split. Default 0. */
  seed?: number;
  /** How image folders are read (channels, size, skipping bad files). */
  images?: ImageFolderOptions;
  /** Tables (a .csv file): the target column. */
  target?: string;
  /** Tables: a model's schema, so rows are encoded as it was trained (eval). */
  table?: TableSchema;
  /** Tables (classification): a model's classes, in its order (eval): labels index these, and the rows may hold fewer of them. */
  classNames?: readonly string[];
  /** Tables: force regression or classification (default: inferred from the target column, table.ts inferTask). */
  task?: 'regression' | 'classification';
  /** Tables, regression: skip rows without a target value (counted in a note) instead of refusing. */
  skipMissingTarget?: boolean;
  /** Tables: 'embedding' encodes categorical columns as indices for embeddings (default one-hot); a model's schema decides instead when given. */
  categorical?: 'embedding';
}

/** The share of the training split held back for validation when no separate validation data exist. */
export const DEFAULT_VAL_SPLIT = 0.1;

/** What a data source gives before the validation split and the normalisation. */
interface NamedData {
  train: ImageDataset;
  validation: ImageDataset | null;
  validationFrom?: string;
  test: ImageDataset | null;
  /** Measure the mean and std on the training split (everything but the embedded MNIST, which keeps MNIST's constants). */
  measure: boolean;
  notes: string[];
  preprocess?: Preprocess;
}

/**
 * 'mnist': the embedded 10,000 digits split 8,000 / 2,000 (the 2,000 are the test split), with
 * MNIST's usual constants. 'fashion-mnist': Debian's IDX files in /usr/share/datasets/fashion-mnist.
 * A folder: the four MNIST-format IDX files, or class subfolders of PNG / JPEG images
 * (data/image-folder.ts). The validation split is the data's own (a val/ folder) or a seeded,
 * stratified share of the training split (data/split.ts); the test split is never part of it.
 * The mean and std per channel are measured on what is trained on (the training split less the
 * validation split), unless a model's normalisation is given.
 */
export async function loadDataset(id: string, options: LoadDatasetOptions = {}): Promise<LoadedData> {
  if (/\.csv$/i.test(id)) return loadTable(id, options);
  const named = await loadNamedDataset(id, options.images ?? {});
  let { train, validation } = named;
  let validationFrom = named.validationFrom ?? '';
  const notes = [...named.notes];
  if (!validation) {
    const fraction = options.valSplit ?? DEFAULT_VAL_SPLIT;
    if (fraction === 0) {
      validationFrom = 'none (--val-split 0)';
    } else {
      const split = validationSplit(train.length, fraction, options.seed ?? 0, train.labels);
      if (split.validation.length === 0) {
        throw usageError(`--val-split ${fraction} of ${train.name}'s ${train.length} samples holds back none; give a larger share or --val-split 0 (no validation)`);
      }
      validationFrom = `${+(fraction * 100).toFixed(2)}% of ${train.name}'s ${train.length.toLocaleString('en-US')}, seeded (--seed ${options.seed ?? 0}), stratified by class`;
      validation = train.subset(split.validation, `${train.name} validation split`);
      train = train.subset(split.train);
    }
  }
  let normalization = options.normalization ?? null;
  if (!normalization && named.measure) {
    normalization = measureNormalization(train);
    notes.push(`mean and std measured on ${train.name} (${train.length.toLocaleString('en-US')} images): ${formatNormalization(normalization)}`);
  }
  const preprocess = named.preprocess ?? 'mnist';
  if (!normalization) return { id, train, validation, validationFrom, test: named.test, notes, preprocess };
  const apply = (data: ImageDataset | null) => {
    try {
      return data && renormalize(data, normalization);
    } catch (err) {
      throw mismatchError((err as Error).message);
    }
  };
  return { id, train: apply(train)!, validation: apply(validation), validationFrom, test: apply(named.test), notes, preprocess };
}

async function loadNamedDataset(id: string, images: ImageFolderOptions): Promise<NamedData> {
  try {
    if (id === 'mnist') {
      const [train, test] = await loadEmbeddedMnist();
      return { train, validation: null, test, measure: false, notes: [] };
    }
    const dir = id === 'fashion-mnist' ? DEFAULT_FASHION_MNIST_DIR : id;
    let isDir = false;
    try {
      isDir = (await stat(dir)).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) {
      const hint = id === 'fashion-mnist' ? ' (install Debian\'s dataset-fashion-mnist, or run `nabla data download fashion-mnist --dir DIR` and pass --dataset DIR)' : ' (expected mnist, fashion-mnist, a folder of IDX files or a folder of class subfolders of images)';
      throw fileError(`dataset ${id}: no folder ${dir}${hint}`);
    }
    if (id !== 'fashion-mnist' && (await isImageFolder(dir))) return await loadImages(dir, images);
    const [train, test] = await loadIdxFolderSplits(dir, { kind: id === 'fashion-mnist' ? 'fashion-mnist' : 'mnist' });
    return { train, validation: null, test, measure: true, notes: [] };
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (err instanceof IdxError || err instanceof ImageFolderError) throw fileError(err.message);
    throw fileError(`dataset ${id}: ${(err as Error).message}`);
  }
}

async function loadImages(dir: string, options: ImageFolderOptions): Promise<NamedData> {
  const data = await loadImageFolder(dir, options);
  const notes = [`images: ${data.classNames.length} classes (${listNames(data.classNames)}); ${data.notes.join('; ')}`];
  if (data.skipped.length > 0) {
    notes.push(`skipped ${data.skipped.length} unreadable file${data.skipped.length === 1 ? '' : 's'} (--skip-bad): ${data.skipped.slice(0, 3).join('; ')}${data.skipped.length > 3 ? '; …' : ''}`);
  }
  const validationFrom = data.validation ? `the folder's own ${data.validation.name.slice(dir.length + 1)}/ split` : undefined;
  return { train: data.train, validation: data.validation, validationFrom, test: data.test, measure: true, notes, preprocess: 'resize-center-crop' };
}

/**
 * A CSV table for classification: the target column's values are the classes; the validation
 * split is seeded and stratified; statistics and vocabularies come from the training rows (or
 * the model's schema). Each row becomes a feature vector [F, 1, 1].
 */
async function loadTable(path: string, options: LoadDatasetOptions): Promise<LoadedData> {
  const target = options.table?.target ?? options.target;
  if (!target) throw usageError(`${path}: a table needs --target COLUMN (the column to predict)`);
  try {
    const table = await readCsvTable(path);
    const t = table.header.indexOf(target);
    if (t < 0) {
      const delimiter = [';', '\t', '|'].find((d) => table.header.length === 1 && table.header[0].includes(d));
      const hint = delimiter ? ` (one column named '${table.header[0]}': the file looks ${delimiter === '\t' ? 'tab' : `'${delimiter}'`}-separated; tables are read comma-separated)` : '';
      throw new TableError(`${path}: no column '${target}' (--target); the columns are ${table.header.slice(0, 50).join(', ')}${table.header.length > 50 ? `, … (${table.header.length})` : ''}${hint}`);
    }
    const { header } = table;
    let { rows, lines } = table;
    // Where row i is in the file (rows without a target may be skipped below: numbers and lines stay the file's).
    let rowNumbers = rows.map((_, i) => i + 1);
    const place = (i: number) => `row ${rowNumbers[i]} (line ${lines[i]})`;
    const notes: string[] = [];
    const chosen = options.table ? { task: options.table.task ?? 'classification', why: 'as the model was trained' } : options.task ? { task: options.task, why: `--task ${options.task}` } : null;
    const missingTarget = rows.flatMap((row, i) => (isMissing(row[t]) ? [i] : []));
    if (missingTarget.length > 0) {
      const first = missingTarget[0];
      if (!options.skipMissingTarget) {
        throw new TableError(`${path}: ${place(first)} has no value in the target column '${target}'${missingTarget.length > 1 ? ` (${missingTarget.length} rows have none)` : ''}; remove them or give --skip-missing-target`);
      }
      notes.push(`skipped ${missingTarget.length} row${missingTarget.length === 1 ? '' : 's'} without a target value (--skip-missing-target; the first is ${place(first)})`);
      const keep = rows.map((row) => !isMissing(row[t]));
      rows = rows.filter((_, i) => keep[i]);
      lines = lines.filter((_, i) => keep[i]);
      rowNumbers = rowNumbers.filter((_, i) => keep[i]);
      if (rows.length === 0) throw new TableError(`${path}: no row has a value in the target column '${target}'`);
    }
    const values = rows.map((row) => row[t].trim());
    const { task, why } = chosen ?? inferTask(values);
    const typos = chosen || task === 'regression' ? null : fewNonNumeric(values);
    if (typos) {
      throw new TableError(`${path}: the target column '${target}' is numbers but for a few cells (${describeNonNumeric(typos, place)}): ` +
        'fix them for a regression, or give --task classification to read every value as a class');
    }
    // A resumed run splits as it was started (same --val-split and --seed); eval asks for 0.
    const fraction = options.valSplit ?? DEFAULT_VAL_SPLIT;
    const seed = options.seed ?? 0;
    let labels: Int32Array;
    let classNames: string[];
    let targets: Float32Array | undefined;
    let targetScale: { mean: number; std: number } | undefined;
    let split;
    let taskNote: string;
    if (task === 'regression') {
      const numbers = values.map((v, i) => {
        const x = Number(v);
        if (v === '' || !Number.isFinite(x)) throw new TableError(`${path}: ${place(i)}, target column '${target}': '${v}' is not a number (regression needs numeric targets)`);
        return x;
      });
      // Random, seeded, not stratified: a number has no classes to balance.
      split = validationSplit(rows.length, fraction, seed);
      const scale = options.table ? { mean: options.table.targetMean!, std: options.table.targetStd! } : meanStd(numbers, split.train);
      targetScale = scale;
      targets = Float32Array.from(numbers, (x) => (x - scale.mean) / scale.std);
      labels = new Int32Array(rows.length);
      classNames = [target];
      taskNote = `task: regression (${why}${chosen ? '' : '; --task classification forces classes'}): one output, MSELoss on the target standardised with mean ${formatNumber(scale.mean)} and std ${formatNumber(scale.std)}${options.table ? '' : ' of the training rows'}, reported as RMSE and MAE in its units`;
    } else {
      classNames = options.classNames ? [...options.classNames] : classNamesOf(values);
      if (!options.classNames && classNames.length < 2) throw new TableError(`${path}: the target column '${target}' holds one value (${classNames[0]}); a classifier needs at least 2 classes`);
      labels = Int32Array.from(values, (v, i) => {
        const k = classNames.indexOf(v);
        if (k < 0) throw new TableError(`${path}: ${place(i)}, target column '${target}': '${v}' is not one of the model's classes (${listNames(classNames)})`);
        return k;
      });
      split = validationSplit(rows.length, fraction, seed, labels);
      taskNote = `task: classification (${why}${chosen ? '' : '; --task regression forces a number'})`;
    }
    const schemaNotes: string[] = [];
    const inferred = options.table ?? { ...inferSchema(header, rows, target, split.train, path, schemaNotes, place), ...(options.categorical ? { categorical: options.categorical } : {}) };
    const schema: TableSchema = task === 'regression' && !options.table ? { ...inferred, target, task: 'regression', targetMean: targetScale!.mean, targetStd: targetScale!.std } : inferred;
    const encoded = encodeRows(schema, header, rows, path);
    const F = featureCount(schema);
    const all = new ImageDataset({ name: path, images: encoded.features, labels, imageShape: [F, 1, 1], numClasses: classNames.length, classNames, targets, targetScale });
    notes.unshift(
      `table: ${rows.length.toLocaleString('en-US')} rows, target '${target}' (${task === 'regression' ? 'a number' : `${classNames.length} classes: ${listNames(classNames)}`}); ` +
        describeColumns(schema) +
        ` → ${F} features`,
      taskNote,
      ...schemaNotes,
    );
    for (const [column, count] of encoded.missing) notes.push(`missing values: column '${column}', ${count} row${count === 1 ? '' : 's'} (${schema.columns.find((c) => c.name === column)?.kind === 'numeric' ? 'the training mean' : 'no category'} used)`);
    for (const [column, seen] of encoded.unseen) notes.push(`categories not seen in training: column '${column}': ${[...seen].slice(0, 5).map(([v, row]) => `'${v}' (row ${row})`).join(', ')} (encoded as no category)`);
    const validation = split.validation.length > 0 ? all.subset(split.validation, `${path} validation split`) : null;
    if (fraction > 0 && !validation) throw usageError(`--val-split ${fraction} of ${path}'s ${rows.length} rows holds back none; give a larger share or --val-split 0`);
    const how = task === 'regression' ? 'random (not stratified: the target is a number)' : 'stratified by class';
    const validationFrom = validation ? `${+(fraction * 100).toFixed(2)}% of ${path}'s ${rows.length.toLocaleString('en-US')} rows, seeded (--seed ${seed}), ${how}` : 'none (--val-split 0)';
    return { id: path, train: validation ? all.subset(split.train) : all, validation, validationFrom, test: null, notes, preprocess: 'table', table: schema };
  } catch (err) {
    if (err instanceof TableError) throw fileError(err.message);
    throw err;
  }
}

/** Mean and std (population; 1 when constant) of values at the given indices. */
function meanStd(values: number[], at: ArrayLike<number>): { mean: number; std: number } {
  let sum = 0;
  for (let i = 0; i < at.length; i++) sum += values[at[i]];
  const mean = sum / Math.max(at.length, 1);
  let sq = 0;
  for (let i = 0; i < at.length; i++) sq += (values[at[i]] - mean) ** 2;
  const std = Math.sqrt(sq / Math.max(at.length, 1));
  return { mean, std: std > 1e-12 ? std : 1 };
}

/** A number with 6 significant digits, without trailing zeros. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function listNames(names: string[]): string {
  return names.length <= 6 ? names.join(', ') : `${names.slice(0, 5).join(', ')}, … ${names.at(-1)}`;
}

/** A preset name or a JSON spec file, as layer specs for the given data shape. */
export async function resolveModelSpec(model: string, options: PresetOptions): Promise<ModelSpec> {
  if (isPresetName(model)) return presetSpec(model, options);
  if (!model.endsWith('.json')) throw usageError(`--model must be a preset (${PRESET_NAMES.join(', ')}) or a .json spec file, got '${model}'`);
  let text: string;
  try {
    text = await readFile(model, 'utf8');
  } catch {
    throw fileError(`${model}: no such file (a model spec is a JSON list of layers)`);
  }
  try {
    return parseModelSpec(text, model, options.inputShape);
  } catch (err) {
    if (err instanceof ShapeError) throw mismatchError(`the model does not fit the data (one example is [${options.inputShape?.join(', ')}]): ${err.message}`);
    throw fileError((err as Error).message);
  }
}

/** The model of a spec; `inputShape` (one example's [C, H, W]) lets sizes be inferred and checks every shape. */
export function buildModel(spec: LayerSpec[] | LayerSpec, seed: number, inputShape?: readonly number[], limit: AllocationLimit = {}): Container {
  try {
    return modelFromSpec(spec, { ...limit, rng: new Rng(seed), inputShape: inputShape ? [1, ...inputShape] : undefined });
  } catch (err) {
    throw usageError((err as Error).message);
  }
}

/** Runs fn; an error from a layer's shape check becomes a 'model does not fit the data' error. */
export function checkFit<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asMismatch(what, err);
  }
}

/** checkFit for asynchronous work (fit). */
export async function checkFitAsync<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asMismatch(what, err);
  }
}

function asMismatch(what: string, err: unknown): unknown {
  if (err instanceof CliError || !(err instanceof Error)) return err;
  if (/Sequential layer|Graph node|the model outputs|expected|shape/i.test(err.message)) return mismatchError(`the model does not fit ${what}: ${err.message}`);
  return err;
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** The columns as the table line lists them: the first 20 one by one, then how many more of each kind. */
function describeColumns(schema: TableSchema): string {
  const SHOWN = 20;
  const one = (c: TableSchema['columns'][number]) => (c.kind === 'numeric' ? `${c.name} (numeric, standardised)`
    : `${c.name} (${c.categories.length} categories, ${schema.categorical === 'embedding' ? `an index for an embedding of width ${embeddingDimFor(c.categories.length + 1)}` : 'one-hot'})`);
  const listed = schema.columns.slice(0, SHOWN).map(one).join(', ');
  const rest = schema.columns.slice(SHOWN);
  if (rest.length === 0) return listed;
  const numeric = rest.filter((c) => c.kind === 'numeric').length;
  return `${listed} and ${rest.length} more (${numeric} numeric, ${rest.length - numeric} categorical)`;
}
