// SPDX-License-Identifier: MIT
// `nabla export` and `nabla import`: a saved model (or a preset) to an ONNX file and a PyTorch
// state dict, and an ONNX file to a Nabla weights file the other commands load. Argument
// handling and files only; the conversions are src/io/onnx and src/io/torch.ts.
import type { Command } from 'commander';
import { DATA_INFO_SCHEMA, type DataInfo, dataInfoMetadata, formatNormalization, type Normalization, readDataInfo } from '../data/data-info.js';
import { writeFileAtomic, readBytes, saveWeights } from '../io/node-file.js';
import { exportOnnx, MAX_OPSET, MIN_OPSET } from '../io/onnx/export.js';
import { readOnnx } from '../io/onnx/import.js';
import { toTorchStateDict, torchMapping } from '../io/torch.js';
import type { Container } from '../layers/layer.js';
import { isPresetName } from '../train/presets.js';
import { Tensor } from '../tensor/tensor.js';
import { buildModel, loadSavedModel, resolveModelSpec } from './common.js';
import { fileError, mismatchError, nonNegativeInt, positiveInt, positiveNumber, usageError } from './errors.js';
import { print as printLine } from './io.js';
import { ALLOW_NON_FINITE_HELP, classNamesOption, normalizeOption } from './saved-model.js';

export interface ExportCommandOptions {
  /** Load a model file whose weights hold NaN or ±Infinity (--allow-non-finite). */
  allowNonFinite?: boolean;
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
  /** The eps of the BatchNorms PyTorch's ONNX exporter folded into convs (--folded-bn-eps, default 1e-5). */
  foldedBnEps?: number;
}

/**
 * `nabla export <model> --onnx out.onnx [--torch out.safetensors]`. `model` is a weights file or
 * checkpoint written by `nabla train` (it carries its spec and data shape), or a preset / JSON
 * spec with fresh weights (useful to try the pipeline).
 */
export async function exportCommand(model: string, options: ExportCommandOptions, print: (line: string) => void = printLine): Promise<void> {
  const { onnx, torch, opset = 17, softmax = false, seed = 0 } = options;
  if (!onnx && !torch) throw usageError('nabla export: give --onnx FILE and/or --torch FILE');
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw usageError(`--opset must be an integer from ${MIN_OPSET} to ${MAX_OPSET}, got ${opset}`);
  }
  let net: Container;
  let data: DataInfo | null = null;
  let example = options.inputShape;
  if (isPresetName(model) || model.endsWith('.json')) {
    net = buildModel(await resolveModelSpec(model, {}), seed);
    print(`${model}: fresh weights (seed ${seed}); export a trained weights file for real use`);
  } else {
    const saved = await loadSavedModel(model, { allowNonFinite: options.allowNonFinite === true });
    net = saved.model;
    data = saved.data;
    example ??= saved.data?.inputShape;
  }
  example ??= [1, 28, 28];
  const n = data?.normalization ?? null;
  // What the ONNX model expects as input, said in the file (doc_string, metadata_props 'nabla.data') and here.
  const table = data?.table;
  const input = table
    ? `input: a table row as ${example[0]} features (numeric columns standardised by their training mean and std, categorical ones ${
      table.categorical === 'embedding' ? 'as indices' : 'one-hot'}; the columns are in metadata_props 'nabla.data')${
      table.task === 'regression' ? `; output: ${table.target} standardised (× ${table.targetStd} + ${table.targetMean} gives its units)` : ''}`
    : n ? `input: x = (pixel/255 − mean) / std per channel, ${formatNormalization(n)}` : 'input normalisation unknown (the model file does not record it)';
  if (onnx) {
    let bytes: Uint8Array;
    try {
      bytes = exportOnnx(net, { inputShape: [1, ...example], opset, softmax, metadata: data ? dataInfoMetadata(data) : {}, doc: n || table ? `${input[0].toUpperCase()}${input.slice(1)}.` : undefined });
    } catch (err) {
      const message = (err as Error).message;
      throw /does not fit/.test(message) ? mismatchError(`${message} (set the example shape with --input-shape)`) : usageError(message);
    }
    await writeOut(onnx, bytes);
    print(`wrote ${onnx}: ONNX opset ${opset}, input 'input' [N, ${example.join(', ')}], output 'output'${softmax ? ' (softmax)' : ' (logits)'}, ${bytes.length} bytes; ${input}`);
  }
  if (torch) {
    const eps = options.foldedBnEps ?? 1e-5;
    const bytes = toTorchStateDict(net, { foldedBatchNormEps: eps });
    await writeOut(torch, bytes);
    print(`wrote ${torch}: PyTorch state_dict (safetensors; load with safetensors.torch.load_file), ${bytes.length} bytes`);
    const folds = torchMapping(net).filter((m) => m.fold && m.torch.endsWith('.running_var')).length;
    if (folds > 0) {
      print(`  ${folds} BatchNorm2d folded into their convs by PyTorch's ONNX exporter: written as γ = 1, β = the folded bias, mean = 0, var = 1 − eps with eps ${eps} (the module's own eps; --folded-bn-eps to change)`);
    }
  }
}

