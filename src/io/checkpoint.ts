// SPDX-License-Identifier: MIT
// A training checkpoint in one safetensors file: the model's weights under their own names, the
// optimizer's buffers under 'optimizer/<slot>/<parameter>', and in the metadata the model spec
// and a JSON state (epoch, step, optimizer hyper-parameters, schedule, RNG states, history).
// Bytes in, bytes out; writing files atomically is node-file.ts's job.
import type { LayerSpec } from '../layers/layer.js';
import type { OptimizerState } from '../optim/optimizer.js';
import type { Optimizer } from '../optim/optimizer.js';
import type { LRSchedule, ScheduleState } from '../optim/schedules.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkFinite, decodeSafetensors, encodeSafetensors, type SafeTensor, SafetensorsError, toTensor } from './safetensors.js';
import { type LoadOptions, loadWeightsInto, modelMetadata, namedWeights, OPTIMIZER_PREFIX, readSpec, type WeightSource } from './weights.js';

export const CHECKPOINT_FORMAT = 'nabla.checkpoint/1';
export const STATE_KEY = 'nabla.state';

/** What a trainer saves besides the weights. Everything but the optimizer tensors is JSON. */
export interface CheckpointState {
  /** Completed epochs. */
  epoch: number;
  /** Optimizer steps taken. */
  step: number;
  optimizer?: OptimizerState;
  schedule?: ScheduleState;
  /** Named RNG and loader states (RngState, DataLoaderState, …), restored by the trainer. */
  rng?: Record<string, unknown>;
  /** Per-epoch metrics so far. */
  history?: unknown;
  /** Anything else the trainer needs to resume (its options, best metric, …). */
  extra?: Record<string, unknown>;
}

export interface DecodedCheckpoint extends CheckpointState {
  spec: LayerSpec | null;
  /** The model's tensors (names as in the model). */
  weights: Map<string, SafeTensor>;
  metadata: Record<string, string>;
}

/**
 * Encodes the model's current weights and the training state. `metadata` adds entries (e.g. the
 * data settings, 'nabla.data') next to the format, spec and state, which it cannot replace.
 */
export function encodeCheckpoint(model: WeightSource, state: CheckpointState, metadata: Record<string, string> = {}): Uint8Array {
  const tensors: [string, Tensor][] = namedWeights(model);
  const { optimizer, ...rest } = state;
  let json: Record<string, unknown> = { ...rest };
  if (optimizer) {
    json = { ...json, optimizer: { ...optimizer, tensors: Object.keys(optimizer.tensors) } };
    for (const [key, t] of Object.entries(optimizer.tensors)) tensors.push([`${OPTIMIZER_PREFIX}${key}`, t]);
  }
  return encodeSafetensors(tensors, { ...metadata, ...modelMetadata(model, CHECKPOINT_FORMAT), [STATE_KEY]: JSON.stringify(json) });
}

/**
 * Decodes and validates a checkpoint (format, every state field it relies on, the optimizer
 * tensors it names). Tensors holding NaN or ±Infinity are refused unless `allowNonFinite`.
 */
