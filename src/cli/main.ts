// SPDX-License-Identifier: MIT
// The `nabla` command: parses arguments with commander, runs one subcommand, and turns errors
// into messages and exit codes (errors.ts). bin/nabla.js runs the compiled copy of this file.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerData } from './commands/data.js';
import { registerEval } from './commands/eval.js';
import { registerGradcheck } from './commands/gradcheck.js';
import { registerPlot } from './commands/plot.js';
import { registerPredict } from './commands/predict.js';
import { registerSummary } from './commands/summary.js';
import { registerTrain } from './commands/train.js';
import { CliError, EXIT } from './errors.js';
import { registerExportCommands } from './export.js';
import { type Output, printError, processOutput, setOutput } from './io.js';

export async function buildProgram(output: Output = processOutput): Promise<Command> {
  const program = new Command('nabla')
    .configureOutput({ writeOut: (text) => output.out(text), writeErr: (text) => output.err(text) })
    .description('Neural networks in TypeScript with hand-derived backpropagation')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerTrain(program);
  registerEval(program);
  registerPredict(program);
  registerPlot(program);
  registerSummary(program);
  registerGradcheck(program);
  registerData(program);
  registerExportCommands(program); // export, import (src/cli/export.ts)
  const inherit = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput({ writeOut: (text) => output.out(text), writeErr: (text) => output.err(text) });
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Runs the command line; returns the exit code instead of exiting (tests call it directly). */
export async function main(argv: string[] = process.argv.slice(2), output: Output = processOutput): Promise<number> {
  setOutput(output);
  if (output === processOutput) quietOnClosedPipe();
  const program = await buildProgram(output);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are not errors; commander has already printed its message
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      printError(`nabla: ${err.message}`);
      return err.exitCode;
    }
    printError(`nabla: ${(err as Error).message ?? String(err)}`);
    if (process.env.NABLA_DEBUG) printError(String((err as Error).stack));
    return EXIT.failure;
  } finally {
    setOutput(processOutput);
  }
}

let pipeHandled = false;

/** `nabla … | head` closes stdout early: stop quietly instead of crashing on EPIPE. */
function quietOnClosedPipe(): void {
  if (pipeHandled) return;
  pipeHandled = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then((code) => {
    process.exitCode = code;
  });
}
