// SPDX-License-Identifier: MIT
// `nabla export` and `nabla import`: a saved model (or a preset) to an ONNX file and a PyTorch
// state dict, and an ONNX file to a Nabla weights file the other commands load. Argument
// handling and files only; the conversions are src/io/onnx and src/io/torch.ts.
import type { Command } from 'commander';
import { writeFileAtomic, readBytes, saveWeights } from '../io/node-file.js';
import { exportOnnx, MAX_OPSET, MIN_OPSET } from '../io/onnx/export.js';
import { readOnnx } from '../io/onnx/import.js';
import { toTorchStateDict } from '../io/torch.js';
import type { Sequential } from '../layers/sequential.js';
import { isPresetName } from '../train/presets.js';
import { buildModel, loadSavedModel, resolveModelSpec } from './common.js';
import { fileError, mismatchError, nonNegativeInt, positiveInt, usageError } from './errors.js';

export interface ExportCommandOptions {
  /** Where to write the ONNX model. */
  onnx?: string;
  /** Where to write the PyTorch state dict (safetensors). */
  torch?: string;
  /** ONNX opset (default 17). */
  opset?: number;
  /** Append Softmax so the ONNX file outputs probabilities. */
  softmax?: boolean;
  /** Shape of one example, e.g. [1, 28, 28]; default: the saved model's data shape, else [1, 28, 28]. */
  inputShape?: number[];
  /** Seed for a preset's random weights (a preset has no trained weights). */
  seed?: number;
}

/**
 * `nabla export <model> --onnx out.onnx [--torch out.safetensors]`. `model` is a weights file or
 * checkpoint written by `nabla train` (it carries its spec and data shape), or a preset / JSON
 * spec with fresh weights (useful to try the pipeline).
 */
export async function exportCommand(model: string, options: ExportCommandOptions, print: (line: string) => void = console.log): Promise<void> {
  const { onnx, torch, opset = 17, softmax = false, seed = 0 } = options;
  if (!onnx && !torch) throw usageError('nabla export: give --onnx FILE and/or --torch FILE');
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw usageError(`--opset must be an integer from ${MIN_OPSET} to ${MAX_OPSET}, got ${opset}`);
  }
  let net: Sequential;
  let example = options.inputShape;
  if (isPresetName(model) || model.endsWith('.json')) {
    net = buildModel(await resolveModelSpec(model, {}), seed);
    print(`${model}: fresh weights (seed ${seed}); export a trained weights file for real use`);
  } else {
    const saved = await loadSavedModel(model);
    net = saved.model;
    example ??= saved.data?.imageShape;
  }
  example ??= [1, 28, 28];
  if (onnx) {
    let bytes: Uint8Array;
    try {
      bytes = exportOnnx(net, { inputShape: [1, ...example], opset, softmax });
    } catch (err) {
      const message = (err as Error).message;
      throw /does not fit/.test(message) ? mismatchError(`${message} (set the example shape with --input-shape)`) : usageError(message);
    }
    await writeFileAtomic(onnx, bytes);
    print(`wrote ${onnx}: ONNX opset ${opset}, input 'input' [N, ${example.join(', ')}], output 'output'${softmax ? ' (softmax)' : ' (logits)'}, ${bytes.length} bytes`);
  }
  if (torch) {
    const bytes = toTorchStateDict(net);
    await writeFileAtomic(torch, bytes);
    print(`wrote ${torch}: PyTorch state_dict (safetensors; load with safetensors.torch.load_file), ${bytes.length} bytes`);
  }
}

export interface ImportCommandOptions {
  /** Where to write the Nabla weights file (with the model spec in its metadata). */
  out: string;
  /** Import a model whose graph ends in Softmax without it. */
  dropSoftmax?: boolean;
}

/** `nabla import model.onnx --out model.safetensors`: an ONNX model as a Nabla weights file. */
export async function importCommand(file: string, options: ImportCommandOptions, print: (line: string) => void = console.log): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (err) {
    throw fileError((err as Error).message);
  }
  let result;
  try {
    result = readOnnx(bytes, { trailingSoftmax: options.dropSoftmax ? 'drop' : 'error' });
  } catch (err) {
    throw fileError(`${file}: ${(err as Error).message}`);
  }
  await saveWeights(options.out, result.model);
  const shape = result.inputShape.map((d) => (d === null ? '?' : String(d))).join(', ');
  print(`${file}: ${result.specs.map((s) => s.type).join(' → ')}; input [${shape}]${result.droppedSoftmax ? '; trailing Softmax dropped' : ''}`);
  print(`wrote ${options.out}: ${result.model.parameterCount()} parameters`);
}

function shapeList(value: string): number[] {
  const dims = value.split(',').map((d) => Number(d.trim()));
  if (dims.length === 0 || dims.some((d) => !Number.isInteger(d) || d < 1)) {
    throw usageError(`--input-shape must be positive integers separated by commas (e.g. 1,28,28), got '${value}'`);
  }
  return dims;
}

/** Adds `export` and `import` to the `nabla` program. */
export function registerExportCommands(program: Command): void {
  program
    .command('export <model>')
    .description('write a saved model (or a preset) as ONNX and/or a PyTorch state dict')
    .option('--onnx <file>', 'ONNX model to write')
    .option('--torch <file>', 'PyTorch state_dict to write (safetensors)')
    .option('--opset <n>', `ONNX opset (${MIN_OPSET}-${MAX_OPSET})`, positiveInt('--opset'), 17)
    .option('--softmax', 'append Softmax: the ONNX model outputs probabilities', false)
    .option('--input-shape <dims>', 'shape of one example, e.g. 1,28,28 (default: the saved data shape)', shapeList)
    .option('--seed <n>', 'seed for a preset\'s fresh weights', nonNegativeInt('--seed'), 0)
    .action((model: string, opts: ExportCommandOptions) => exportCommand(model, opts));
  program
    .command('import <file>')
    .description('convert an ONNX model to a Nabla weights file')
    .requiredOption('--out <file>', 'Nabla weights file to write (.safetensors)')
    .option('--drop-softmax', 'drop a trailing Softmax (Nabla models output logits)', false)
    .action((file: string, opts: ImportCommandOptions) => importCommand(file, opts));
}
