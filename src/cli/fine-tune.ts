// SPDX-License-Identifier: MIT
// The fine-tuning options of `nabla train` (issue 10): --num-classes replaces the head of the
// model a run starts from, --freeze / --freeze-all-but-head freeze parameters by path prefix,
// --frozen-bn says what frozen batch norm does, --head-lr gives the head its own rate. The
// options are saved in the run's config, so --resume freezes the same parameters again.
import type { ImageDataset } from '../data/dataset.js';
import { findHead, freeze, freezeAllButHead, replaceHead } from '../layers/freeze.js';
import type { Container } from '../layers/layer.js';
import type { ParamGroup } from '../optim/optimizer.js';
import { Rng } from '../tensor/rng.js';
import { mismatchError, usageError } from './errors.js';
import type { TrainConfig } from './train-config.js';

/** The prefixes of --freeze: comma-separated, blanks dropped, each a path ('layer1', 'layer2.0.conv1'). */
export function parsePrefixes(value: string): string {
  const prefixes = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (prefixes.length === 0) throw usageError(`--freeze needs layer paths separated by commas (e.g. conv1,bn1,layer1), got '${value}'`);
  return prefixes.join(',');
}

/** Refuses combinations that cannot mean anything, before any data is read. */
export function checkFineTuneOptions(config: TrainConfig, startsFromWeights: boolean): void {
  if (config.numClasses !== undefined && !startsFromWeights) {
    throw usageError('--num-classes replaces the head of a saved model: give the model file with --model FILE.safetensors or --init-from FILE (a preset is built for the data\'s classes anyway)');
  }
  if (config.freeze !== undefined && config.freezeAllButHead) throw usageError('--freeze and --freeze-all-but-head: give one of them');
  if (config.frozenBn !== undefined && config.freeze === undefined && !config.freezeAllButHead) throw usageError('--frozen-bn says what frozen batch norm layers do: it needs --freeze or --freeze-all-but-head');
}

export interface FineTuned {
  model: Container;
  /** The optimizer's parameter groups (the head's, with --head-lr). */
  groups: ParamGroup[];
  /** Lines for the banner. */
  notes: string[];
}

/**
 * Applies the fine-tuning options to the model of a run: the head replaced (only when the run
 * starts from saved weights; a resumed run's checkpoint already has it), parameters frozen, and
 * the head's group. Checks that the model's outputs match the data's classes.
 */
export function applyFineTuning(model: Container, config: TrainConfig, data: ImageDataset, startsFromWeights: boolean): FineTuned {
  const notes: string[] = [];
  let tuned = model;
  if (config.numClasses !== undefined && startsFromWeights) {
    if (!data.isRegression && config.numClasses !== data.numClasses) {
      throw mismatchError(`--num-classes ${config.numClasses}: ${data.name} has ${data.numClasses} classes`);
    }
    const replaced = replaceHead(model, config.numClasses, { rng: new Rng(config.seed) });
    tuned = replaced.model;
    notes.push(`head '${replaced.path}' replaced by a fresh one with ${config.numClasses} outputs (PyTorch's default init, seed ${config.seed})`);
  }
  const outputs = tuned.outputShape([1, ...data.imageShape]).at(-1);
  const wanted = data.isRegression ? 1 : data.numClasses;
  if (startsFromWeights && outputs !== wanted) {
    throw mismatchError(`the model gives ${outputs} outputs, ${data.name} has ${wanted} ${data.isRegression ? 'target' : 'classes'}: --num-classes ${wanted} replaces its head with a fresh one`);
  }
  const batchNorm = config.frozenBn ?? 'train';
  try {
    if (config.freezeAllButHead) freezeAllButHead(tuned, { batchNorm });
    else if (config.freeze !== undefined) freeze(tuned, config.freeze.split(','), { batchNorm });
  } catch (err) {
    throw usageError(`--freeze: ${(err as Error).message.replace(/^freeze: /, '')}`);
  }
  const all = tuned.parameters();
  const frozen = all.filter((p) => !p.requiresGrad);
  if (frozen.length > 0) {
    const values = (ps: typeof all) => ps.reduce((n, p) => n + p.size, 0).toLocaleString('en-US');
    const bn = batchNorm === 'eval' ? 'frozen batch norm uses its running statistics (--frozen-bn eval)' : 'frozen batch norm still uses batch statistics and updates its running ones (--frozen-bn eval keeps them)';
    notes.push(`frozen: ${config.freezeAllButHead ? 'all but the head' : config.freeze} (${frozen.length} of ${all.length} parameter tensors, ${values(frozen)} of ${values(all)} values); ${bn}`);
  }
  const groups: ParamGroup[] = [];
  if (config.headLr !== undefined) {
    let path: string;
    try {
      ({ path } = findHead(tuned));
    } catch (err) {
      throw usageError(`--head-lr: ${(err as Error).message.replace(/^findHead: /, '')}`);
    }
    groups.push({ params: path, lr: config.headLr });
    notes.push(`head '${path}' trains at lr ${config.headLr}, the rest at lr ${config.lr} (schedules scale both)`);
  }
  return { model: tuned, groups, notes };
}
