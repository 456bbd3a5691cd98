// SPDX-License-Identifier: MIT
// A training checkpoint in one safetensors file: the model's weights under their own names, the
// optimizer's buffers under 'optimizer/<slot>/<parameter>', and in the metadata the model spec
// and a JSON state (epoch, step, optimizer hyper-parameters, schedule, RNG states, history).
// Bytes in, bytes out; writing files atomically is node-file.ts's job.
import type { LayerSpec } from '../layers/layer.js';
import type { OptimizerState } from '../optim/optimizer.js';
import type { Optimizer } from '../optim/optimizer.js';
import type { LRSchedule, ScheduleState } from '../optim/schedules.js';
import type { AllocationLimit, Tensor } from '../tensor/tensor.js';
import { preview } from '../layers/preview.js';
import { decodeSafetensors, encodeSafetensors, type SafeTensor, SafetensorsError, toTensor } from './safetensors.js';
import { checkFitsSpec, type LoadWeightsOptions, loadWeightsInto, modelMetadata, namedWeights, nonFiniteProblem, OPTIMIZER_PREFIX, readSpec, type WeightSource } from './weights.js';

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

/** Decodes and validates a checkpoint (format, state JSON, optimizer tensors it names). */
export function decodeCheckpoint(bytes: Uint8Array | ArrayBuffer, file = '<buffer>', options: LoadWeightsOptions & AllocationLimit = {}): DecodedCheckpoint {
  const { tensors, metadata } = decodeSafetensors(bytes, file);
  const fail = (msg: string): never => {
    throw new SafetensorsError(`${file}: ${msg}`);
  };
  if (metadata.format !== CHECKPOINT_FORMAT) {
    fail(`not a Nabla checkpoint (metadata format is ${JSON.stringify(metadata.format ?? null)}, expected ${CHECKPOINT_FORMAT})`);
  }
  let state: Record<string, any>;
  try {
    state = JSON.parse(metadata[STATE_KEY] ?? '');
    if (typeof state !== 'object' || state === null || Array.isArray(state)) throw new Error('not an object');
  } catch (err) {
    return fail(`metadata ${STATE_KEY} is not valid JSON (${(err as Error).message})`);
  }
  checkState(state, (field, wanted) => fail(`metadata ${STATE_KEY}: ${field} must be ${wanted}`));
  const weights = new Map<string, SafeTensor>();
  const optimizerTensors: Record<string, Tensor> = {};
  for (const [name, t] of tensors) {
    if (name.startsWith(OPTIMIZER_PREFIX)) {
      const tensor = toTensor(t, name);
      const bad = options.allowNonFinite ? null : nonFiniteProblem(name, tensor.data);
      if (bad) fail(bad);
      optimizerTensors[name.slice(OPTIMIZER_PREFIX.length)] = tensor;
    } else weights.set(name, t);
  }
  let optimizer: OptimizerState | undefined;
  if (state.optimizer) {
    const listed: unknown = state.optimizer.tensors;
    if (!Array.isArray(listed)) return fail(`metadata ${STATE_KEY}: optimizer.tensors must list the buffer names`);
    const stored = Object.keys(optimizerTensors);
    const absent = listed.filter((k) => !(k in optimizerTensors));
    const extra = stored.filter((k) => !listed.includes(k));
    if (absent.length > 0 || extra.length > 0) {
      fail(`optimizer tensors do not match the state (missing: ${absent.join(', ') || 'none'}; unlisted: ${extra.join(', ') || 'none'})`);
    }
    optimizer = { ...state.optimizer, tensors: optimizerTensors };
  } else if (Object.keys(optimizerTensors).length > 0) {
    fail('optimizer tensors without an optimizer state');
  }
  const spec = readSpec(metadata, file);
  if (spec) checkFitsSpec(spec, weights, file, options);
  return { ...(state as CheckpointState), optimizer, spec, weights, metadata };
}

/** The most epochs or steps a checkpoint may count (far beyond any real run; 2^53 is where integers end). */
const MAX_COUNT = 1e12;

