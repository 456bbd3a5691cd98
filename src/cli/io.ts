// SPDX-License-Identifier: MIT
// Where the command's text goes: stdout and stderr unless main() is given other writers (tests).
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

let current: Output = processOutput;

export function setOutput(output: Output): void {
  current = output;
}

/** Writes one line to the command's output. */
export function print(line: string): void {
  current.out(line + '\n');
}

/** Writes one line to the command's error output. */
export function printError(line: string): void {
  current.err(line + '\n');
}
