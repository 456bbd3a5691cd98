// SPDX-License-Identifier: MIT
// `nabla summary <model|preset|spec.json>`: the layer table (output shapes, parameter counts).
import type { Command } from 'commander';
import { isPresetName, PRESET_NAMES } from '../../train/presets.js';
import { buildModel, checkFit, loadSavedModel, resolveModelSpec } from '../common.js';
import { ALLOW_NON_FINITE_HELP } from '../saved-model.js';
import { usageError } from '../errors.js';
import { print } from '../io.js';

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('print a model\'s layers, output shapes and parameter counts')
    .argument('<model>', `a preset (${PRESET_NAMES.join(', ')}), a JSON spec file, or a saved model`)
    .option('--input <shape>', 'one input\'s shape C,H,W (default: the saved model\'s, else 1,28,28)')
    .option('--allow-non-finite', ALLOW_NON_FINITE_HELP, false)
    .action(async (model: string, opts: { input?: string; allowNonFinite?: boolean }) => {
      let inputShape: number[] | null = null;
      if (opts.input) {
        inputShape = opts.input.split(',').map(Number);
        if (inputShape.length === 0 || inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
          throw usageError(`--input must be positive integers like 1,28,28, got '${opts.input}'`);
        }
      }
      let built;
      if (isPresetName(model) || model.endsWith('.json')) {
        const shape = (inputShape ?? [1, 28, 28]) as [number, number, number];
        built = buildModel(await resolveModelSpec(model, { inputShape: shape.length === 3 ? shape : undefined }), 0);
      } else {
        const saved = await loadSavedModel(model, { allowNonFinite: opts.allowNonFinite === true });
        built = saved.model;
        inputShape ??= saved.data?.inputShape ?? null;
      }
      const shape = [1, ...(inputShape ?? [1, 28, 28])];
      const summary = checkFit(`an input of shape [${shape.join(', ')}]`, () => built.summary(shape));
      print(`${model}\n${summary.text}`);
    });
}
