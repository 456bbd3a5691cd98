// SPDX-License-Identifier: MIT
// Mutated weights files, checkpoints and model specs (issue 13), and how each is fed through the
// public API. Shared by scripts/fuzz.mjs (thousands of cases, each watched for time and RSS) and
// test/io/fuzz.test.ts (a few hundred, in the suite). A case ends 'ok' (a correct load),
// 'error' (a Nabla error: its own class and a clear message), 'wrong-kind' (a JavaScript error
// such as a TypeError or RangeError, or a message from deep inside), or 'silent' (accepted,
// but with non-finite weights or more than the file or spec could justify).
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from '../src/io/checkpoint.js';
import { decodeSafetensors } from '../src/io/safetensors.js';
import { decodeWeights, encodeWeights, loadWeightsInto } from '../src/io/weights.js';
import type { LayerSpec } from '../src/layers/layer.js';
import { modelFromSpec } from '../src/layers/spec.js';
import { SGD } from '../src/optim/sgd.js';
import { Rng } from '../src/tensor/rng.js';
import type { Tensor } from '../src/tensor/tensor.js';

export type Format = 'weights' | 'checkpoint' | 'spec' | 'cli';
export type Outcome = 'ok' | 'error' | 'wrong-kind' | 'silent';
export interface CaseResult {
  outcome: Outcome;
  mutation: string;
  detail: string;
  bytes: number;
}

/** The error classes Nabla throws for bad input. */
const NABLA_ERRORS = new Set(['SafetensorsError', 'SpecError', 'ShapeError', 'AllocationLimitError', 'DataInfoError', 'CliError', 'OnnxError', 'NonFiniteWeightsError', 'ResumeError']);
/** Messages that come from JavaScript itself, not from a check. */
const JS_MESSAGES = /is not iterable|Cannot read propert|is not a function|Maximum call stack|Invalid typed array length|Invalid array length|of undefined|is not defined|out of memory|Array buffer allocation failed/;

export const BASE_SPEC: LayerSpec[] = [
  { type: 'Conv2d', inChannels: 1, outChannels: 2, kernelSize: 3, padding: 1 },
  { type: 'BatchNorm2d', numFeatures: 2 },
  { type: 'ReLU' },
  { type: 'MaxPool2d', kernelSize: 2 },
  { type: 'Flatten' },
  { type: 'Linear', inFeatures: 8, outFeatures: 3 },
];
export const INPUT_SHAPE = [1, 1, 4, 4];

function baseModel() {
  return modelFromSpec(BASE_SPEC, { rng: new Rng(1), inputShape: INPUT_SHAPE });
}

export function baseWeights(): Uint8Array {
  return encodeWeights(baseModel());
}

export function baseCheckpoint(): Uint8Array {
  const model = baseModel();
  const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  for (const p of model.parameters()) p.grad.data.fill(0.5);
  optimizer.step();
  return encodeCheckpoint(model, { epoch: 2, step: 10, optimizer: optimizer.state(), history: [], extra: {} });
}

// ---- mutations ------------------------------------------------------------------------------

const HUGE = [1e6, 1e9, 2 ** 31, 2 ** 53, 1e300, -1, -1e6, 0, 1.5];
const BAD_NUMBERS_TEXT = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '"x"', 'null', '[]', '{}', 'true'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.uniform(0, 1) * items.length) % items.length];
}

function int(rng: Rng, n: number): number {
  return Math.floor(rng.uniform(0, 1) * n) % Math.max(n, 1);
}

function headerOf(bytes: Uint8Array): { json: any; data: Uint8Array } {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  return { json: JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))), data: bytes.subarray(8 + n) };
}

function withHeaderText(text: string, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(text);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

/** JSON text nested `depth` deep (built as text: JSON.stringify itself would overflow the stack). */
function nested(depth: number, leaf: string, open: string, close: string): string {
  return open.repeat(depth) + leaf + close.repeat(depth);
}

/** Replaces one number in a JSON text by a bad one (huge, negative, NaN, Infinity, a string...). */
function badNumber(rng: Rng, text: string): string {
  const numbers = [...text.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/g)];
  if (numbers.length === 0) return text;
  const m = pick(rng, numbers);
  const replacement = rng.uniform(0, 1) < 0.5 ? String(pick(rng, HUGE)) : pick(rng, BAD_NUMBERS_TEXT);
  return text.slice(0, m.index) + replacement + text.slice(m.index! + m[0].length);
}

