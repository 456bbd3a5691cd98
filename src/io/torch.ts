// SPDX-License-Identifier: MIT
// Weights that PyTorch reads: a model's tensors under the names and layouts of the equivalent
// torch.nn module's state_dict, as safetensors bytes (safetensors.torch.load_file →
// model.load_state_dict), and the reverse. Each layer names its own tensors in its registry entry
// (LayerDef.torch, in the layer's file); containers contribute their child names as path segments,
// so a Sequential gives '3.weight' and a Graph node 'layer1' holding a Sequential of blocks gives
// 'layer1.0.conv1.weight', as torchvision's modules do.
//   Linear      weight W [in, out]  ↔  weight [out, in]   (transposed: torch stores Wᵀ)
//   Conv2d      weight [outC, C/groups, kH, kW] (same layout), bias
//   BatchNorm   weight, bias (γ, β), runningMean ↔ running_mean, runningVar ↔ running_var,
//               —  → num_batches_tracked (int64 scalar 0; ignored when read back)
//   Conv2d with foldedBatchNorm 'bn1' (PyTorch's exporter folded that BatchNorm into W and b):
//               weight ↔ weight; bias ↔ bn1.bias with bn1.weight = 1, bn1.running_mean = 0,
//               bn1.running_var = 1 − eps, so that the BatchNorm computes y·1/√(1 − eps + eps) + b
//               = y + b; read back, a real BatchNorm is folded in again: W·γ/√(var + eps),
//               β − mean·γ/√(var + eps) (exact in eval mode; the split itself is lost for good)
// Layers without tensors (activations, pools, Flatten, Dropout, merges) have no entries.
// See docs/interop.md.
import { defOf } from '../layers/all.js';
import { walkModules } from '../layers/container.js';
import type { Module } from '../layers/layer.js';
import type { TorchEntry } from '../layers/registry.js';
import { Tensor, formatShape } from '../tensor/tensor.js';
import { checkFinite, checkVariance, decodeSafetensors, encodeSafetensors, SafetensorsError, toTensor, type SafeTensor } from './safetensors.js';

/** One tensor of the model and where it lives in the PyTorch state dict. */
export interface TorchMapping {
  /** Nabla's name, e.g. '0.weight', '1.runningMean' (nested: '2.0.weight'); null for a folded BatchNorm's constants. */
  nabla: string | null;
  /** The state_dict key, e.g. '0.weight', '1.running_mean'. */
  torch: string;
  /** The model's own tensor (updated in place by fromTorchStateDict). */
  tensor: Tensor;
  /** Whether torch stores the transpose (Linear weights: Nabla [in, out], torch [out, in]). */
  transposed: boolean;
  /** Set on the four tensors of a BatchNorm2d folded into a conv (γ, mean and var are constants). */
  fold?: FoldedBatchNorm;
}

/** A BatchNorm2d that PyTorch's exporter folded into a conv: where its keys are and the conv's tensors. */
export interface FoldedBatchNorm {
  /** The BatchNorm's state-dict prefix, 'layer1.0.bn1.'. */
  prefix: string;
  /** The conv's weight key, 'layer1.0.conv1.weight'. */
  convWeight: string;
  weight: Tensor;
  bias: Tensor;
  eps: number;
}

export interface TorchOptions {
  /**
   * The eps of the BatchNorm2d layers folded into convs (Conv2d foldedBatchNorm): PyTorch's
   * default 1e-5 (torchvision's resnet and mobilenet_v2). The folded export keeps no eps, and the
   * written running_var = 1 − eps is exact only for the eps the PyTorch module has.
   */
  foldedBatchNormEps?: number;
  /** Load tensors holding NaN or ±Infinity (refused by default, as weights files are). */
  allowNonFinite?: boolean;
}

/** The name and layout mapping for every parameter and buffer of `model`, in model order. */
export function torchMapping(model: Module, options: TorchOptions = {}): TorchMapping[] {
  const eps = options.foldedBatchNormEps ?? 1e-5;
  if (!(eps > 0 && Number.isFinite(eps))) throw new Error(`torch state dict: foldedBatchNormEps must be a finite number > 0, got ${eps}`);
  const out: TorchMapping[] = [];
  for (const { path, module } of walkModules(model)) {
    if (module.children) continue; // containers: their children carry the tensors
    const def = defOf(module);
    const entries = def.torch?.(module) ?? [];
    const count = module.parameters().length + module.buffers().length;
    if (entries.length !== count) {
      throw new Error(`torch state dict: layer ${path} (${module.name}) has tensors but no PyTorch mapping`);
    }
    const prefix = path === '' ? '' : `${path}.`;
    for (const e of entries) {
      const nabla = `${prefix}${e.local}`;
      if (e.foldedBatchNorm) out.push(...foldedBatchNorm(nabla, e, out[out.length - 1], path, eps));
      else out.push({ nabla, torch: `${prefix}${e.torch}`, tensor: e.tensor, transposed: e.transposed ?? false });
    }
  }
  const seen = new Map<string, string>();
  for (const m of out) {
    const first = seen.get(m.torch);
    if (first !== undefined) throw new Error(`torch state dict: ${first} and ${m.nabla ?? 'a folded BatchNorm'} both map to the key ${m.torch}`);
    seen.set(m.torch, m.nabla ?? `a folded BatchNorm (${m.torch})`);
  }
  return out;
}

