// SPDX-License-Identifier: MIT
// Every layer type Nabla knows, one entry each (the definition lives in the layer's own file).
// The spec reader, ONNX export, the PyTorch mapping, the CLI and the coverage tests read this list.
import {
  eluDef,
  geluDef,
  hardsigmoidDef,
  hardswishDef,
  leakyReluDef,
  mishDef,
  relu6Def,
  reluDef,
  sigmoidDef,
  siluDef,
  softplusDef,
  tanhDef,
} from './activations.js';
import { avgPool2dDef } from './avg-pool2d.js';
import { batchNorm1dDef, batchNorm2dDef } from './batch-norm.js';
import { conv2dDef } from './conv2d.js';
import { convTranspose2dDef } from './conv-transpose2d.js';
import { dropoutDef } from './dropout.js';
import { embeddingDef } from './embedding.js';
import { flattenDef } from './flatten.js';
import { graphDef, residualDef } from './graph-spec.js';
import type { Module } from './layer.js';
import { linearDef } from './linear.js';
import { maxPool2dDef } from './max-pool2d.js';
import { narrowDef } from './narrow.js';
import { addDef, concatDef, mulDef } from './merge.js';
import type { LayerDef } from './registry.js';
import { sequentialDef } from './sequential.js';
import { adaptiveAvgPool2dDef } from './adaptive-avg-pool2d.js';
import { globalAvgPool2dDef } from './global-avg-pool2d.js';
import { groupNormDef } from './group-norm.js';
import { layerNormDef } from './layer-norm.js';
import { channelShuffleDef } from './channel-shuffle.js';
import { zeroPad2dDef } from './zero-pad2d.js';
import { upsampleDef } from './upsample.js';

export const LAYER_DEFS: readonly LayerDef[] = [
  linearDef,
  conv2dDef,
  convTranspose2dDef,
  maxPool2dDef,
  avgPool2dDef,
  reluDef,
  leakyReluDef,
  sigmoidDef,
  tanhDef,
  geluDef,
  softplusDef,
  flattenDef,
  dropoutDef,
  batchNorm1dDef,
  batchNorm2dDef,
  addDef,
  concatDef,
  mulDef,
  sequentialDef,
  graphDef,
  residualDef,
  adaptiveAvgPool2dDef,
  globalAvgPool2dDef,
  layerNormDef,
  groupNormDef,
  relu6Def,
  hardsigmoidDef,
  hardswishDef,
  siluDef,
  eluDef,
  mishDef,
  channelShuffleDef,
  narrowDef,
  zeroPad2dDef,
  embeddingDef,
  upsampleDef,
] as LayerDef[];

const BY_TYPE = new Map(LAYER_DEFS.map((def) => [def.type, def]));

/** Every registered type name. */
export const LAYER_TYPES: readonly string[] = LAYER_DEFS.map((def) => def.type);

/** The definition of a type, or undefined. */
export function layerDef(type: string): LayerDef | undefined {
  return BY_TYPE.get(type);
}

/** The definition of a module (its name is its type); throws for a module of no known type. */
export function defOf(module: Module): LayerDef {
  const def = BY_TYPE.get(module.name);
  if (!def) throw new Error(`${module.name}: not a registered layer type (known: ${LAYER_TYPES.join(', ')})`);
  return def;
}
