// SPDX-License-Identifier: MIT
// `nabla eval <model>`: accuracy, per-class accuracy and the confusion matrix on a dataset's
// held-out (embedded MNIST) or test split: by default the dataset the model was trained on,
// normalised as the model's file says.
import type { Command } from 'commander';
import { formatNormalization, type Normalization } from '../../data/data-info.js';
import { formatMetric } from '../../train/callbacks.js';
import { evaluate, formatConfusion } from '../../train/metrics.js';
import { DEFAULT_CACHE_BYTES } from '../../data/image-folder.js';
import { BACKENDS, checkFit, loadDataset, percent, setupBackend } from '../common.js';
import { choice, fileError, mismatchError, positiveInt, positiveNumber, usageError } from '../errors.js';
import { print } from '../io.js';
import { ALLOW_NON_FINITE_HELP, loadSavedModel, normalizeOption } from '../saved-model.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('evaluate a saved model: accuracy, per-class accuracy, confusion matrix')
    .argument('<model>', 'a model.safetensors, checkpoint or imported model')
    .option('--dataset <name|dir>', 'mnist, fashion-mnist or an IDX folder (default: the one the model was trained on)')
    .option('--normalize <how>', 'mnist, fashion-mnist, none or MEAN,STD (default: what the model file says)', normalizeOption)
    .option('--data <dir>', 'the same as --dataset')
    .option('--skip-bad', 'image folders: skip unreadable and non-image files (counted)', false)
    .option('--cache-mb <n>', `image folders: the memory bound for decoded images, in MiB (default ${DEFAULT_CACHE_BYTES / 2 ** 20}; beyond it they are read back from a record file in the temporary folder through an LRU cache of n MiB)`, positiveNumber('--cache-mb'))
    .option('--batch-size <n>', 'samples per forward pass', positiveInt('--batch-size'), 500)
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), 'auto')
    .option('--threads <n>', 'worker threads of the wasm backend', positiveInt('--threads'))
    .option('--allow-non-finite', ALLOW_NON_FINITE_HELP, false)
    .action(async (path: string, opts: Record<string, any>) => {
      await setupBackend(opts.backend, opts.threads);
      const saved = await loadSavedModel(path, { allowNonFinite: opts.allowNonFinite === true });
      const id: string | null = opts.dataset ?? opts.data ?? saved.dataset;
      if (!id) throw usageError(`${path} does not say which dataset it was trained on; give --dataset mnist, fashion-mnist or an IDX folder`);
      const normalization: Normalization | null = opts.normalize ?? saved.data?.normalization ?? null;
      if (!normalization) {
        throw fileError(`${path} carries no input normalisation (metadata nabla.data); give --normalize mnist, fashion-mnist, none or MEAN,STD`);
      }
      const shape = saved.data?.inputShape;
      const cacheBytes = opts.cacheMb === undefined ? undefined : opts.cacheMb * 2 ** 20;
      const images = shape?.length === 3 ? { channels: shape[0] === 3 ? 3 : 1, size: shape[1], skipBad: opts.skipBad, cacheBytes } as const : { skipBad: opts.skipBad, cacheBytes };
      const data = await loadDataset(id, { normalization, valSplit: 0, images, table: saved.data?.table });
      // The test split when there is one; else a folder's own val/; else every image of the folder.
      const [test, which] = data.test ? [data.test, 'the test split'] : data.validation ? [data.validation, 'the validation folder (no test/ folder)'] : [data.train, data.table ? 'every row of the table' : 'every image of the folder (it has no test/ or val/ folder)'];
      if (saved.data && saved.data.numClasses !== test.numClasses) {
        throw mismatchError(`${path} was trained for ${saved.data.numClasses} classes, ${test.name} has ${test.numClasses}`);
      }
      if (saved.data && saved.data.classNames.some((name, k) => test.classNames[k] !== name) && !/^\d+$/.test(test.classNames[0] ?? '')) {
        throw mismatchError(`${path} was trained on the classes ${saved.data.classNames.join(', ')}; ${test.name} has ${test.classNames.join(', ')}`);
      }
      const result = checkFit(test.name, () => evaluate(saved.model, test, { batchSize: opts.batchSize }));
      if (test.isRegression) {
        for (const note of data.notes) print(note);
        print(`${path} on ${test.name}, ${which} (${test.length.toLocaleString('en-US')} rows, encoded as the model was trained)`);
        print(`RMSE: ${formatMetric(result.rmse!)}, MAE: ${formatMetric(result.mae!)} (in ${saved.data?.table?.target}'s units); MSE on the standardised target ${result.loss.toFixed(4)}`);
        return;
      }
      const how = opts.normalize ? 'as --normalize says' : 'as the model was trained';
      for (const note of data.notes) print(note);
      print(`${path} on ${test.name}, ${which} (${test.length.toLocaleString('en-US')} images, normalised with ${formatNormalization(normalization)}, ${how})`);
      print(`accuracy: ${percent(result.accuracy)} (${Math.round(result.accuracy * result.count)}/${result.count}), cross-entropy ${result.loss.toFixed(4)}`);
      print('per-class accuracy:');
      result.perClassAccuracy.forEach((a, k) => {
        const name = result.classNames[k] === String(k) ? String(k) : `${k} ${result.classNames[k]}`;
        print(`  ${name.padEnd(16)} ${Number.isNaN(a) ? '   n/a' : percent(a).padStart(7)}`);
      });
      print('confusion matrix (rows: true class, columns: predicted):');
      print(formatConfusion(result));
    });
}
