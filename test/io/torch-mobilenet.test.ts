// SPDX-License-Identifier: MIT
// The mobilenet preset against torchvision's own MobileNetV2 pieces: Python assembles the same
// network from torchvision.models.mobilenetv2.InvertedResidual and Conv2dNormActivation (stem
// 1→16 at stride 1 for 28×28 inputs, the preset's stage table, a 1×1 conv to 128, then
// MobileNetV2.forward's pool, flatten, classifier), loads Nabla's state dict with strict=True (so
// every tensor name and shape is torchvision's) and must give Nabla's eval outputs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toTorchStateDict } from '../../src/io/torch.js';
import { buildPreset } from '../../src/train/presets.js';
import { MOBILENET_SETTINGS_28 } from '../../src/train/presets-mobilenet.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { randomInput, randomizeBatchNorm } from './onnx-models.js';
import { PY_LOAD_SAFETENSORS, PYTHON } from './onnx-runtime.js';

const PY = String.raw`
import json, struct, sys, numpy as np, torch
from torch import nn
from torchvision.models.mobilenetv2 import InvertedResidual
from torchvision.ops.misc import Conv2dNormActivation
job = json.load(sys.stdin)
${PY_LOAD_SAFETENSORS}

class Net(nn.Module):
    def __init__(self, settings, stem, last, classes):
        super().__init__()
        layers = [Conv2dNormActivation(1, stem, stride=1, activation_layer=nn.ReLU6)]
        c_in = stem
        for t, c, n, s in settings:
            for i in range(n):
                layers.append(InvertedResidual(c_in, c, s if i == 0 else 1, expand_ratio=t))
                c_in = c
        layers.append(Conv2dNormActivation(c_in, last, kernel_size=1, activation_layer=nn.ReLU6))
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(last, classes))
    def forward(self, x):  # MobileNetV2.forward
        x = nn.functional.adaptive_avg_pool2d(self.features(x), (1, 1))
        return self.classifier(torch.flatten(x, 1))

state = load_safetensors(job["weights"])
model = Net(job["settings"], 16, 128, 10)
model.load_state_dict(state, strict=True)
model.eval()
x = torch.tensor(job["input"], dtype=torch.float32).reshape(job["inputShape"])
with torch.no_grad(): y = model(x)
print(json.dumps({"y": y.flatten().tolist(), "blocks": sum(isinstance(m, InvertedResidual) for m in model.modules()),
                  "residual": sum(getattr(m, "use_res_connect", False) for m in model.modules())}))
`;

function probe(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import torch, torchvision, numpy'], { encoding: 'utf8' });
  return r.status === 0 ? null : `torch/torchvision not available at ${PYTHON} (${(r.stderr || r.error?.message || '').trim().split('\n').pop()})`;
}

describe('mobilenet preset = torchvision MobileNetV2 blocks (python3-torchvision)', () => {
  const skip = probe();
  it('torchvision loads the state dict strictly and gives the same eval outputs', { skip: skip ?? false }, () => {
    const rng = new Rng(45);
    const model = buildPreset('mobilenet', rng);
    randomizeBatchNorm(model, rng);
    const dir = mkdtempSync(join(tmpdir(), 'nabla-mobilenet-torch-'));
    try {
      const weights = join(dir, 'weights.safetensors');
      writeFileSync(weights, toTorchStateDict(model));
      const x = randomInput([3, 1, 28, 28], 46);
      const job = { weights, settings: MOBILENET_SETTINGS_28, input: Array.from(x.data), inputShape: [3, 1, 28, 28] };
      const r = spawnSync(PYTHON, ['-c', PY], { input: JSON.stringify(job), encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const result = JSON.parse(r.stdout) as { y: number[]; blocks: number; residual: number };
      assert.deepEqual([result.blocks, result.residual], [7, 4], 'torchvision builds 7 blocks, 4 of them residual');
      const expected = model.forward(x, 'eval').data;
      expectClose(expected, result.y, { rtol: 1e-4, atol: 1e-6 * Math.max(...result.y.map(Math.abs)), name: 'Nabla vs torchvision' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