/** An atomic write whose failure (missing folder, read-only, full disk) is a file error naming the path. */
async function writeOut(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, bytes);
  } catch (err) {
    throw fileError((err as Error).message);
  }
}

export interface ImportCommandOptions {
  /** Where to write the Nabla weights file (with the model spec in its metadata). */
  out: string;
  /** Import a model whose graph ends in Softmax without it. */
  dropSoftmax?: boolean;
  /** How the model's input is normalised (stored in the file's data settings). */
  normalize?: Normalization;
  /** One name per class. */
  classNames?: string[];
  /** One example's shape, when the ONNX input does not fix it. */
  inputShape?: number[];
}

/** `nabla import model.onnx --out model.safetensors`: an ONNX model as a Nabla weights file. */
export async function importCommand(file: string, options: ImportCommandOptions, print: (line: string) => void = printLine): Promise<void> {
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
    // The library names its option; a CLI user needs the flag.
    const message = (err as Error).message.replace("Import with {trailingSoftmax: 'drop'}", 'Run nabla import with --drop-softmax');
    throw fileError(`${file}: ${message}`);
  }
  let stored: DataInfo | null;
  try {
    stored = readDataInfo(result.metadata, file);
  } catch (err) {
    throw fileError((err as Error).message);
  }
  const data = importedDataInfo(file, result.model, result.inputShape, stored, options);
  try {
    await saveWeights(options.out, result.model, data ? dataInfoMetadata(data) : {});
  } catch (err) {
    throw fileError((err as Error).message);
  }
  const shape = result.inputShape.map((d) => (d === null ? '?' : String(d))).join(', ');
  print(`${file}: ${describeLayers(result.model.name, result.specs.map((s) => s.type))}; input [${shape}]${result.droppedSoftmax ? '; trailing Softmax dropped' : ''}`);
  print(`wrote ${options.out}: ${result.model.parameters().reduce((n, p) => n + p.size, 0)} parameters`);
  if (!data) {
    print(`  no data settings stored (the input shape is not fixed): give --input-shape C,H,W and --normalize; predict and eval will ask for --normalize`);
  } else {
    const from = stored ? `from ${file}'s metadata${options.normalize || options.classNames || options.inputShape ? ', with the options given' : ''}` : 'from the options';
    const norm = data.normalization ? formatNormalization(data.normalization) : 'unknown: predict and eval will ask for --normalize (or give --normalize here)';
    const table = data.table;
    print(table
      ? `  data settings ${from}: a table row of ${data.inputShape[0]} features, target '${table.target}' (${table.task === 'regression' ? 'regression' : `${data.numClasses} classes`})`
      : `  data settings ${from}: input [${data.inputShape.join(', ')}], ${data.numClasses} classes, normalisation ${norm}`);
  }
}

