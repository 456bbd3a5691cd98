// SPDX-License-Identifier: MIT
// Test helpers for the real-model tests (onnx-real-models, torch-torchvision): the folder of
// exports test/fixtures/make-onnx-models.py makes (5–47 MB files, too big for the repo) in a
// temporary folder kept between runs and named after the script's hash, the tolerance,
// running code on one backend, and torchvision's own models loading a Nabla state dict strictly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PY_LOAD_SAFETENSORS, PYTHON } from './onnx-runtime.js';

const SCRIPT = new URL('../fixtures/make-onnx-models.py', import.meta.url);

/** The folder holding the exports, made now when missing; or why it cannot be. */
export function modelFolder(): { dir: string } | { skip: string } {
  if (!existsSync(PYTHON)) return { skip: `${PYTHON} not found` };
  const probe = spawnSync(PYTHON, ['-c', 'import torch, torchvision'], { encoding: 'utf8' });
  if (probe.status !== 0) return { skip: `PyTorch and torchvision are not importable by ${PYTHON}` };
  const hash = createHash('sha256').update(readFileSync(SCRIPT)).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `nabla-onnx-models-${hash}`);
  if (existsSync(join(dir, 'done'))) return { dir };
  const building = `${dir}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const r = spawnSync(PYTHON, [SCRIPT.pathname, building], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`make-onnx-models.py failed:\n${r.stderr}`);
  spawnSync(PYTHON, ['-c', `open(${JSON.stringify(join(building, 'done'))}, 'w').close()`]);
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another run made it first
  }
  return { dir };
}

/** A float32 little-endian file of the folder. */
export function readFloats(dir: string, file: string): Float32Array {
  const b = readFileSync(join(dir, file));
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** |a − r| ≤ 1e-4·|r| + 1e-5·max|r| everywhere (the bar), else the worst element. */
export function expectWithin(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, rtol = 1e-4, scaleTol = 1e-5): void {
  assert.equal(actual.length, expected.length, `${what}: ${actual.length} values, expected ${expected.length}`);
  let max = 0;
  for (let i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(expected[i]));
  let worst = -1;
  let ratio = 0;
  for (let i = 0; i < expected.length; i++) {
    const r = Math.abs(actual[i] - expected[i]) / (rtol * Math.abs(expected[i]) + scaleTol * max);
    if (!(r <= ratio)) [worst, ratio] = [i, r];
  }
  assert.ok(ratio <= 1, `${what}: element ${worst} is ${actual[worst]}, expected ${expected[worst]} (${ratio.toFixed(2)}× the tolerance)`);
}

export { withBackend } from '../helpers/backend.js';

/** Loads each job's state dict into torchvision's model strictly; prints its eval output and any key whose shape or dtype differs. */
const PY_TORCHVISION = String.raw`
import json, struct, sys, numpy as np, torch, torchvision
jobs = json.load(sys.stdin)
${PY_LOAD_SAFETENSORS}
results = []
for job in jobs:
    state = load_safetensors(job["weights"])
    model = getattr(torchvision.models, job["arch"])(weights=None)
    own = model.state_dict()
    differ = [f"{k}: {tuple(v.shape)} {v.dtype}, torchvision {tuple(own[k].shape)} {own[k].dtype}"
              for k, v in state.items() if k in own and (v.shape != own[k].shape or v.dtype != own[k].dtype)]
    model.load_state_dict(state, strict=True)
    model.eval()
    x = torch.from_numpy(np.fromfile(job["input"], dtype="<f4").reshape(job["inputShape"]))
    with torch.no_grad(): y = model(x)
    results.append({"y": y.flatten().tolist(), "differ": differ})
print(json.dumps(results))
`;

/** A state dict for torchvision's model `arch`, and its input (float32 file, shape). */
export interface TorchvisionJob {
  weights: string;
  arch: string;
  input: string;
  inputShape: number[];
}

/** torchvision's eval outputs with each job's state dict, and the keys whose shape or dtype differ. */
export function inTorchvision(jobs: TorchvisionJob[]): { y: number[]; differ: string[] }[] {
  const r = spawnSync(PYTHON, ['-c', PY_TORCHVISION], { input: JSON.stringify(jobs), encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { y: number[]; differ: string[] }[];
}