/** The four BatchNorm2d tensors standing for a conv's bias `e` (the conv's weight was mapped just before). */
function foldedBatchNorm(nabla: string, e: TorchEntry, weight: TorchMapping, path: string, eps: number): TorchMapping[] {
  const C = e.tensor.size;
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.') + 1) : '';
  const fold: FoldedBatchNorm = { prefix: `${parent}${e.foldedBatchNorm}.`, convWeight: weight.torch, weight: weight.tensor, bias: e.tensor, eps };
  const constant = (name: string, value: number): TorchMapping => ({
    nabla: null, torch: `${fold.prefix}${name}`, tensor: Tensor.full([C], value), transposed: false, fold,
  });
  return [
    constant('weight', 1),
    { nabla, torch: `${fold.prefix}bias`, tensor: e.tensor, transposed: false, fold },
    constant('running_mean', 0),
    constant('running_var', 1 - eps), // √(var + eps) = 1
  ];
}

/** [rows, cols] → [cols, rows], copying into a float32 tensor (torch state dicts here are float32). */
function transposed(t: Tensor): Tensor {
  const [rows, cols] = t.shape;
  const out = Tensor.zeros([cols, rows]);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.data[c * rows + r] = t.data[r * cols + c];
  return out;
}

/**
 * The state_dict of the equivalent torch.nn module as safetensors bytes (float32, int64
 * num_batches_tracked for each BatchNorm), readable by safetensors.torch.load_file.
 */
export function toTorchStateDict(model: Module, options: TorchOptions = {}): Uint8Array {
  const entries: [string, Tensor | SafeTensor][] = [];
  for (const m of torchMapping(model, options)) {
    const value = m.transposed ? transposed(m.tensor) : m.tensor.astype('float32');
    entries.push([m.torch, value]);
    if (m.torch.endsWith('.running_var')) {
      const counter = m.torch.slice(0, -'running_var'.length) + 'num_batches_tracked';
      entries.push([counter, { dtype: 'I64', shape: [], data: new BigInt64Array(1) }]);
    }
  }
  return encodeSafetensors(entries, { format: 'pt' });
}

/**
 * Loads a PyTorch state_dict saved as safetensors (safetensors.torch.save_file) into `model`,
 * transposing Linear weights and folding each BatchNorm2d into the conv that holds it folded.
 * F32 and F64 tensors are accepted; num_batches_tracked is ignored. Checks every name and shape
 * first and changes nothing unless all fit; the error lists every missing, unexpected and
 * mis-shaped tensor.
 */
export function fromTorchStateDict(model: Module, bytes: Uint8Array, file = 'state dict', options: TorchOptions = {}): void {
  const { tensors } = decodeSafetensors(bytes, file);
  const mapping = torchMapping(model, options);
  const known = new Set(mapping.map((m) => m.torch));
  const problems: string[] = [];
  const missing = mapping.filter((m) => !tensors.has(m.torch)).map((m) => m.torch);
  if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
  const unexpected = [...tensors.keys()].filter((k) => !known.has(k) && !k.endsWith('.num_batches_tracked'));
  if (unexpected.length > 0) problems.push(`not in the model: ${unexpected.join(', ')}`);
  const ready: [Tensor, Tensor][] = [];
  const loaded = new Map<string, Tensor>();
  for (const m of mapping) {
    const source = tensors.get(m.torch);
    if (!source) continue;
    const expected = m.transposed ? [m.tensor.shape[1], m.tensor.shape[0]] : [...m.tensor.shape];
    if (source.shape.length !== expected.length || source.shape.some((d, i) => d !== expected[i])) {
      const note = m.transposed ? ' (torch Linear weights are [out, in])' : '';
      problems.push(`${m.torch} has shape ${formatShape(source.shape)}, expected ${formatShape(expected)}${note}`);
      continue;
    }
    try {
      if (!options.allowNonFinite) checkFinite(source, m.torch, file);
      checkVariance(source, m.torch, file);
      const t = toTensor(source, m.torch);
      loaded.set(m.torch, t);
      if (!m.fold) ready.push([m.transposed ? transposed(t) : t, m.tensor]);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length === 0) {
    for (const fold of new Set(mapping.flatMap((m) => (m.fold ? [m.fold] : [])))) ready.push(...folded(fold, loaded, problems));
  }
  if (problems.length > 0) throw new SafetensorsError(`${file} does not fit this model: ${problems.join('; ')}`);
  for (const [source, target] of ready) target.data.set(source.data);
}

/**
 * A BatchNorm2d after a conv as the conv alone (eval mode), as PyTorch's exporter folds it:
 * s = γ/√(var + eps), W[o] = W_torch[o]·s[o], b[o] = β[o] − mean[o]·s[o] (PyTorch's fuse_conv_bn_eval
 * with the conv's own bias 0), computed in float64; [new value, the model's tensor] pairs, or a
 * problem when a variance makes s infinite or NaN.
 */
function folded(fold: FoldedBatchNorm, loaded: Map<string, Tensor>, problems: string[]): [Tensor, Tensor][] {
  const part = (name: string) => loaded.get(`${fold.prefix}${name}`)!.data;
  const [gamma, beta, mean, variance] = [part('weight'), part('bias'), part('running_mean'), part('running_var')];
  const W = loaded.get(fold.convWeight)!.data;
  const weight = Tensor.zeros(fold.weight.shape, 'float64');
  const bias = Tensor.zeros(fold.bias.shape, 'float64');
  const perChannel = W.length / gamma.length;
  for (let o = 0; o < gamma.length; o++) {
    const s = gamma[o] / Math.sqrt(variance[o] + fold.eps);
    if (!Number.isFinite(s)) {
      problems.push(`${fold.prefix}running_var[${o}] = ${variance[o]} with eps ${fold.eps} cannot be folded into ${fold.convWeight} (γ/√(var + eps) = ${s})`);
      return [];
    }
    for (let i = o * perChannel; i < (o + 1) * perChannel; i++) weight.data[i] = W[i] * s;
    bias.data[o] = beta[o] - mean[o] * s;
  }
  return [[weight, fold.weight], [bias, fold.bias]];
}
