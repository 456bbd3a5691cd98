// Mutated model files and specs for the hardening fuzzers (issue 13): the seeded in-suite test
// (test/io/fuzz.test.ts) and the on-demand campaign (scripts/fuzz.ts). Each case is a valid
// file or spec with one mutation an attacker would try: byte flips, truncations, insertions,
// huge length and dimension fields, NaN/Infinity in the JSON, duplicate and overlapping
// tensors, deep nesting, non-finite weights, lying state fields. Deterministic in the seed.
import { decodeCheckpoint, encodeCheckpoint } from '../../src/io/checkpoint.js';
import { decodeWeights, encodeWeights, loadWeightsInto } from '../../src/io/weights.js';
import { restoreCheckpoint } from '../../src/io/checkpoint.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { SGD } from '../../src/optim/sgd.js';
import { StepLR } from '../../src/optim/schedules.js';
import { Rng } from '../../src/tensor/rng.js';

export type Format = 'weights' | 'checkpoint' | 'spec';

export interface FuzzCase {
  format: Format;
  /** What was done to the file, for the report. */
  mutation: string;
  bytes: Uint8Array;
}

/** Error classes that count as Nabla's own, clear errors. */
export const NABLA_ERRORS = new Set([
  'AllocationLimitError', 'CliError', 'DataInfoError', 'IdxError', 'NonFiniteError', 'NonFiniteWeightsError',
  'ResumeError', 'SafetensorsError', 'ShapeError', 'SpecError',
]);

/** The model every base file holds: small, with a BatchNorm (running statistics) and a Conv2d. */
export const BASE_SPEC = {
  type: 'Sequential',
  layers: [
    { type: 'Conv2d', inChannels: 1, outChannels: 2, kernelSize: 3, padding: 1 },
    { type: 'BatchNorm2d', numFeatures: 2 },
    { type: 'ReLU' },
    { type: 'Flatten' },
    { type: 'Linear', inFeatures: 2 * 28 * 28, outFeatures: 10 },
  ],
};

/** The three valid base inputs (a weights file, a checkpoint with SGD momentum and a schedule, a JSON spec). */
export function baseFiles(): Record<Format, Uint8Array> {
  const model = modelFromSpec(BASE_SPEC, { rng: new Rng(3) });
  const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  const schedule = new StepLR(optimizer, 2);
  for (const p of model.parameters()) p.grad.data.fill(0.01);
  optimizer.step();
  schedule.step();
  const state = { epoch: 1, step: 1, optimizer: optimizer.state(), schedule: schedule.state(), rng: { loader: new Rng(1).getState() }, history: [] };
  return {
    weights: encodeWeights(model),
    checkpoint: encodeCheckpoint(model, state),
    spec: new TextEncoder().encode(JSON.stringify(BASE_SPEC)),
  };
}

const HUGE = ['1e999', '-1e999', '1e12', '4294967296', '9007199254740993', '-1', '0.5', '1e400', 'NaN', 'Infinity', '-Infinity', '"7"', 'null', '[]', '{}'];

/** Header JSON and data of a safetensors file (as text, so it can be mutated textually). */
function split(bytes: Uint8Array): { header: string; data: Uint8Array } {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true));
  return { header: new TextDecoder().decode(bytes.subarray(8, 8 + n)), data: bytes.subarray(8 + n) };
}

function join(header: string, data: Uint8Array, length?: bigint): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, length ?? BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

/** Replaces the k-th match of a regexp (k chosen by the rng). */
function replaceOne(text: string, pattern: RegExp, rng: Rng, by: (match: string) => string): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
  if (matches.length === 0) return text;
  const m = matches[rng.int(matches.length)];
  return text.slice(0, m.index) + by(m[0]) + text.slice(m.index! + m[0].length);
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)];

/** Byte-level mutations that apply to any input. */
function byteMutation(bytes: Uint8Array, rng: Rng): { mutation: string; bytes: Uint8Array } {
  const kind = rng.int(4);
  const at = rng.int(bytes.length);
  if (kind === 0) {
    const out = bytes.slice();
    const flips = 1 + rng.int(4);
    for (let i = 0; i < flips; i++) out[rng.int(out.length)] = rng.int(256);
    return { mutation: `byte flips ×${flips}`, bytes: out };
  }
  if (kind === 1) return { mutation: 'truncation', bytes: bytes.slice(0, at) };
  if (kind === 2) {
    const insert = Uint8Array.from({ length: 1 + rng.int(16) }, () => rng.int(256));
    const out = new Uint8Array(bytes.length + insert.length);
    out.set(bytes.subarray(0, at));
    out.set(insert, at);
    out.set(bytes.subarray(at), at + insert.length);
    return { mutation: 'insertion', bytes: out };
  }
  const out = bytes.slice();
  out[at] ^= 1 << rng.int(8);
  return { mutation: 'bit flip', bytes: out };
}

