// SPDX-License-Identifier: MIT
// The data settings a model needs for predicting, in one schema that every file Nabla writes
// carries (weights files, checkpoints, imported models, exported ONNX metadata) under the key
// 'nabla.data': the input shape, the normalisation per channel, the class names and the dataset
// the model was trained on. Reading validates every field (type, finiteness, range) and names
// the field at fault. The schema and how to extend it: docs/data-info.md.
import { ImageDataset } from './dataset.js';
import { featureCount, parseTableSchema, type TableSchema } from './table.js';

export const DATA_INFO_KEY = 'nabla.data';
/** Bumped only when a reader of the previous version would misread a file of the new one. */
export const DATA_INFO_SCHEMA = 1;

/** Largest input shape accepted from a file: 4 dims, 2^28 values per example. */
const MAX_RANK = 4;
const MAX_INPUT_VALUES = 2 ** 28;
const MAX_CLASSES = 2 ** 20;
const MAX_NAME_LENGTH = 1000;

/** x = (raw / 255 − mean[c]) / std[c] for a value of channel c (raw 0..255 for images). */
export interface Normalization {
  mean: number[];
  std: number[];
}

export interface DataInfo {
  schema: typeof DATA_INFO_SCHEMA;
  /** What the model was trained on: 'mnist', 'fashion-mnist', a folder, or null when unknown (imported). */
  dataset: string | null;
  /** One example's shape without the batch: [C, H, W] for images, [features] for tables. */
  inputShape: number[];
  numClasses: number;
  /** One name per class ('0'…'9' for digits). */
  classNames: string[];
  /** One mean and one std per channel (inputShape[0] values each), or null when unknown. */
  normalization: Normalization | null;
  /**
   * How a new image is brought to inputShape: 'resize-center-crop' (image folders: shorter side
   * resized, centre cropped, 1 or 3 channels, as torchvision's Resize + CenterCrop), or 'mnist'
   * (the default, also when absent: gray, inverted when dark on light, area-resized; predict's --center).
   */
  preprocess?: Preprocess;
  /** Tables (preprocess 'table'): the feature columns with their statistics and vocabularies, and the target. */
  table?: TableSchema;
}

export const PREPROCESS = ['mnist', 'resize-center-crop', 'table'] as const;
export type Preprocess = (typeof PREPROCESS)[number];

export class DataInfoError extends Error {
  override name = 'DataInfoError';
}

/** The data settings of a dataset a model is trained on (one mean and std per channel). */
export function dataInfoOf(data: ImageDataset, dataset: string | null, preprocess: Preprocess = 'mnist'): DataInfo {
  return {
    schema: DATA_INFO_SCHEMA,
    dataset,
    inputShape: [...data.imageShape],
    numClasses: data.numClasses,
    classNames: [...data.classNames],
    normalization: { mean: [...data.channelMean], std: [...data.channelStd] },
    ...(preprocess === 'mnist' ? {} : { preprocess }),
  };
}

/** The metadata entry to store with a model (safetensors metadata, ONNX metadata_props). */
export function dataInfoMetadata(info: DataInfo): Record<string, string> {
  return { [DATA_INFO_KEY]: JSON.stringify(parseDataInfo(info, 'data info')) };
}

/** The data info in a file's metadata, validated; null when the file has none. */
export function readDataInfo(metadata: Record<string, string>, file = '<buffer>'): DataInfo | null {
  const raw = metadata[DATA_INFO_KEY];
  if (raw === undefined) return null;
  const where = `${file}: metadata ${DATA_INFO_KEY}`;
  if (typeof raw !== 'string') throw new DataInfoError(`${where} must be a JSON string`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new DataInfoError(`${where} is not valid JSON (${(err as Error).message})`);
  }
  return parseDataInfo(json, where);
}

/**
 * Checks a data info object field by field and returns a clean copy. Also reads the first
 * layout (before the schema field: `imageShape`, one scalar `mean` and `std`). Unknown fields
 * are ignored, so files from a newer Nabla that added fields still load.
 */
