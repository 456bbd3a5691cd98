// SPDX-License-Identifier: MIT
// Model presets as JSON model specs (the format sequentialFromSpec reads), for 1×28×28 inputs
// and 10 classes unless options say otherwise.
import type { LayerSpec } from '../layers/layer.js';
import type { Container } from '../layers/layer.js';
import { modelFromSpec } from '../layers/spec.js';
import type { Rng } from '../tensor/rng.js';

export const PRESET_NAMES = ['mlp', 'lenet5', 'cnn', 'cnn-bn'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface PresetOptions {
  /** Input image shape [C, H, W]. Default [1, 28, 28]. */
  inputShape?: readonly [number, number, number];
  numClasses?: number;
}

export const PRESET_DESCRIPTIONS: Record<PresetName, string> = {
  mlp: 'MLP: flatten, 784-256-128-10 with ReLU',
  lenet5: 'LeNet-5: conv 6@5×5 (pad 2), max-pool, conv 16@5×5, max-pool, 400-120-84-10, ReLU',
  cnn: 'CNN: conv 32@3×3, conv 64@3×3 with max-pools, 128 hidden, dropout 0.25',
  'cnn-bn': 'CNN with batch norm: [conv 3×3, BN, ReLU] at 32 then 64 channels, max-pools, 128 hidden with BN, dropout 0.3',
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The spec of a preset (a list of layer specs). */
export function presetSpec(name: PresetName, options: PresetOptions = {}): LayerSpec[] {
  const [c, h, w] = options.inputShape ?? [1, 28, 28];
  const k = options.numClasses ?? 10;
  const pooled = (size: number, times: number) => {
    let s = size;
    for (let i = 0; i < times; i++) s = Math.floor(s / 2);
    return s;
  };
  switch (name) {
    case 'mlp':
      return [
        { type: 'Flatten' },
        { type: 'Linear', inFeatures: c * h * w, outFeatures: 256 },
        { type: 'ReLU' },
        { type: 'Linear', inFeatures: 256, outFeatures: 128 },
        { type: 'ReLU' },
        { type: 'Linear', inFeatures: 128, outFeatures: k },
      ];
    case 'lenet5': {
      // conv pad 2 keeps H×W, pool halves, 5×5 conv without padding takes 4, pool halves: 28 → 14 → 10 → 5
      const fh = Math.floor((Math.floor(h / 2) - 4) / 2);
      const fw = Math.floor((Math.floor(w / 2) - 4) / 2);
      return [
        { type: 'Conv2d', inChannels: c, outChannels: 6, kernelSize: 5, padding: 2 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Conv2d', inChannels: 6, outChannels: 16, kernelSize: 5 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Flatten' },
        { type: 'Linear', inFeatures: 16 * fh * fw, outFeatures: 120 },
        { type: 'ReLU' },
        { type: 'Linear', inFeatures: 120, outFeatures: 84 },
        { type: 'ReLU' },
        { type: 'Linear', inFeatures: 84, outFeatures: k },
      ];
    }
    case 'cnn':
      return [
        { type: 'Conv2d', inChannels: c, outChannels: 32, kernelSize: 3, padding: 1 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Conv2d', inChannels: 32, outChannels: 64, kernelSize: 3, padding: 1 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Flatten' },
        { type: 'Linear', inFeatures: 64 * pooled(h, 2) * pooled(w, 2), outFeatures: 128 },
        { type: 'ReLU' },
        { type: 'Dropout', p: 0.25 },
        { type: 'Linear', inFeatures: 128, outFeatures: k },
      ];
    case 'cnn-bn':
      return [
        { type: 'Conv2d', inChannels: c, outChannels: 32, kernelSize: 3, padding: 1, bias: false },
        { type: 'BatchNorm2d', numFeatures: 32 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Conv2d', inChannels: 32, outChannels: 64, kernelSize: 3, padding: 1, bias: false },
        { type: 'BatchNorm2d', numFeatures: 64 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Flatten' },
        { type: 'Linear', inFeatures: 64 * pooled(h, 2) * pooled(w, 2), outFeatures: 128, bias: false },
        { type: 'BatchNorm1d', numFeatures: 128 },
        { type: 'ReLU' },
        { type: 'Dropout', p: 0.3 },
        { type: 'Linear', inFeatures: 128, outFeatures: k },
      ];
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
    (err as Error).message = `${source}: ${(err as Error).message}`; // keeps its class (a ShapeError: the spec does not fit the input)
    throw err;
  }
  return spec;
}