/** Mutations of a safetensors file's structure, header values and data. */
function safetensorsMutation(bytes: Uint8Array, rng: Rng): { mutation: string; bytes: Uint8Array } {
  const { header, data } = split(bytes);
  const kind = rng.int(11);
  switch (kind) {
    case 0:
      return { mutation: 'huge header length', bytes: join(header, data, pick(rng, [2n ** 63n, 2n ** 40n, BigInt(header.length + data.length), BigInt(header.length + 1)])) };
    case 1:
      return { mutation: 'huge dimension', bytes: join(replaceOne(header, /"shape":\[[^\]]*\]/, rng, (m) => replaceOne(m, /\d+/, rng, () => pick(rng, HUGE))), data) };
    case 2:
      return { mutation: 'bad data_offsets', bytes: join(replaceOne(header, /"data_offsets":\[\d+,\d+\]/, rng, (m) => replaceOne(m, /\d+/, rng, () => pick(rng, HUGE))), data) };
    case 3: {
      // a duplicate tensor: the first entry again under its own name
      const m = /"([^"]+)":(\{"dtype":[^}]*\})/.exec(header);
      return { mutation: 'duplicate tensor', bytes: join(m ? header.replace(/\}\s*$/, `,"${m[1]}":${m[2]}}`) : header, data) };
    }
    case 4: {
      // overlapping tensors: one entry's offsets copied onto another
      const all = [...header.matchAll(/"data_offsets":\[\d+,\d+\]/g)];
      const a = all[rng.int(all.length)][0];
      return { mutation: 'overlapping tensors', bytes: join(replaceOne(header, /"data_offsets":\[\d+,\d+\]/, rng, () => a), data) };
    }
    case 5: {
      const depth = pick(rng, [10, 100, 10_000, 200_000]);
      return { mutation: `deep nesting ${depth}`, bytes: join(replaceOne(header, /"shape":/, rng, (m) => `${m}${'['.repeat(depth)}${']'.repeat(depth)},"x":`), data) };
    }
    case 6:
      return { mutation: 'NaN/Infinity in JSON', bytes: join(replaceOne(header, /\d+/, rng, () => pick(rng, ['NaN', 'Infinity', '-Infinity', '1e999'])), data) };
    case 7: {
      // a non-finite weight in the data section
      const out = data.slice();
      const value = pick(rng, [NaN, Infinity, -Infinity]);
      const at = 4 * rng.int(Math.floor(out.length / 4));
      new DataView(out.buffer).setFloat32(at, value, true);
      return { mutation: `${value} weight`, bytes: join(header, out) };
    }
    case 8:
      return { mutation: 'dtype changed', bytes: join(replaceOne(header, /"dtype":"F32"/, rng, () => `"dtype":${pick(rng, ['"F16"', '"I64"', '"toString"', '"__proto__"', '7', 'null', '"BOOL"'])}`), data) };
    case 9:
      return { mutation: 'spec mutated', bytes: join(mutateEmbedded(header, 'nabla.spec', rng), data) };
    default:
      return { mutation: 'state mutated', bytes: join(mutateEmbedded(header, 'nabla.state', rng), data) };
  }
}

/** Mutates a JSON document stored as a string in the metadata (the spec or the checkpoint state). */
function mutateEmbedded(header: string, key: string, rng: Rng): string {
  let parsed: Record<string, any>;
  try {
    parsed = JSON.parse(header);
  } catch {
    return header;
  }
  const raw = parsed.__metadata__?.[key];
  if (typeof raw !== 'string') return header;
  parsed.__metadata__[key] = jsonMutation(raw, rng).text;
  return JSON.stringify(parsed);
}

