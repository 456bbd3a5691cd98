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
import { decodeSafetensors, encodeSafetensors, type SafeTensor, SafetensorsError, toTensor } from './safetensors.js';
import { loadWeightsInto, modelMetadata, namedWeights, OPTIMIZER_PREFIX, readSpec, type WeightSource } from './weights.js';

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
export function decodeCheckpoint(bytes: Uint8Array, file = '<buffer>'): DecodedCheckpoint {
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
  } catch (err) {
    return fail(`metadata ${STATE_KEY} is not valid JSON (${(err as Error).message})`);
  }
  if (!Number.isInteger(state.epoch) || !Number.isInteger(state.step)) fail(`metadata ${STATE_KEY} lacks integer epoch and step`);
  const weights = new Map<string, SafeTensor>();
  const optimizerTensors: Record<string, Tensor> = {};
  for (const [name, t] of tensors) {
    if (name.startsWith(OPTIMIZER_PREFIX)) optimizerTensors[name.slice(OPTIMIZER_PREFIX.length)] = toTensor(t, name);
    else weights.set(name, t);
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
  return { ...(state as CheckpointState), optimizer, spec: readSpec(metadata, file), weights, metadata };
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
    targets.optimizer.loadState(checkpoint.optimizer);
  }
  if (targets.schedule) {
    if (!checkpoint.schedule) throw new SafetensorsError(`${file}: has no schedule state to restore`);
    targets.schedule.loadState(checkpoint.schedule);
  }
}