/** A spec (as JSON text) with one size made huge (or bad), or nested deep. */
function mutateSpec(rng: Rng, spec: LayerSpec[]): [string, string] {
  const [what, value] = mutateSpecValue(rng, spec);
  return [what, typeof value === 'string' ? value : JSON.stringify(value)];
}

function mutateSpecValue(rng: Rng, spec: LayerSpec[]): [string, unknown] {
  const copy = JSON.parse(JSON.stringify(spec)) as LayerSpec[];
  const kind = int(rng, 6);
  if (kind === 0) {
    const depth = pick(rng, [33, 100, 10_000, 100_000]);
    return [`nested ${depth} deep`, nested(depth, JSON.stringify(copy), '{"type":"Sequential","layers":[', ']}')];
  }
  if (kind === 1) {
    const depth = pick(rng, [100, 100_000]);
    const i = int(rng, copy.length);
    const key = pick(rng, ['kernelSize', 'padding', 'type', 'outFeatures']);
    const layers = copy.map((l) => JSON.stringify(l));
    layers[i] = `${layers[i].slice(0, -1)},"${key}":${nested(depth, '1', '[', ']')}}`;
    return [`${key} an array nested ${depth} deep`, `[${layers.join(',')}]`];
  }
  if (kind === 2) {
    const big = pick(rng, [{ type: 'Linear', inFeatures: 1e6, outFeatures: 1e6 }, { type: 'Conv2d', inChannels: 1, outChannels: 1, kernelSize: 10_000 },
      { type: 'Linear', inFeatures: 10_000, outFeatures: 7850 }, { type: 'Conv2d', inChannels: 1, outChannels: 2, kernelSize: 3, padding: 1e6 },
      { type: 'BatchNorm1d', numFeatures: 2 ** 30 }, { type: 'Linear', inFeatures: 2 ** 14, outFeatures: 2 ** 14 }]);
    copy.splice(int(rng, copy.length + 1), 0, big as LayerSpec);
    return [`inserted ${JSON.stringify(big)}`, copy];
  }
  if (kind === 3) {
    const layer = copy[int(rng, copy.length)];
    const keys = Object.keys(layer).filter((k) => k !== 'type');
    if (keys.length === 0) return ['unchanged', copy];
    const key = pick(rng, keys);
    const value = pick(rng, [...HUGE, NaN, Infinity, '3', null, [], [1e9, 1e9], { a: 1 }]);
    layer[key] = value;
    return [`${layer.type}.${key} = ${String(value)}`, copy];
  }
  if (kind === 4) {
    const copies = pick(rng, [1000, 100_000]);
    return [`${copies} ReLUs`, [...copy, ...Array.from({ length: copies }, () => ({ type: 'ReLU' }))]];
  }
  return ['type swapped', copy.map((l) => (rng.uniform(0, 1) < 0.3 ? { ...l, type: pick(rng, ['Linear', 'Conv2d', 'Graph', 'Sequential', 'Residual', '__proto__', 'toString']) } : l))];
}

