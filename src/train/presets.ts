// SPDX-License-Identifier: MIT
// Model presets as JSON model specs (the format modelFromSpec reads), for 1×28×28 inputs and 10
// classes unless options say otherwise. The preset table leaves out every size its input fixes
// (inFeatures, inChannels, numFeatures); presetSpec returns the complete spec, sizes inferred.
import type { Container, LayerSpec } from '../layers/layer.js';
import { modelFromSpec } from '../layers/spec.js';
import { Rng } from '../tensor/rng.js';
import { mobilenetSpec } from './presets-mobilenet.js';
import { resnetSpec } from './presets-residual.js';
import { mlpHead, tableEmbeddingSpec } from './presets-table.js';
import type { TableSchema } from '../data/table.js';

export const PRESET_NAMES = ['mlp', 'lenet5', 'cnn', 'cnn-bn', 'resnet', 'mobilenet'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface PresetOptions {
  /** Input image shape [C, H, W]. Default [1, 28, 28]. */
  inputShape?: readonly [number, number, number];
  numClasses?: number;
  /** A table's schema: with categorical columns embedded, the mlp preset embeds them (presets-table.ts). */
  table?: TableSchema;
}

export const PRESET_DESCRIPTIONS: Record<PresetName, string> = {
  mlp: 'MLP: flatten, 784-256-128-10 with ReLU (for a table of F features: F-H-H/2-K, H = 2F rounded up to a power of 2 in 16..256; with --categorical embedding, the numeric columns and one embedding per categorical column, concatenated, then the MLP)',
  lenet5: 'LeNet-5: conv 6@5×5 (pad 2), max-pool, conv 16@5×5, max-pool, 400-120-84-10, ReLU',
  cnn: 'CNN: conv 32@3×3, conv 64@3×3 with max-pools, 128 hidden, dropout 0.25',
  'cnn-bn': 'CNN with batch norm: [conv 3×3, BN, ReLU] at 32 then 64 channels, max-pools, 128 hidden with BN, dropout 0.3',
  resnet: 'ResNet: 3×3 stem, basic blocks at 32, 64, 128 channels (the last two halve H and W), global average pooling',
  mobilenet: 'MobileNetV2: 3×3 stem, inverted residual blocks (1×1 expand, 3×3 depthwise, 1×1 project, ReLU6) at 16, 24, 32, 64 channels, global average pooling',
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * The complete spec of a preset for its input (a list of layer specs for a Sequential preset, a
 * Graph spec for the residual ones), every size filled in.
 */
export function presetSpec(name: PresetName, options: PresetOptions = {}): ModelSpec {
  const [c, h, w] = options.inputShape ?? [1, 28, 28];
  const spec = modelFromSpec(presetTable(name, options), { inputShape: [1, c, h, w], rng: new Rng(0) }).toSpec();
  return spec.type === 'Sequential' ? (spec.layers as LayerSpec[]) : spec;
}

/** A preset as written: sizes the input fixes are left out. */
function presetTable(name: PresetName, options: PresetOptions): ModelSpec {
  const k = options.numClasses ?? 10;
  switch (name) {
    case 'mlp': {
      const [c, h, w] = options.inputShape ?? [1, 28, 28];
      if (h === 1 && w === 1) {
        // A table's feature vector [F, 1, 1]: hidden sizes from the columns, 2F rounded up to a power of 2 within 16..256, then half.
        const embedded = options.table?.categorical === 'embedding' && options.table.columns.some((col) => col.kind === 'categorical');
        return embedded ? tableEmbeddingSpec(options.table!, k) : [{ type: 'Flatten' }, ...mlpHead(c, k)];
      }
      return [
        { type: 'Flatten' },
        { type: 'Linear', outFeatures: 256 },
        { type: 'ReLU' },
        { type: 'Linear', outFeatures: 128 },
        { type: 'ReLU' },
        { type: 'Linear', outFeatures: k },
      ];
    }
    case 'lenet5':
      return [
        { type: 'Conv2d', outChannels: 6, kernelSize: 5, padding: 2 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Conv2d', outChannels: 16, kernelSize: 5 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Flatten' },
        { type: 'Linear', outFeatures: 120 },
        { type: 'ReLU' },
        { type: 'Linear', outFeatures: 84 },
        { type: 'ReLU' },
        { type: 'Linear', outFeatures: k },
      ];
    case 'cnn':
      return [
        { type: 'Conv2d', outChannels: 32, kernelSize: 3, padding: 1 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Conv2d', outChannels: 64, kernelSize: 3, padding: 1 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Flatten' },
        { type: 'Linear', outFeatures: 128 },
        { type: 'ReLU' },
        { type: 'Dropout', p: 0.25 },
        { type: 'Linear', outFeatures: k },
      ];
    case 'cnn-bn':
      return [
        { type: 'Conv2d', outChannels: 32, kernelSize: 3, padding: 1, bias: false },
        { type: 'BatchNorm2d' },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Conv2d', outChannels: 64, kernelSize: 3, padding: 1, bias: false },
        { type: 'BatchNorm2d' },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Flatten' },
        { type: 'Linear', outFeatures: 128, bias: false },
        { type: 'BatchNorm1d' },
        { type: 'ReLU' },
        { type: 'Dropout', p: 0.3 },
        { type: 'Linear', outFeatures: k },
      ];
    case 'resnet':
      return resnetSpec(options.inputShape ?? [1, 28, 28], { numClasses: k });
    case 'mobilenet':
      return mobilenetSpec({ numClasses: k });
    default:
      throw new Error(`unknown preset '${String(name)}' (known: ${PRESET_NAMES.join(', ')})`);
  }
}

/** Builds a preset model with weights drawn from rng. */
export function buildPreset(name: PresetName, rng: Rng, options: PresetOptions = {}): Container {
  const [c, h, w] = options.inputShape ?? [1, 28, 28];
  return modelFromSpec(presetSpec(name, options), { rng, inputShape: [1, c, h, w] });
}

/** A model spec as a file holds it: a list of layer specs (a Sequential) or one container spec. */
export type ModelSpec = LayerSpec | LayerSpec[];

/**
 * Parses a user's JSON model spec: a list of layer specs, {type: 'Sequential', layers},
 * {layers: [...]}, or a {type: 'Graph', nodes, ...} (or 'Residual') spec, and checks it (sizes
 * left out are inferred from `inputShape`, one example's [C, H, W], when given). `source` names
 * the file in errors.
 */
export function parseModelSpec(text: string, source = 'model spec', inputShape?: readonly number[]): ModelSpec {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON (${(err as Error).message})`);
  }
  let spec: ModelSpec | undefined;
  if (Array.isArray(json)) spec = json as LayerSpec[];
  else if (json && typeof json === 'object') {
    const o = json as { type?: unknown; layers?: unknown };
    if (typeof o.type === 'string') spec = o as LayerSpec;
    else if (Array.isArray(o.layers)) spec = o.layers as LayerSpec[];
  }
  if (!spec) {
    throw new Error(`${source}: expected a JSON array of layer specs, {"type": "Sequential", "layers": [...]} or {"type": "Graph", "nodes": [...]}`);
  }
  try {
    modelFromSpec(spec, { inputShape: inputShape ? [1, ...inputShape] : undefined }); // validate now, with the spec's own messages
  } catch (err) {
    const message = (err as Error).message;
    if (!message.startsWith(`${source}:`)) (err as Error).message = `${source}: ${message}`; // keeps its class (a ShapeError: the spec does not fit the input)
    throw err;
  }
  return spec;
}