/** Mutations of a JSON text (a spec or a state): values replaced, nested deep, sizes made huge. */
function jsonMutation(text: string, rng: Rng): { mutation: string; text: string } {
  const kind = rng.int(6);
  switch (kind) {
    case 0:
      return { mutation: 'number replaced', text: replaceOne(text, /-?\d+(\.\d+)?(e[+-]?\d+)?/, rng, () => pick(rng, [...HUGE, '100000', '65536', '0'])) };
    case 1: {
      const depth = pick(rng, [40, 200, 10_000, 200_000]);
      return { mutation: `deep nesting ${depth}`, text: replaceOne(text, /:/, rng, (m) => `${m}${'['.repeat(depth)}${']'.repeat(depth)},"x":`) };
    }
    case 2:
      return { mutation: 'huge layer', text: replaceOne(text, /"(outFeatures|inFeatures|outChannels|inChannels|kernelSize|numFeatures|epoch|step|lastStep|stepCount)":\d+/, rng, (m) => m.replace(/\d+$/, pick(rng, ['1000000000000', '100000', '10000', '-1000000', '1e999']))) };
    case 3:
      return { mutation: 'string replaced', text: replaceOne(text, /"[A-Za-z]+"/, rng, () => pick(rng, ['"sgd2"', '"Linear"', '"__proto__"', '"Sequential"', '5', 'null', '[]', '"Graph"'])) };
    case 4:
      return { mutation: 'truncated JSON', text: text.slice(0, rng.int(text.length)) };
    default:
      return { mutation: 'layers nested deep', text: replaceOne(text, /\{"type":"ReLU"\}/, rng, (m) => `${'{"type":"Sequential","layers":['.repeat(40)}${m}${']}'.repeat(40)}`) };
  }
}

/** The n cases of a format, seeded. */
export function makeCases(format: Format, n: number, seed: number, bases = baseFiles()): FuzzCase[] {
  const rng = new Rng(seed);
  const base = bases[format];
  const cases: FuzzCase[] = [];
  for (let i = 0; i < n; i++) {
    let m: { mutation: string; bytes: Uint8Array };
    if (format === 'spec') {
      if (rng.int(4) === 0) m = byteMutation(base, rng);
      else {
        const j = jsonMutation(new TextDecoder().decode(base), rng);
        m = { mutation: j.mutation, bytes: new TextEncoder().encode(j.text) };
      }
    } else m = rng.int(3) === 0 ? byteMutation(base, rng) : safetensorsMutation(base, rng);
    cases.push({ format, mutation: m.mutation, bytes: m.bytes });
  }
  return cases;
}

/** What happened to one case through the public API. */
export type Outcome =
  | { kind: 'loaded' }
  | { kind: 'refused'; error: string }
  | { kind: 'wrong-kind'; error: string }
  | { kind: 'silent'; detail: string };

/**
 * Feeds a case through the public API as a user would: decode, build the model its spec
 * describes, load the weights (and restore optimizer and schedule from a checkpoint).
 * A load that succeeds must leave every weight finite.
 */
export function runApiCase(c: FuzzCase): Outcome {
  try {
    let model;
    if (c.format === 'spec') {
      model = modelFromSpec(JSON.parse(new TextDecoder().decode(c.bytes)), { inputShape: [1, 1, 28, 28] });
    } else if (c.format === 'weights') {
      const decoded = decodeWeights(c.bytes, 'fuzz.safetensors');
      model = modelFromSpec(decoded.spec ?? BASE_SPEC);
      loadWeightsInto(model, decoded.tensors, 'fuzz.safetensors');
    } else {
      const decoded = decodeCheckpoint(c.bytes, 'fuzz.safetensors');
      model = modelFromSpec(decoded.spec ?? BASE_SPEC);
      const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
      const schedule = new StepLR(optimizer, 2);
      restoreCheckpoint(decoded, { model, optimizer, schedule }, 'fuzz.safetensors');
      if (!Number.isFinite(optimizer.lr)) return { kind: 'silent', detail: `lr ${optimizer.lr}` };
    }
    for (const t of [...model.parameters(), ...model.buffers()]) {
      if (t.value.data.some((v) => !Number.isFinite(v))) return { kind: 'silent', detail: `non-finite ${t.name}` };
    }
    return { kind: 'loaded' };
  } catch (err) {
    const e = err as Error;
    const name = e?.name ?? typeof err;
    const message = String(e?.message ?? err);
    // JSON.parse of a spec the user passes is the caller's business: its SyntaxError is the clear error
    if (c.format === 'spec' && name === 'SyntaxError') return { kind: 'refused', error: `${name}: ${message.slice(0, 120)}` };
    if (NABLA_ERRORS.has(name) && message.length > 10) return { kind: 'refused', error: `${name}: ${message.slice(0, 200)}` };
    return { kind: 'wrong-kind', error: `${name}: ${message.slice(0, 200)}` };
  }
}
