// SPDX-License-Identifier: MIT
// `nabla data download <mnist|fashion-mnist> [--dir]`: fetches the four IDX files, checks their
// SHA-256 and writes them atomically (resuming an interrupted download).
import type { Command } from 'commander';
import { type DownloadableDataset, downloadDataset, DownloadError } from '../../data/download.js';
import { choice, CliError, EXIT } from '../errors.js';
import { print } from '../io.js';

export function registerData(program: Command): void {
  const data = program.command('data').description('dataset tools');
  data
    .command('download')
    .description('download MNIST or Fashion-MNIST (the four IDX files, SHA-256 checked)')
    .argument('<dataset>', 'mnist or fashion-mnist', choice('<dataset>', ['mnist', 'fashion-mnist'] as const))
    .option('--dir <dir>', 'where to put the files (default: ./data/<dataset>)')
    .option('--base-url <url>', 'another mirror serving the same file names')
    .action(async (name: DownloadableDataset, opts: { dir?: string; baseUrl?: string }) => {
      const dir = opts.dir ?? `data/${name}`;
      let paths: string[];
      try {
        paths = await downloadDataset(name, dir, {
          baseUrl: opts.baseUrl,
          onFile: (file, outcome) => print(`  ${file}: ${outcome}`),
        });
      } catch (err) {
        const hint = err instanceof DownloadError && err.unreachable ? ' (--base-url URL: a mirror serving the same file names)' : '';
        throw new CliError(`download of ${name} failed: ${(err as Error).message}${hint}`, EXIT.file);
      }
      print(`${name}: ${paths.length} files in ${dir}; train with: nabla train --dataset ${dir}`);
    });
}
