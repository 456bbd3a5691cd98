// SPDX-License-Identifier: MIT
// `nabla eval <model>`: accuracy, per-class accuracy and the confusion matrix on a dataset's
// held-out (embedded MNIST) or test split.
import type { Command } from 'commander';
import { evaluate, formatConfusion } from '../../train/metrics.js';
import { BACKENDS, checkFit, loadDataset, loadSavedModel, percent, setupBackend } from '../common.js';
import { choice, mismatchError, positiveInt } from '../errors.js';
import { print } from '../io.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('evaluate a saved model: accuracy, per-class accuracy, confusion matrix')
    .argument('<model>', 'a model.safetensors or checkpoint written by nabla train')
    .option('--dataset <name|dir>', 'mnist, fashion-mnist or an IDX folder (default: the one the model was trained on)')
    .option('--batch-size <n>', 'samples per forward pass', positiveInt('--batch-size'), 500)
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), 'auto')
    .option('--threads <n>', 'worker threads of the wasm backend', positiveInt('--threads'))
    .action(async (path: string, opts: Record<string, any>) => {
      await setupBackend(opts.backend, opts.threads);
      const saved = await loadSavedModel(path);
      const id: string = opts.dataset ?? saved.data?.dataset ?? 'mnist';
      const data = await loadDataset(id);
      const test = data.test;
      if (saved.data && saved.data.numClasses !== test.numClasses) {
        throw mismatchError(`${path} was trained for ${saved.data.numClasses} classes, ${test.name} has ${test.numClasses}`);
      }
      const result = checkFit(test.name, () => evaluate(saved.model, test, { batchSize: opts.batchSize }));
      print(`${path} on ${test.name} (${test.length.toLocaleString('en-US')} images)`);
      print(`accuracy: ${percent(result.accuracy)} (${Math.round(result.accuracy * result.count)}/${result.count}), loss ${result.loss.toFixed(4)}`);
      print('per-class accuracy:');
      result.perClassAccuracy.forEach((a, k) => {
        const name = result.classNames[k] === String(k) ? String(k) : `${k} ${result.classNames[k]}`;
        print(`  ${name.padEnd(16)} ${Number.isNaN(a) ? '   n/a' : percent(a).padStart(7)}`);
      });
      print('confusion matrix (rows: true class, columns: predicted):');
      print(formatConfusion(result));
    });
}