export function parseDataInfo(value: unknown, where = 'data info'): DataInfo {
  const bad = (field: string, expected: string, got: unknown): never => {
    throw new DataInfoError(`${where}: ${field} must be ${expected}, got ${describe(got)}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('the value', 'a JSON object', value);
  const v = value as Record<string, unknown>;
  const legacy = v.schema === undefined;
  if (!legacy && v.schema !== DATA_INFO_SCHEMA) {
    return bad('schema', `${DATA_INFO_SCHEMA} (this Nabla reads schema ${DATA_INFO_SCHEMA}; the file is newer or damaged)`, v.schema);
  }
  const shapeField = legacy ? 'imageShape' : 'inputShape';
  const inputShape = v[shapeField];
  if (!Array.isArray(inputShape) || inputShape.length < 1 || inputShape.length > MAX_RANK) {
    return bad(shapeField, `a list of 1 to ${MAX_RANK} positive integers`, inputShape);
  }
  let values = 1;
  inputShape.forEach((d, i) => {
    if (!Number.isSafeInteger(d) || (d as number) < 1) bad(`${shapeField}[${i}]`, 'a positive integer', d);
    values *= d as number;
  });
  if (values > MAX_INPUT_VALUES) bad(shapeField, `at most ${MAX_INPUT_VALUES} values per example`, inputShape);
  const numClasses = v.numClasses;
  if (!Number.isSafeInteger(numClasses) || (numClasses as number) < 1 || (numClasses as number) > MAX_CLASSES) {
    bad('numClasses', `an integer from 1 to ${MAX_CLASSES}`, numClasses);
  }
  const classNames = v.classNames;
  if (!Array.isArray(classNames) || classNames.length !== numClasses) bad('classNames', `a list of ${numClasses} names`, classNames);
  (classNames as unknown[]).forEach((name, i) => {
    if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH) bad(`classNames[${i}]`, `a string of at most ${MAX_NAME_LENGTH} characters`, name);
  });
  const dataset = v.dataset ?? null;
  if (dataset !== null && (typeof dataset !== 'string' || dataset.length === 0 || dataset.length > MAX_NAME_LENGTH)) {
    bad('dataset', `null or a non-empty string of at most ${MAX_NAME_LENGTH} characters`, dataset);
  }
  const channels = inputShape[0] as number;
  const normalization = legacy ? legacyNormalization(v, channels, bad) : parseNormalization(v.normalization, channels, bad);
  const preprocess = v.preprocess ?? 'mnist';
  if (!(PREPROCESS as readonly unknown[]).includes(preprocess)) bad('preprocess', `one of ${PREPROCESS.join(', ')}`, preprocess);
  if (preprocess === 'resize-center-crop' && (inputShape.length !== 3 || ![1, 3].includes(channels) || inputShape[1] !== inputShape[2])) {
    bad('inputShape', 'a square [C, S, S] with C = 1 or 3 for preprocess resize-center-crop', inputShape);
  }
  const table = preprocess === 'table' ? parseTableSchema(v.table, bad) : undefined;
  if (table && featureCount(table) !== channels) bad('table.columns', `columns encoding to inputShape[0] = ${channels} features`, `${featureCount(table)} features`);
  return {
    schema: DATA_INFO_SCHEMA,
    dataset: dataset as string | null,
    inputShape: [...(inputShape as number[])],
    numClasses: numClasses as number,
    classNames: [...(classNames as string[])],
    normalization,
    ...(preprocess === 'mnist' ? {} : { preprocess: preprocess as Preprocess }),
    ...(table ? { table } : {}),
  };
}

type Bad = (field: string, expected: string, got: unknown) => never;

function parseNormalization(value: unknown, channels: number, bad: Bad): Normalization | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return bad('normalization', 'null or {mean: [...], std: [...]}', value);
  const { mean, std } = value as Record<string, unknown>;
  const list = (field: string, x: unknown, positive: boolean): number[] => {
    if (!Array.isArray(x) || x.length !== channels) return bad(`normalization.${field}`, `a list of ${channels} numbers (one per channel)`, x);
    x.forEach((n, i) => {
      if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > 1e6 || (positive && !(n >= 1e-12))) {
        bad(`normalization.${field}[${i}]`, positive ? 'a finite number ≥ 1e-12' : 'a finite number of magnitude ≤ 1e6', n);
      }
    });
    return [...(x as number[])];
  };
  return { mean: list('mean', mean, false), std: list('std', std, true) };
}

function legacyNormalization(v: Record<string, unknown>, channels: number, bad: Bad): Normalization {
  const { mean, std } = v;
  if (typeof mean !== 'number' || !Number.isFinite(mean) || Math.abs(mean) > 1e6) bad('mean', 'a finite number', mean);
  if (typeof std !== 'number' || !Number.isFinite(std) || !(std >= 1e-12) || std > 1e6) bad('std', 'a finite number ≥ 1e-12', std);
  return { mean: new Array<number>(channels).fill(mean as number), std: new Array<number>(channels).fill(std as number) };
}

function describe(x: unknown): string {
  if (typeof x === 'number') return String(x); // NaN, Infinity and -Infinity by name
  if (x === undefined) return 'nothing';
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** 'mean 0.1307, std 0.3081' (one value per channel), or 'unknown'. */
export function formatNormalization(n: Normalization | null): string {
  if (!n) return 'unknown';
  return `mean ${n.mean.join(', ')}, std ${n.std.join(', ')}`;
}

/**
 * The dataset normalised as `n` says instead of with its own mean and std (so a model sees data
 * the way it was trained): x' = (x·std[c] + mean[c] − n.mean[c]) / n.std[c] per channel c.
 * Returns the dataset itself when the two agree. `n` has one value per channel (or one for all).
 */
export function renormalize(data: ImageDataset, n: Normalization): ImageDataset {
  const [C, H, W] = data.imageShape;
  const pick = (list: number[], c: number) => (list.length === 1 ? list[0] : list[c]);
  if (n.mean.length !== n.std.length || (n.mean.length !== 1 && n.mean.length !== C)) {
    throw new DataInfoError(`${data.name}: a normalisation for ${n.mean.length} channels (${formatNormalization(n)}) does not fit images of ${C} channels`);
  }
  const mean = Array.from({ length: C }, (_, c) => pick(n.mean, c));
  const std = Array.from({ length: C }, (_, c) => pick(n.std, c));
  if (mean.every((m, c) => m === data.channelMean[c]) && std.every((s, c) => s === data.channelStd[c])) return data;
  const describe = { name: data.name, labels: data.labels, imageShape: data.imageShape, numClasses: data.numClasses, classNames: data.classNames, mean, std };
  if (data.pixels) {
    // Bytes: the same map applied to the 256 values of each channel's table (the pixels stay as they are).
    const old = data.pixels.table;
    const table = new Float32Array(old.length);
    for (let i = 0; i < table.length; i++) {
      const c = Math.floor(i / 256);
      table[i] = (old[i] * data.channelStd[c] + data.channelMean[c] - mean[c]) / std[c];
    }
    return new ImageDataset({ ...describe, pixels: { ...data.pixels, table } });
  }
  const images = new Float32Array(data.images.length);
  const plane = H * W;
  for (let i = 0; i < images.length; i++) {
    const c = Math.floor(i / plane) % C;
    images[i] = (data.images[i] * data.channelStd[c] + data.channelMean[c] - mean[c]) / std[c];
  }
  return new ImageDataset({ ...describe, images });
}

/**
 * Per-channel mean and standard deviation of the raw pixels (raw/255) of a dataset, rounded to 4
 * decimals (as the usual constants 0.1307, 0.3081 are): the statistics a model trained on it is
 * normalised with. Read back through the dataset's own normalisation, in float64, in one pass
 * over the samples (a dataset of bytes is read record by record, never held as floats).
 */
export function measureNormalization(data: ImageDataset): Normalization {
  const [C, H, W] = data.imageShape;
  const plane = H * W;
  const sum = new Float64Array(C);
  const sumSq = new Float64Array(C);
  const add = (c: number, v: number) => {
    sum[c] += v;
    sumSq[c] += v * v;
  };
  if (data.pixels) {
    const { store, table } = data.pixels;
    // raw[c·256 + byte]: the value the old float path read back from the float32 table entry
    const raw = Float64Array.from(table, (x, i) => x * data.channelStd[Math.floor(i / 256)] + data.channelMean[Math.floor(i / 256)]);
    for (let j = 0; j < data.length; j++) {
      const bytes = store.record(data.recordOf(j));
      for (let i = 0; i < bytes.length; i++) {
        const c = Math.floor(i / plane);
        add(c, raw[c * 256 + bytes[i]]);
      }
    }
  } else {
    for (let i = 0; i < data.images.length; i++) {
      const c = Math.floor(i / plane) % C;
      add(c, data.images[i] * data.channelStd[c] + data.channelMean[c]);
    }
  }
  const count = data.length * plane;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const mean = Array.from(sum, (s) => s / count);
  // A constant channel (std 0) keeps std 1, so it is shifted but never divided by zero.
  const std = mean.map((m, c) => Math.sqrt(Math.max(sumSq[c] / count - m * m, 0)));
  return { mean: mean.map(round), std: std.map((s) => (round(s) >= 1e-4 ? round(s) : 1)) };
}
