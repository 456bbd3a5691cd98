// SPDX-License-Identifier: MIT
// `nabla eval <model>`: accuracy, per-class accuracy and the confusion matrix on a dataset's
// held-out (embedded MNIST) or test split: by default the dataset the model was trained on,
// normalised as the model's file says.
import type { Command } from 'commander';
import { formatNormalization, type Normalization } from '../../data/data-info.js';
import { formatMetric } from '../../train/callbacks.js';
import { evaluate, formatConfusion, TTA_KINDS } from '../../train/metrics.js';
import { TRAIN_DEFAULTS } from '../train-config.js';
import { DEFAULT_CACHE_BYTES } from '../../data/image-folder.js';
import { BACKENDS, checkFit, DEFAULT_VAL_SPLIT, loadDataset, percent, setupBackend } from '../common.js';
import { choice, fileError, mismatchError, nonNegativeInt, numberIn, positiveInt, positiveNumber, usageError } from '../errors.js';
import { print } from '../io.js';
import { ALLOW_NON_FINITE_HELP, loadSavedModel, normalizeOption } from '../saved-model.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('evaluate a saved model: accuracy, per-class accuracy, confusion matrix')
    .argument('<model>', 'a model.safetensors, checkpoint or imported model')
    .option('--dataset <name|dir>', 'mnist, fashion-mnist, an IDX folder, an image folder or a .csv table (default: the one the model was trained on)')
    .option('--normalize <how>', 'mnist, fashion-mnist, none or MEAN,STD (default: what the model file says)', normalizeOption)
    .option('--data <dir>', 'the same as --dataset')
    .option('--skip-bad', 'image folders: skip unreadable and non-image files (counted)', false)
    .option('--cache-mb <n>', `image folders: the memory bound for decoded images, in MiB (default ${DEFAULT_CACHE_BYTES / 2 ** 20}; beyond it they are read back from a record file in the temporary folder through an LRU cache of n MiB)`, positiveNumber('--cache-mb'))
    .option('--split <which>', `test (the default: the test split, else a folder's val/, else every image) or validation (the images nabla train held back with --val-split and --seed; give the run's values)`, choice('--split', ['test', 'validation'] as const), 'test')
    .option('--val-split <f>', `with --split validation: the share nabla train held back (default ${DEFAULT_VAL_SPLIT})`, numberIn('--val-split', 0, 1))
    .option('--seed <n>', `with --split validation: the run's --seed (default ${TRAIN_DEFAULTS.seed})`, nonNegativeInt('--seed'))
    .option('--tta <kind>', 'test-time augmentation: none, or flip (each image scored by the mean of the logits for it and for its mirror image)', choice('--tta', TTA_KINDS), 'none')
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
      // Held-out data may lack some of the model's classes: labels index the model's (image folders and tables).
      const classNames = saved.data && !saved.data.table?.task ? saved.data.classNames : undefined;
      const images = shape?.length === 3 ? { channels: shape[0] === 3 ? 3 : 1, size: shape[1], skipBad: opts.skipBad, cacheBytes, classNames } as const
        : { skipBad: opts.skipBad, cacheBytes, classNames };
      const wantValidation = opts.split === 'validation';
      if (!wantValidation && (opts.valSplit !== undefined || opts.seed !== undefined)) throw usageError('--val-split and --seed choose the validation split: give them with --split validation');
      const valSplit = wantValidation ? opts.valSplit ?? DEFAULT_VAL_SPLIT : 0;
      const data = await loadDataset(id, { normalization, valSplit, seed: opts.seed ?? TRAIN_DEFAULTS.seed, images, table: saved.data?.table, classNames });
      // The test split when there is one; else a folder's own val/; else every image of the folder.
      if (wantValidation && !data.validation) throw usageError(`--split validation: ${id} has no validation split with --val-split ${valSplit}`);
      const [test, which] = wantValidation
        ? [data.validation!, data.validationFrom ? `the validation split (${data.validationFrom})` : 'the validation split']
        : data.test ? [data.test, 'the test split'] : data.validation ? [data.validation, 'the validation folder (no test/ folder)'] : [data.train, data.table ? 'every row of the table' : 'every image of the folder (it has no test/ or val/ folder)'];
      if (opts.tta !== 'none' && data.table) throw usageError(`--tta ${opts.tta} mirrors images; ${id} is a table`);
      if (saved.data && saved.data.numClasses !== test.numClasses) {
        throw mismatchError(`${path} was trained for ${saved.data.numClasses} classes, ${test.name} has ${test.numClasses}`);
      }
      if (saved.data && saved.data.classNames.some((name, k) => test.classNames[k] !== name) && !/^\d+$/.test(test.classNames[0] ?? '')) {
        throw mismatchError(`${path} was trained on the classes ${saved.data.classNames.join(', ')}; ${test.name} has ${test.classNames.join(', ')}`);
      }
      const result = checkFit(test.name, () => evaluate(saved.model, test, { batchSize: opts.batchSize, tta: opts.tta }));
      if (test.isRegression) {
        for (const note of data.notes) print(note);
        print(`${path} on ${test.name}, ${which} (${test.length.toLocaleString('en-US')} rows, encoded as the model was trained)`);
        print(`RMSE: ${formatMetric(result.rmse!)}, MAE: ${formatMetric(result.mae!)} (in ${saved.data?.table?.target}'s units); MSE on the standardised target ${result.loss.toFixed(4)}`);
        return;
      }
      const how = opts.normalize ? 'as --normalize says' : 'as the model was trained';
      for (const note of data.notes) print(note);
      const tta = opts.tta === 'flip' ? '; test-time augmentation: the mean of the logits for each image and its mirror image' : '';
      print(data.table
        ? `${path} on ${test.name}, ${which} (${test.length.toLocaleString('en-US')} rows, encoded as the model was trained)`
        : `${path} on ${test.name}, ${which} (${test.length.toLocaleString('en-US')} images, normalised with ${formatNormalization(normalization)}, ${how}${tta})`);
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