/** One mutation of a safetensors file: bytes, the header's fields, its data or its metadata. */
export function mutateFile(rng: Rng, bytes: Uint8Array): [string, Uint8Array] {
  const out = bytes.slice();
  const kind = int(rng, 10);
  if (kind === 0) {
    const flips = 1 + int(rng, 4);
    for (let i = 0; i < flips; i++) out[int(rng, out.length)] = int(rng, 256);
    return [`${flips} byte flips`, out];
  }
  if (kind === 1) {
    const at = int(rng, out.length);
    return [`truncated at ${at}`, out.subarray(0, at)];
  }
  if (kind === 2) {
    const at = int(rng, out.length);
    const extra = Uint8Array.from({ length: 1 + int(rng, 16) }, () => int(rng, 256));
    const grown = new Uint8Array(out.length + extra.length);
    grown.set(out.subarray(0, at));
    grown.set(extra, at);
    grown.set(out.subarray(at), at + extra.length);
    return [`${extra.length} bytes inserted at ${at}`, grown];
  }
  if (kind === 3) {
    const value = pick(rng, [2n ** 63n, 2n ** 40n, 2n ** 32n, BigInt(out.length), 0n]);
    new DataView(out.buffer).setBigUint64(0, value, true);
    return [`header length ${value}`, out];
  }
  const { json, data } = headerOf(bytes);
  const names = Object.keys(json).filter((k) => k !== '__metadata__');
  const name = pick(rng, names);
  if (kind === 4) {
    const shape = [...json[name].shape];
    shape[int(rng, shape.length + 1)] = pick(rng, HUGE);
    json[name].shape = shape;
    return [`${name}.shape = [${shape}]`, withHeaderText(JSON.stringify(json), data)];
  }
  if (kind === 5) {
    const other = json[pick(rng, names)];
    const how = int(rng, 3);
    if (how === 0) json[name].data_offsets = [...other.data_offsets];
    else if (how === 1) json[name].data_offsets = [json[name].data_offsets[0], json[name].data_offsets[1] + pick(rng, [4, 1e9, 2 ** 53])];
    else json[name].data_offsets = [json[name].data_offsets[1], json[name].data_offsets[0]];
    return [`${name}.data_offsets ${['duplicated', 'overlapping', 'reversed'][how]}`, withHeaderText(JSON.stringify(json), data)];
  }
  if (kind === 6) return ['a bad number in the header', withHeaderText(badNumber(rng, JSON.stringify(json)), data)];
  if (kind === 7) {
    // Non-finite values in the data: a weight, a running statistic or an optimizer buffer.
    const entry = json[name];
    const width = entry.dtype === 'F64' ? 8 : 4;
    const count = (entry.data_offsets[1] - entry.data_offsets[0]) / width;
    if (count === 0) return ['unchanged', out];
    const dataStart = out.length - data.length;
    const view = new DataView(out.buffer);
    const at = dataStart + entry.data_offsets[0] + int(rng, count) * width;
    const value = pick(rng, [NaN, Infinity, -Infinity]);
    if (width === 8) view.setFloat64(at, value, true);
    else view.setFloat32(at, value, true);
    return [`${name} holds ${value}`, out];
  }
  const meta = json.__metadata__ ?? {};
  const key = pick(rng, Object.keys(meta).length > 0 ? Object.keys(meta) : ['nabla.spec']);
  if (kind === 8 && key === 'nabla.spec') {
    const [what, spec] = mutateSpec(rng, (JSON.parse(meta[key]) as { layers: LayerSpec[] }).layers);
    meta[key] = `{"type":"Sequential","layers":${spec}}`;
    return [`spec: ${what}`, withHeaderText(JSON.stringify(json), data)];
  }
  if (key === 'nabla.state' && int(rng, 2) === 0) {
    const state = JSON.parse(meta[key]);
    const field = pick(rng, ['epoch', 'step', 'optimizer', 'schedule', 'history', 'rng', 'extra']);
    const deep = '"__deep__"';
    state[field] = pick(rng, [-1_000_000, '5', null, 1.5, [], 'sgd2', { type: 'sgd2', lr: 'x' }, { ...state[field], lastStep: 'x', type: 'sgd2' }, deep]);
    meta[key] = JSON.stringify(state).replace(JSON.stringify(deep), nested(10_000, '1', '[', ']'));
    return [`state.${field} replaced`, withHeaderText(JSON.stringify(json), data)];
  }
  meta[key] = badNumber(rng, meta[key] ?? '');
  return [`metadata ${key}: a bad number`, withHeaderText(JSON.stringify(json), data)];
}

// ---- running a case -------------------------------------------------------------------------

function classify(err: unknown): [Outcome, string] {
  const e = err as Error;
  const message = String(e?.message ?? e);
  if (NABLA_ERRORS.has(e?.name) && !JS_MESSAGES.test(message)) return ['error', `${e.name}: ${message}`];
  return ['wrong-kind', `${e?.name}: ${message}`];
}

function nonFinite(tensors: Iterable<Tensor>): string | null {
  for (const t of tensors) for (let i = 0; i < t.data.length; i++) if (!Number.isFinite(t.data[i])) return `element ${i} is ${t.data[i]}`;
  return null;
}

/** Loads a weights file as a user would: decode, build the model from its spec, load the weights. */
function loadWeightsFile(bytes: Uint8Array): string {
  const decoded = decodeWeights(bytes, 'fuzz.safetensors');
  if (!decoded.spec) return 'no spec';
  const model = modelFromSpec(decoded.spec, { rng: new Rng(0) });
  loadWeightsInto(model, decoded.tensors, 'fuzz.safetensors');
  const bad = nonFinite([...model.parameters(), ...model.buffers()].map((t) => t.value));
  if (bad) throw Object.assign(new Error(`silent: a non-finite weight was loaded (${bad})`), { silent: true });
  return `${model.parameters().length} parameters`;
}