export function decodeCheckpoint(bytes: Uint8Array | ArrayBuffer, file = '<buffer>', options: LoadOptions = {}): DecodedCheckpoint {
  const { tensors, metadata } = decodeSafetensors(bytes, file);
  const fail = (msg: string): never => {
    throw new SafetensorsError(`${file}: ${msg}`);
  };
  if (metadata.format !== CHECKPOINT_FORMAT) {
    fail(`not a Nabla checkpoint (metadata format is ${JSON.stringify(metadata.format ?? null)?.slice(0, 80)}, expected ${CHECKPOINT_FORMAT})`);
  }
  let state: Record<string, any>;
  try {
    state = JSON.parse(metadata[STATE_KEY] ?? '');
  } catch (err) {
    return fail(`metadata ${STATE_KEY} is not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(state)) return fail(`metadata ${STATE_KEY} must be a JSON object`);
  if (nestsDeeper(state, MAX_STATE_DEPTH)) fail(`metadata ${STATE_KEY}: nests more than ${MAX_STATE_DEPTH} deep`);
  checkState(state, (field, wanted) => fail(`metadata ${STATE_KEY}: ${field} must be ${wanted}, got ${describe(fieldValue(state, field))}`));
  if (!options.allowNonFinite) for (const [name, t] of tensors) checkFinite(t, name, file);
  const weights = new Map<string, SafeTensor>();
  const optimizerTensors: Record<string, Tensor> = {};
  for (const [name, t] of tensors) {
    if (name.startsWith(OPTIMIZER_PREFIX)) optimizerTensors[name.slice(OPTIMIZER_PREFIX.length)] = toTensor(t, name);
    else weights.set(name, t);
  }
  let optimizer: OptimizerState | undefined;
  if (state.optimizer) {
    const listed: string[] = state.optimizer.tensors;
    const stored = Object.keys(optimizerTensors);
    const absent = listed.filter((k) => !Object.hasOwn(optimizerTensors, k));
    const extra = stored.filter((k) => !listed.includes(k));
    if (absent.length > 0 || extra.length > 0) {
      fail(`optimizer tensors do not match the state (missing: ${absent.slice(0, 10).join(', ') || 'none'}; unlisted: ${extra.slice(0, 10).join(', ') || 'none'})`);
    }
    optimizer = { ...state.optimizer, tensors: optimizerTensors };
  } else if (Object.keys(optimizerTensors).length > 0) {
    fail('optimizer tensors without an optimizer state');
  }
  return { ...(state as CheckpointState), optimizer, spec: readSpec(metadata, file), weights, metadata };
}

/** Runs a loadState; what it refuses becomes a SafetensorsError naming the file and the part. */
function asFileError(file: string, part: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof SafetensorsError) throw err;
    throw new SafetensorsError(`${file}: the ${part} state does not fit this run: ${(err as Error).message}`);
  }
}

/** Counts a checkpoint may hold (epochs, steps): far beyond any run, far below float trouble. */
const MAX_COUNT = 2 ** 40;

/**
 * Checks the fields of a checkpoint state that resuming relies on; `bad(field, wanted)` reports
 * the first that is wrong. Fields the trainer keeps for itself (rng, history, extra) are checked
 * by their readers.
 */
function checkState(state: Record<string, any>, bad: (field: string, wanted: string) => never): void {
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (!count(state.epoch)) bad('epoch', `an integer from 0 to ${MAX_COUNT}`);
  if (!count(state.step)) bad('step', `an integer from 0 to ${MAX_COUNT}`);
  for (const key of ['rng', 'extra'] as const) if (state[key] !== undefined && !isObject(state[key])) bad(key, 'an object');
  const o = state.optimizer;
  if (o !== undefined && o !== null) {
    if (!isObject(o)) bad('optimizer', 'an object');
    if (typeof o.type !== 'string' || o.type.length === 0 || o.type.length > 100) bad('optimizer.type', 'the name of an optimizer');
    if (!finite(o.lr) || o.lr < 0) bad('optimizer.lr', 'a finite number ≥ 0');
    if (!count(o.stepCount)) bad('optimizer.stepCount', `an integer from 0 to ${MAX_COUNT}`);
    if (!isObject(o.options)) bad('optimizer.options', 'an object');
    for (const [k, v] of Object.entries(o.options)) {
      if (!(finite(v) || typeof v === 'boolean' || typeof v === 'string' || v === null || (Array.isArray(v) && v.every(finite)))) bad(`optimizer.options.${k}`, 'a finite number, boolean or string');
    }
    if (!Array.isArray(o.tensors) || !o.tensors.every((k: unknown) => typeof k === 'string')) bad('optimizer.tensors', 'the list of the buffer names');
    if (o.groups !== undefined) {
      const isGroup = (g: unknown) => isObject(g) && finite(g.lrScale) && g.lrScale >= 0 && Array.isArray(g.params) && g.params.every((n: unknown) => typeof n === 'string');
      if (!Array.isArray(o.groups) || o.groups.length === 0 || !o.groups.every(isGroup)) bad('optimizer.groups', 'a list of parameter groups { lrScale: a finite number ≥ 0, params: names }');
    }
  }
  const sch = state.schedule;
  if (sch !== undefined && sch !== null) {
    if (!isObject(sch)) bad('schedule', 'an object');
    if (typeof sch.type !== 'string' || sch.type.length === 0 || sch.type.length > 100) bad('schedule.type', 'the name of a schedule');
    if (!Number.isSafeInteger(sch.lastStep) || sch.lastStep < -1 || sch.lastStep > MAX_COUNT) bad('schedule.lastStep', `an integer from -1 to ${MAX_COUNT}`);
    if (!finite(sch.baseLr) || sch.baseLr < 0) bad('schedule.baseLr', 'a finite number ≥ 0');
    if (sch.extra !== undefined && !isObject(sch.extra)) bad('schedule.extra', 'an object');
  }
}

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fieldValue(state: Record<string, any>, field: string): unknown {
  let v: unknown = state;
  for (const part of field.split('.')) v = isObject(v) ? v[part] : undefined;
  return v;
}

function describe(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 80);
  } catch {
    return Array.isArray(v) ? 'a list' : typeof v;
  }
}

/** How deep the state JSON may nest (the trainer's own state needs about 8). */
const MAX_STATE_DEPTH = 32;

/** Whether a JSON value nests deeper than `limit` (iterative: the check itself cannot overflow). */
function nestsDeeper(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Puts a decoded checkpoint back: weights into the model (names and shapes checked), then the
 * optimizer and schedule states. RNG and loader states are returned in `checkpoint.rng` for the
 * trainer to apply.
 */
export function restoreCheckpoint(
  checkpoint: DecodedCheckpoint,
  targets: { model: WeightSource; optimizer?: Optimizer; schedule?: LRSchedule },
  file = 'checkpoint',
): void {
  loadWeightsInto(targets.model, checkpoint.weights, file);
  if (targets.optimizer) {
    if (!checkpoint.optimizer) throw new SafetensorsError(`${file}: has no optimizer state to restore`);
    asFileError(file, 'optimizer', () => targets.optimizer!.loadState(checkpoint.optimizer!));
  }
  if (targets.schedule) {
    if (!checkpoint.schedule) throw new SafetensorsError(`${file}: has no schedule state to restore`);
    asFileError(file, 'schedule', () => targets.schedule!.loadState(checkpoint.schedule!));
  }
}