/** 'Conv2d → ReLU → Linear' for up to 16 layers; for more, the count of each type ('a Graph of 372 nodes: 120 Conv2d, …'). */
function describeLayers(container: string, types: string[]): string {
  if (types.length <= 16) return types.join(' → ');
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n} ${t}`);
  return `a ${container} of ${types.length} ${container === 'Graph' ? 'nodes' : 'layers'}: ${parts.join(', ')}`;
}

/**
 * The data settings an imported model carries: those stored in the ONNX file (a Nabla export)
 * with the options laid over them; the input shape from the graph when fixed; the class count
 * from a probe forward. Null when the input shape is unknown.
 */
function importedDataInfo(file: string, model: Container, onnxShape: (number | string | null)[], stored: DataInfo | null, options: ImportCommandOptions): DataInfo | null {
  const graphShape = onnxShape.slice(1);
  const fixed = graphShape.every((d) => typeof d === 'number') ? (graphShape as number[]) : null;
  const inputShape = options.inputShape ?? stored?.inputShape ?? fixed;
  if (!inputShape) return null;
  let numClasses: number;
  try {
    const y = model.forward(Tensor.zeros([1, ...inputShape]), 'eval');
    numClasses = y.shape.length === 2 ? y.shape[1] : 0;
  } catch (err) {
    throw mismatchError(`${file}: input shape [${inputShape.join(', ')}] does not fit the model: ${(err as Error).message}`);
  }
  if (numClasses < 1) return null;
  const classNames = options.classNames ?? stored?.classNames ?? Array.from({ length: numClasses }, (_, k) => String(k));
  if (classNames.length !== numClasses) throw usageError(`${classNames.length} class names for a model with ${numClasses} outputs`);
  const normalization = options.normalize ?? stored?.normalization ?? null;
  if (normalization && normalization.mean.length !== inputShape[0]) {
    throw usageError(`--normalize gives ${normalization.mean.length} channel(s), the model's input has ${inputShape[0]}`);
  }
  if (stored?.table && (options.inputShape || options.normalize || options.classNames) && stored.inputShape.join() !== inputShape.join()) {
    throw usageError(`${file} was exported from a model trained on a table of ${stored.inputShape[0]} features: --input-shape does not apply`);
  }
  // Everything else the file stores (how an image or a table row becomes an input, a regression's
  // target scale) stays as exported: predict and eval then prepare inputs as the original model does.
  return { ...stored, schema: DATA_INFO_SCHEMA, dataset: stored?.dataset ?? null, inputShape, numClasses, classNames, normalization };
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
    .option('--allow-non-finite', ALLOW_NON_FINITE_HELP, false)
    .option('--folded-bn-eps <eps>', 'with --torch: the eps of BatchNorms folded into convs by PyTorch\'s ONNX exporter (default 1e-5)', positiveNumber('--folded-bn-eps'))
    .action((model: string, opts: ExportCommandOptions) => exportCommand(model, opts));
  program
    .command('import <file>')
    .description('convert an ONNX model to a Nabla weights file')
    .requiredOption('--out <file>', 'Nabla weights file to write (.safetensors)')
    .option('--drop-softmax', 'drop a trailing Softmax (Nabla models output logits)', false)
    .option('--normalize <how>', 'how the model\'s input is normalised: mnist, fashion-mnist, none (raw/255) or MEAN,STD (stored for predict and eval)', normalizeOption)
    .option('--class-names <names>', 'mnist, fashion-mnist or names separated by commas', classNamesOption)
    .option('--input-shape <dims>', 'one example\'s shape, e.g. 1,28,28, when the ONNX input does not fix it', shapeList)
    .action((file: string, opts: ImportCommandOptions) => importCommand(file, opts));
}