function loadCheckpointFile(bytes: Uint8Array): string {
  const checkpoint = decodeCheckpoint(bytes, 'fuzz-checkpoint.safetensors');
  if (!checkpoint.spec) return 'no spec';
  const model = modelFromSpec(checkpoint.spec, { rng: new Rng(0) });
  const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  restoreCheckpoint(checkpoint, { model, optimizer: checkpoint.optimizer ? optimizer : undefined });
  const tensors = [...model.parameters(), ...model.buffers()].map((t) => t.value);
  const bad = nonFinite([...tensors, ...Object.values(checkpoint.optimizer?.tensors ?? {})]);
  if (bad) throw Object.assign(new Error(`silent: a non-finite value was loaded (${bad})`), { silent: true });
  if (checkpoint.epoch < 0 || checkpoint.step < 0) throw Object.assign(new Error(`silent: epoch ${checkpoint.epoch}, step ${checkpoint.step}`), { silent: true });
  return `epoch ${checkpoint.epoch}`;
}

function loadSpec(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not JSON (the caller parses it)';
  }
  const model = modelFromSpec(json as LayerSpec[], { inputShape: INPUT_SHAPE });
  return `${model.parameters().reduce((n, p) => n + p.size, 0)} weights`;
}

/**
 * A mutated weights file or checkpoint through the CLI, `nabla summary` or `nabla export --onnx`
 * (they load a file as eval, predict and train --init-from do, without a dataset): exit 0 must not
 * print NaN, and a refusal must be Nabla's own message.
 */
export async function runCliCase(seed: number, index: number): Promise<CaseResult> {
  const { main } = await import('../src/cli/main.js');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const rng = new Rng(seed * 1_000_003 + index);
  const [what, file] = mutateFile(rng, int(rng, 2) === 0 ? baseWeights() : baseCheckpoint());
  const dir = mkdtempSync(join(tmpdir(), 'nabla-fuzz-'));
  const path = join(dir, 'model.safetensors');
  writeFileSync(path, file);
  const command = pick(rng, [['summary', path], ['export', path, '--onnx', join(dir, 'm.onnx')]]);
  let out = '';
  let err = '';
  try {
    const code = await main(command, { out: (t) => void (out += t), err: (t) => void (err += t) });
    const mutation = `${command[0]}: ${what}`;
    if (code === 0) {
      if (/NaN|Infinity/.test(out + err)) return { outcome: 'silent', mutation, detail: `exit 0: ${(out + err).slice(0, 200)}`, bytes: file.length };
      return { outcome: 'ok', mutation, detail: 'exit 0', bytes: file.length };
    }
    if (JS_MESSAGES.test(err) || /TypeError|RangeError/.test(err)) return { outcome: 'wrong-kind', mutation, detail: `exit ${code}: ${err.slice(0, 300)}`, bytes: file.length };
    return { outcome: 'error', mutation, detail: `exit ${code}: ${err.slice(0, 300)}`, bytes: file.length };
  } catch (e) {
    return { outcome: 'wrong-kind', mutation: `${command[0]}: ${what}`, detail: `main threw ${(e as Error).name}: ${(e as Error).message}`, bytes: file.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Case `index` of a format, drawn from `seed`: the mutated input and what loading it did. */
export function runCase(format: Exclude<Format, 'cli'>, seed: number, index: number): CaseResult {
  const rng = new Rng(seed * 1_000_003 + index);
  let mutation: string;
  let run: () => string;
  let bytes: number;
  if (format === 'spec') {
    const [what, spec] = mutateSpec(rng, BASE_SPEC);
    let text = spec;
    if (int(rng, 3) === 0) text = badNumber(rng, text);
    mutation = what;
    bytes = text.length;
    run = () => loadSpec(text);
  } else {
    const base = format === 'weights' ? baseWeights() : baseCheckpoint();
    const [what, file] = mutateFile(rng, base);
    mutation = what;
    bytes = file.length;
    // Half the cases hand the decoder a Node-style view at an offset into a larger buffer.
    const input = int(rng, 2) === 0 ? file : viewAtOffset(file, 1 + int(rng, 64));
    run = () => (format === 'weights' ? loadWeightsFile(input) : loadCheckpointFile(input));
  }
  try {
    return { outcome: 'ok', mutation, detail: run(), bytes };
  } catch (err) {
    if ((err as { silent?: boolean }).silent) return { outcome: 'silent', mutation, detail: (err as Error).message, bytes };
    const [outcome, detail] = classify(err);
    return { outcome, mutation, detail: detail.slice(0, 300), bytes };
  }
}

function viewAtOffset(file: Uint8Array, offset: number): Uint8Array {
  const big = new Uint8Array(file.length + offset + 32).fill(0xab);
  big.set(file, offset);
  return big.subarray(offset, offset + file.length);
}

/** Decodes without loading: used to check that decoding a view equals decoding a copy. */
export { decodeSafetensors };