/**
 * Checks the JSON state of a checkpoint field by field, before any of it is used: counts are
 * integers from 0, rates finite and ≥ 0, names strings, containers of the right kind.
 */
function checkState(state: Record<string, any>, bad: (field: string, wanted: string) => never): void {
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT;
  const rate = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const name = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
  if (!count(state.epoch)) bad('epoch', `an integer from 0 to ${MAX_COUNT}, got ${preview(state.epoch)}`);
  if (!count(state.step)) bad('step', `an integer from 0 to ${MAX_COUNT}, got ${preview(state.step)}`);
  for (const key of ['rng', 'extra'] as const) if (state[key] !== undefined && !isObject(state[key])) bad(key, `an object, got ${preview(state[key])}`);
  if (state.history !== undefined && !Array.isArray(state.history)) bad('history', `a list, got ${preview(state.history)}`);
  const o = state.optimizer;
  if (o !== undefined) {
    if (!isObject(o)) bad('optimizer', `an object, got ${preview(o)}`);
    if (!name(o.type)) bad('optimizer.type', `a name, got ${preview(o.type)}`);
    if (!rate(o.lr)) bad('optimizer.lr', `a finite number ≥ 0, got ${preview(o.lr)}`);
    if (!count(o.stepCount)) bad('optimizer.stepCount', `an integer from 0 to ${MAX_COUNT}, got ${preview(o.stepCount)}`);
    if (!isObject(o.options)) bad('optimizer.options', `an object, got ${preview(o.options)}`);
    for (const [k, v] of Object.entries(o.options)) {
      if (typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) bad(`optimizer.options.${k.slice(0, 40)}`, `a finite number or true/false, got ${preview(v)}`);
    }
    if (!Array.isArray(o.tensors) || !o.tensors.every((t: unknown) => typeof t === 'string')) bad('optimizer.tensors', 'the list of its buffer names');
  }
  const s = state.schedule;
  if (s !== undefined) {
    if (!isObject(s)) bad('schedule', `an object, got ${preview(s)}`);
    if (!name(s.type)) bad('schedule.type', `a name, got ${preview(s.type)}`);
    if (!count(s.lastStep)) bad('schedule.lastStep', `an integer from 0 to ${MAX_COUNT}, got ${preview(s.lastStep)}`);
    if (!rate(s.baseLr)) bad('schedule.baseLr', `a finite number ≥ 0, got ${preview(s.baseLr)}`);
    if (!isObject(s.extra)) bad('schedule.extra', `an object, got ${preview(s.extra)}`);
    for (const [k, v] of Object.entries(s.extra)) {
      if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) bad(`schedule.extra.${k.slice(0, 40)}`, `a finite number or null, got ${preview(v)}`);
    }
  }
}

/**
 * Puts a decoded checkpoint back: weights into the model (names and shapes checked), then the
 * optimizer and schedule states. RNG and loader states are returned in `checkpoint.rng` for the
 * trainer to apply.
 */
export function restoreCheckpoint(
  checkpoint: DecodedCheckpoint,
  targets: { model: WeightSource; optimizer?: Optimizer; schedule?: LRSchedule; allowNonFinite?: boolean },
  file = 'checkpoint',
): void {
  loadWeightsInto(targets.model, checkpoint.weights, file, targets);
  // A state that does not fit this optimizer or schedule is the file's fault: say which file.
  const restore = (what: string, load: () => void) => {
    try {
      load();
    } catch (err) {
      throw new SafetensorsError(`${file}: the ${what} state does not fit: ${(err as Error).message}`);
    }
  };
  if (targets.optimizer) {
    if (!checkpoint.optimizer) throw new SafetensorsError(`${file}: has no optimizer state to restore`);
    restore('optimizer', () => targets.optimizer!.loadState(checkpoint.optimizer!));
  }
  if (targets.schedule) {
    if (!checkpoint.schedule) throw new SafetensorsError(`${file}: has no schedule state to restore`);
    restore('schedule', () => targets.schedule!.loadState(checkpoint.schedule!));
  }
}
