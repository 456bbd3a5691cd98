// SPDX-License-Identifier: MIT
// Test helpers for the ONNX tests: run a model in ONNX Runtime (onnxruntime-web's wasm backend,
// one thread, in Node) and run ONNX's own checker through Debian's python3-onnx when present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Python defining load_safetensors(path) → {name: tensor} (F32 and I64 tensors, the dtypes kept):
 * safetensors.torch when it is installed, else the file parsed here (8-byte header length, JSON).
 */
export const PY_LOAD_SAFETENSORS = String.raw`
import json, struct, torch
def load_safetensors(path):
    try:
        from safetensors.torch import load_file
        return load_file(path)
    except ImportError:
        data = open(path, "rb").read()
        (n,) = struct.unpack("<Q", data[:8])
        header = json.loads(data[8:8 + n]); body = data[8 + n:]
        out = {}
        for name, e in header.items():
            if name == "__metadata__": continue
            b, end = e["data_offsets"]
            dtype = {"F32": torch.float32, "I64": torch.int64}[e["dtype"]]
            out[name] = torch.frombuffer(bytearray(body[b:end]), dtype=dtype).reshape(e["shape"])
        return out
`;

/** The highest opset the installed python onnx knows, or a reason why the checker cannot run. */
function probeChecker(): { maxOpset: number } | { skip: string } {
  if (!existsSync(PYTHON)) return { skip: `${PYTHON} not found` };
  const r = spawnSync(PYTHON, ['-c', 'import onnx, onnx.defs; print(onnx.defs.onnx_opset_version())'], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `python onnx not importable (${(r.stderr || '').trim().split('\n').pop()})` };
  return { maxOpset: Number(r.stdout.trim()) };
}

export const checker = probeChecker();

/**
 * Runs onnx.checker.check_model(full_check=True) (shape inference included) on each model, in one
 * python process. Returns why some models were not checked (empty when all were); throws naming the model and with the checker's message when one fails.
 */
export function checkAllWithPythonOnnx(models: { name: string; bytes: Uint8Array; opset: number }[]): string[] {
  if ('skip' in checker) return [`${models.length} model(s) not checked: ${checker.skip}`];
  const maxOpset = checker.maxOpset;
  const newer = models.filter((m) => m.opset > maxOpset);
  const skipped = newer.length === 0 ? [] : [
    `${newer.length} model(s) not checked: python onnx knows opsets up to ${maxOpset}, they use ${[...new Set(newer.map((m) => m.opset))].join(', ')}`,
  ];
  const checked = models.filter((m) => m.opset <= maxOpset);
  if (checked.length === 0) return skipped;
  const dir = mkdtempSync(join(tmpdir(), 'nabla-onnx-check-'));
  try {
    const paths = checked.map((m, i) => {
      const path = join(dir, `${i}.onnx`);
      writeFileSync(path, m.bytes);
      return path;
    });
    const script = 'import sys, onnx\nfor p in sys.argv[1:]:\n    onnx.checker.check_model(onnx.load(p), full_check=True)\n    print(p, flush=True)';
    const r = spawnSync(PYTHON, ['-c', script, ...paths], { encoding: 'utf8' });
    if (r.status !== 0) {
      const failed = checked[r.stdout.split('\n').filter(Boolean).length]?.name ?? '?';
      throw new Error(`onnx.checker rejected ${failed}:\n${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return skipped;
}

/** checkAllWithPythonOnnx for one model: null when checked, else why it was not. */
export function checkWithPythonOnnx(bytes: Uint8Array, opset: number): string | null {
  return checkAllWithPythonOnnx([{ name: 'the model', bytes, opset }])[0] ?? null;
}
