// SPDX-License-Identifier: MIT
// Test helpers for the ONNX tests: run a model in ONNX Runtime (onnxruntime-web's wasm backend,
// one thread, in Node) and run ONNX's own checker through Debian's python3-onnx when present.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as ort from 'onnxruntime-web';

ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';

/** Runs the model on one float32 input named 'input'; returns the 'output' data and dims. */
export async function runOrt(
  bytes: Uint8Array,
  input: Float32Array,
  dims: readonly number[],
): Promise<{ data: Float32Array; dims: number[] }> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', input, [...dims]) };
    const out = await session.run(feeds);
    const y = out[session.outputNames[0]];
    return { data: y.data as Float32Array, dims: [...y.dims] };
  } finally {
    await session.release();
  }
}

export const PYTHON = '/usr/bin/python3';

/** The highest opset the installed python onnx knows, or a reason why the checker cannot run. */
function probeChecker(): { maxOpset: number } | { skip: string } {
  if (!existsSync(PYTHON)) return { skip: `${PYTHON} not found` };
  const r = spawnSync(PYTHON, ['-c', 'import onnx, onnx.defs; print(onnx.defs.onnx_opset_version())'], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `python onnx not importable (${(r.stderr || '').trim().split('\n').pop()})` };
  return { maxOpset: Number(r.stdout.trim()) };
}

export const checker = probeChecker();

/**
 * Runs onnx.checker.check_model(full_check=True) (shape inference included) on the bytes.
 * Returns null when it passed, or the reason it could not run; throws with the checker's message on failure.
 */
export function checkWithPythonOnnx(bytes: Uint8Array, opset: number): string | null {
  if ('skip' in checker) return checker.skip;
  if (opset > checker.maxOpset) return `python onnx knows opsets up to ${checker.maxOpset}, the model uses ${opset}`;
  const script = 'import sys, onnx; m = onnx.load_from_string(sys.stdin.buffer.read()); onnx.checker.check_model(m, full_check=True)';
  const r = spawnSync(PYTHON, ['-c', script], { input: bytes, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`onnx.checker rejected the model:\n${r.stderr}`);
  return null;
}
