// SPDX-License-Identifier: MIT
// Weights PyTorch reads: toTorchStateDict / fromTorchStateDict names and layouts, a round trip
// Nabla → PyTorch (load_state_dict(strict=True), a training step there) → Nabla through Debian's
// python3-torch when present, and damaged or mismatched files rejected with clear errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { decodeSafetensors, encodeSafetensors } from '../../src/io/safetensors.js';
import { fromTorchStateDict, toTorchStateDict, torchMapping } from '../../src/io/torch.js';
import { BatchNorm2d } from '../../src/layers/batch-norm.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { Linear } from '../../src/layers/linear.js';
import type { Container } from '../../src/layers/layer.js';
import { Sequential } from '../../src/layers/sequential.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { buildPreset } from '../../src/train/presets.js';
import { tableEmbeddingSpec } from '../../src/train/presets-table.js';
import type { TableSchema } from '../../src/data/table.js';
import { cnnEveryLayer, cnnPools, graphEveryMerge, mlpEveryLayer, randomInput, randomizeBatchNorm, shuffleNetPieces } from './onnx-models.js';
import { decoderEveryConvTranspose, decoderUpsample } from './convt-models.js';
import { PY_LOAD_SAFETENSORS, PYTHON } from './onnx-runtime.js';

/** A fresh model of the same architecture with other weights (drawn from another seed). */
function sibling(model: Container): Container {
  return modelFromSpec(model.toSpec(), { rng: new Rng(999) });
}

describe('toTorchStateDict writes PyTorch\'s names and layouts', () => {
  it('names: running_mean/running_var/num_batches_tracked, Linear weight transposed to [out, in]', () => {
    const rng = new Rng(1);
    const model = new Sequential([new Conv2d(2, 3, 3, { rng }), new BatchNorm2d(3), new Sequential([new Linear(4, 5, { rng })])]);
    const { tensors, metadata } = decodeSafetensors(toTorchStateDict(model));
    assert.deepEqual([...tensors.keys()], [
      '0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked', '2.0.weight', '2.0.bias',
    ]);
    assert.equal(metadata.format, 'pt');
    const w = tensors.get('2.0.weight')!;
    assert.deepEqual(w.shape, [5, 4]);
    const W = (model.layers[2] as Sequential).layers[0] as Linear;
    for (let i = 0; i < 4; i++) for (let o = 0; o < 5; o++) assert.equal(w.data[o * 4 + i], W.weight.value.data[i * 5 + o]);
    const counter = tensors.get('1.num_batches_tracked')!;
    assert.deepEqual([counter.dtype, counter.shape], ['I64', []]);
    assert.deepEqual(torchMapping(model).map((m) => `${m.nabla}→${m.torch}`).slice(4, 6), ['1.runningMean→1.running_mean', '1.runningVar→1.running_var']);
  });

  for (const make of [mlpEveryLayer, cnnEveryLayer]) {
    it(`${make.name}: fromTorchStateDict(toTorchStateDict(m)) reproduces every tensor`, () => {
      const { model, inputShape } = make();
      const copy = sibling(model);
      fromTorchStateDict(copy, toTorchStateDict(model));
      const x = randomInput(inputShape, 2);
      assert.deepEqual(copy.forward(x, 'eval').data, model.forward(x, 'eval').data);
    });
  }
});

describe('fromTorchStateDict rejects what does not fit, naming every problem', () => {
  const { model } = cnnEveryLayer();
  const dict = decodeSafetensors(toTorchStateDict(model)).tensors;
  const rewrite = (edit: (m: Map<string, unknown>) => void): Uint8Array => {
    const m = new Map<string, unknown>(dict);
    edit(m);
    return encodeSafetensors(m as never);
  };
  const cases: [string, Uint8Array, RegExp][] = [
    ['a missing tensor', rewrite((m) => m.delete('1.running_var')), /does not fit this model: missing: 1.running_var/],
    ['an unexpected tensor', rewrite((m) => m.set('12.weight', Tensor.zeros([1]))), /not in the model: 12.weight/],
    [
      'a Linear weight left as [in, out]',
      rewrite((m) => m.set('11.weight', Tensor.zeros([24, 5]))),
      /11.weight has shape \[24, 5\], expected \[5, 24\] \(torch Linear weights are \[out, in\]\)/,
    ],
    ['float16 weights', rewrite((m) => m.set('0.bias', { dtype: 'F16', shape: [8], data: new Uint16Array(8) })), /tensor 0.bias: dtype F16 cannot become a Nabla tensor/],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, () => {
      const copy = sibling(model);
      const before = copy.parameters().map((p) => p.value.data.slice());
      assert.throws(() => fromTorchStateDict(copy, bytes, 'model.safetensors'), message);
      // Nothing was half-loaded.
      copy.parameters().forEach((p, i) => assert.deepEqual(p.value.data, before[i]));
    });
  }
  it('num_batches_tracked may be missing (older or hand-made files)', () => {
    fromTorchStateDict(sibling(model), rewrite((m) => m.delete('1.num_batches_tracked')));
  });

  it('truncated, flipped, and lying files give a SafetensorsError naming the file', () => {
    const bytes = toTorchStateDict(model);
    for (let k = 0; k <= 200; k++) {
      const at = Math.floor((k * (bytes.length - 1)) / 200);
      assert.throws(() => fromTorchStateDict(sibling(model), bytes.subarray(0, at), 'cut.safetensors'), /^SafetensorsError: cut.safetensors/);
    }
    const rng = new Rng(4);
    const headerLength = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
    for (let k = 0; k < 200; k++) {
      const flipped = bytes.slice();
      flipped[rng.int(8 + headerLength)] ^= 1 + rng.int(255); // in the length or the JSON header
      try {
        fromTorchStateDict(sibling(model), flipped, 'flipped.safetensors');
      } catch (e) {
        assert.match((e as Error).message, /^flipped.safetensors/);
      }
    }
    const huge = bytes.slice();
    new DataView(huge.buffer).setBigUint64(0, 2n ** 60n, true);
    assert.throws(() => fromTorchStateDict(sibling(model), huge, 'huge.safetensors'), /huge.safetensors: header length 1152921504606846976 runs past the end of the file/);
    const text = new TextDecoder().decode(bytes.subarray(8, 8 + headerLength));
    const lying = text.replace('"0.weight":{"dtype":"F32","shape":[8,3,3,3]', '"0.weight":{"dtype":"F32","shape":[8,3,3,3000000]');
    assert.notEqual(lying, text);
    const lyingBytes = new Uint8Array(8 + lying.length + bytes.length - 8 - headerLength);
    new DataView(lyingBytes.buffer).setBigUint64(0, BigInt(lying.length), true);
    lyingBytes.set(new TextEncoder().encode(lying), 8);
    lyingBytes.set(bytes.subarray(8 + headerLength), 8 + lying.length);
    assert.throws(() => fromTorchStateDict(sibling(model), lyingBytes, 'lying.safetensors'), /lying.safetensors: tensor 0.weight: shape \[8, 3, 3, 3000000\] of F32 needs 864000000 bytes/);
  });
});

/**
 * The Python side: builds torch.nn.Sequential from Nabla's spec, parses the safetensors bytes
 * (with numpy + torch.frombuffer when the `safetensors` module is missing, as on Debian),
 * load_state_dict(strict=True), runs eval, takes one SGD step in train mode (so weights and
 * running statistics change), and writes the new state_dict back as safetensors.
 */
const PY = String.raw`
import json, struct, sys, torch
from torch import nn
job = json.load(sys.stdin)

def pair(v):
    return tuple(v) if isinstance(v, list) else v

class GraphModule(nn.Module):
    """Nabla's Graph spec as a module: each node an attribute (so tensor names match), merges inline."""
    def __init__(self, spec):
        super().__init__()
        self.inp = spec.get("input", "input")
        self.order = []
        prev = self.inp
        for n in spec["nodes"]:
            layer = {k: v for k, v in n.items() if k not in ("name", "inputs")}
            inputs = n.get("inputs", [prev]); prev = n["name"]
            if layer["type"] not in ("Add", "Concat", "Mul"): setattr(self, n["name"], build(layer))
            self.order.append((n["name"], layer, inputs))
        self.out = spec.get("output", prev)
    def forward(self, x):
        v = {self.inp: x}
        for name, layer, inputs in self.order:
            xs = [v[i] for i in inputs]; t = layer["type"]
            if t == "Add": y = sum(xs[1:], xs[0])
            elif t == "Concat": y = torch.cat(xs, layer.get("axis", 1))
            elif t == "Mul": y = xs[0] * xs[1]
            else: y = getattr(self, name)(xs[0])
            v[name] = y
        return v[self.out]

class ChannelShuffle(nn.Module):
    """nn.ChannelShuffle(groups) has no backward in PyTorch 1.13: torchvision's formula, any rank."""
    def __init__(self, groups):
        super().__init__(); self.groups = groups
    def forward(self, x):
        n, c = x.shape[:2]
        return x.view(n, self.groups, c // self.groups, *x.shape[2:]).transpose(1, 2).reshape(x.shape)

class ResidualModule(nn.Module):
    def __init__(self, spec):
        super().__init__()
        self.body = build(spec["body"])
        self.shortcut = build(spec["shortcut"]) if "shortcut" in spec else None
    def forward(self, x):
        return self.body(x) + (x if self.shortcut is None else self.shortcut(x))

class FloatIndexEmbedding(nn.Embedding):
    """nn.Embedding on Nabla's float indices (the same state dict: weight [V, D])."""
    def forward(self, x):
        return super().forward(x.long())

class Narrow(nn.Module):
    def __init__(self, dim, start, length):
        super().__init__()
        self.dim, self.start, self.length = dim, start, length
    def forward(self, x):
        return torch.narrow(x, self.dim, self.start, self.length)

def build(spec):
    t = spec["type"]; g = spec.get
    if t == "Sequential": return nn.Sequential(*[build(s) for s in spec["layers"]])
    if t == "Graph": return GraphModule(spec)
    if t == "Residual": return ResidualModule(spec)
    if t == "Linear": return nn.Linear(spec["inFeatures"], spec["outFeatures"], bias=g("bias", True))
    if t == "Conv2d": return nn.Conv2d(spec["inChannels"], spec["outChannels"], pair(spec["kernelSize"]), stride=pair(g("stride", 1)), padding=pair(g("padding", 0)), dilation=pair(g("dilation", 1)), groups=g("groups", 1), bias=g("bias", True))
    if t == "ConvTranspose2d": return nn.ConvTranspose2d(spec["inChannels"], spec["outChannels"], pair(spec["kernelSize"]), stride=pair(g("stride", 1)), padding=pair(g("padding", 0)), output_padding=pair(g("outputPadding", 0)), dilation=pair(g("dilation", 1)), groups=g("groups", 1), bias=g("bias", True))
    if t == "MaxPool2d": return nn.MaxPool2d(pair(spec["kernelSize"]), stride=pair(g("stride", spec["kernelSize"])), padding=pair(g("padding", 0)), dilation=pair(g("dilation", 1)), ceil_mode=g("ceilMode", False))
    if t == "AvgPool2d": return nn.AvgPool2d(pair(spec["kernelSize"]), stride=pair(g("stride", spec["kernelSize"])), padding=pair(g("padding", 0)), count_include_pad=g("countIncludePad", True), ceil_mode=g("ceilMode", False), divisor_override=g("divisorOverride", None))
    if t == "AdaptiveAvgPool2d": return nn.AdaptiveAvgPool2d(pair(spec["outputSize"]))
    if t == "GlobalAvgPool2d": return nn.AdaptiveAvgPool2d(1)
    if t == "Upsample": return nn.Upsample(size=pair(g("size")), scale_factor=pair(g("scaleFactor")), mode=g("mode", "nearest"), align_corners=g("alignCorners"))
    if t in ("BatchNorm1d", "BatchNorm2d"): return getattr(nn, t)(spec["numFeatures"], eps=g("eps", 1e-5), momentum=g("momentum", 0.1), affine=g("affine", True))
    if t == "LeakyReLU": return nn.LeakyReLU(g("negativeSlope", 0.01))
    if t == "Softplus": return nn.Softplus(beta=g("beta", 1), threshold=g("threshold", 20))
    if t == "Dropout": return nn.Dropout(g("p", 0.5))
    if t == "LayerNorm": return nn.LayerNorm(spec["normalizedShape"], eps=g("eps", 1e-5), elementwise_affine=g("elementwiseAffine", True))
    if t == "GroupNorm": return nn.GroupNorm(spec["numGroups"], spec["numChannels"], eps=g("eps", 1e-5), affine=g("affine", True))
    if t == "Embedding": return FloatIndexEmbedding(spec["numEmbeddings"], spec["embeddingDim"], padding_idx=g("paddingIdx", None))
    if t == "Narrow": return Narrow(spec["dim"], spec["start"], spec["length"])
    if t == "GELU": return nn.GELU(approximate=g("approximate", "none"))
    if t == "ELU": return nn.ELU(g("alpha", 1.0))
    if t in ("ReLU6", "Hardswish", "Hardsigmoid", "SiLU", "Mish"): return getattr(nn, t)()
    if t == "ChannelShuffle": return ChannelShuffle(spec["groups"])
    if t == "ZeroPad2d": return nn.ZeroPad2d(pair(spec["padding"]))
    return {"ReLU": nn.ReLU, "Sigmoid": nn.Sigmoid, "Tanh": nn.Tanh, "GELU": nn.GELU, "Flatten": nn.Flatten}[t]()

${PY_LOAD_SAFETENSORS}
load = load_safetensors

def save(tensors, path):
    header, chunks, at = {}, [], 0
    for name, t in tensors.items():
        raw = t.detach().contiguous().numpy().tobytes()
        header[name] = {"dtype": "I64" if t.dtype == torch.int64 else "F32", "shape": list(t.shape), "data_offsets": [at, at + len(raw)]}
        chunks.append(raw); at += len(raw)
    h = json.dumps(header).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h); f.write(b"".join(chunks))

torch.manual_seed(0)
model = build(job["spec"])
model.load_state_dict(load(job["in"]), strict=True)
x = torch.tensor(job["input"], dtype=torch.float32).reshape(job["inputShape"])
model.eval()
with torch.no_grad(): y = model(x)
model.train()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
out = model(x); (out * torch.linspace(-1, 1, out.numel()).reshape(out.shape)).sum().backward(); opt.step()
model.eval()
with torch.no_grad(): y2 = model(x)
save(model.state_dict(), job["out"])
print(json.dumps({"y": y.flatten().tolist(), "y2": y2.flatten().tolist(), "loader": "safetensors" if "safetensors" in sys.modules else "frombuffer"}))
`;

function probeTorch(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return r.status === 0 ? null : `PyTorch not available at ${PYTHON} (${(r.stderr || r.error?.message || '').trim().split('\n').pop()})`;
}

/** The cnn-bn preset with random BatchNorm statistics, at batch 4 (BatchNorm1d trains on 4 rows). */
function presetCnnBn(): { model: Container; inputShape: number[] } {
  const rng = new Rng(41);
  const model = buildPreset('cnn-bn', rng);
  randomizeBatchNorm(model, rng);
  return { model, inputShape: [4, 1, 28, 28] };
}

/** Conv, GroupNorm (groups = 1, = C, between), LayerNorm over [C, H, W] and over features (random γ, β), the new activations. */
function cnnNorms(): { model: Container; inputShape: number[] } {
  const rng = new Rng(43);
  const model = modelFromSpec([
    { type: 'Conv2d', outChannels: 6, kernelSize: 3, padding: 1 },
    { type: 'GroupNorm', numGroups: 2 },
    { type: 'Conv2d', outChannels: 4, kernelSize: 3, stride: 2 },
    { type: 'GroupNorm', numGroups: 4 },
    { type: 'GroupNorm', numGroups: 1, eps: 1e-3 },
    { type: 'LayerNorm', normalizedShape: [4, 2, 2] },
    { type: 'Flatten' },
    { type: 'Linear', outFeatures: 5 },
    { type: 'LayerNorm', normalizedShape: [5], eps: 1e-4 },
    { type: 'Hardswish' },
    { type: 'Linear', outFeatures: 7 },
    { type: 'ReLU6' },
    { type: 'Linear', outFeatures: 7 },
    { type: 'Hardsigmoid' },
    { type: 'SiLU' },
    { type: 'ELU', alpha: 0.5 },
    { type: 'Mish' },
    { type: 'GELU', approximate: 'tanh' },
    { type: 'Linear', outFeatures: 4 },
  ], { inputShape: [3, 2, 6, 6], rng });
  for (const p of model.parameters()) if (!p.name.endsWith('0.weight')) for (let i = 0; i < p.size; i++) p.value.data[i] += rng.normal(0, 0.3);
  return { model, inputShape: [3, 2, 6, 6] };
}

/** The table model of --categorical embedding (presets-table.ts): two embedded columns (padding row 0 among the indices), two numeric. */
function tableEmbedding(): { model: Container; inputShape: number[]; input: Tensor } {
  const schema: TableSchema = {
    target: 'y',
    categorical: 'embedding',
    columns: [
      { name: 'shop', kind: 'categorical', categories: ['a', 'b', 'c', 'd', 'e'] },
      { name: 'x', kind: 'numeric', mean: 0, std: 1 },
      { name: 'colour', kind: 'categorical', categories: ['red', 'green'] },
      { name: 'z', kind: 'numeric', mean: 0, std: 1 },
    ],
  };
  const rng = new Rng(45);
  const model = modelFromSpec(tableEmbeddingSpec(schema, 3), { inputShape: [1, 4, 1, 1], rng });
  const input = Tensor.zeros([6, 4, 1, 1]);
  for (let n = 0; n < 6; n++) input.data.set([rng.normal(), rng.normal(), n % 6, n % 3], 4 * n);
  return { model, inputShape: [6, 4, 1, 1], input };
}

/** The mobilenet preset (inverted residual blocks, depthwise convs, ReLU6) with random BatchNorm statistics. */
function presetMobilenet(): { model: Container; inputShape: number[] } {
  const rng = new Rng(44);
  const model = buildPreset('mobilenet', rng);
  randomizeBatchNorm(model, rng);
  return { model, inputShape: [4, 1, 28, 28] };
}

describe('round trip Nabla → PyTorch → Nabla (python3-torch)', () => {
  const skip = probeTorch();
  for (const make of [mlpEveryLayer, cnnEveryLayer, presetCnnBn, graphEveryMerge, cnnPools, cnnNorms, presetMobilenet, decoderEveryConvTranspose, decoderUpsample, tableEmbedding, shuffleNetPieces] as (() => { model: Container; inputShape: number[]; input?: Tensor })[]) {
    it(`${make.name}: PyTorch loads the weights strictly, matches, trains a step; Nabla loads the result`, { skip: skip ?? false }, async (t) => {
      const { mkdtempSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const { model, inputShape, input: given } = make();
      const dir = mkdtempSync(join(tmpdir(), 'nabla-torch-'));
      try {
        const input = given ?? randomInput(inputShape, 5);
        const job = { spec: model.toSpec(), in: join(dir, 'in.safetensors'), out: join(dir, 'out.safetensors'), input: Array.from(input.data), inputShape };
        writeFileSync(job.in, toTorchStateDict(model));
        const r = spawnSync(PYTHON, ['-c', PY], { input: JSON.stringify(job), encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        const result = JSON.parse(r.stdout) as { y: number[]; y2: number[]; loader: string };
        t.diagnostic(`python read the file with ${result.loader === 'safetensors' ? 'safetensors.torch.load_file' : 'torch.frombuffer (no safetensors module)'}`);
        const scale = (v: ArrayLike<number>) => 1e-6 * Math.max(...Array.from(v, Math.abs));
        expectClose(model.forward(input, 'eval').data, result.y, { rtol: 1e-4, atol: scale(result.y), name: `${make.name} Nabla vs torch` });
        // PyTorch's step changed the weights and (BatchNorm) the running statistics: load them back.
        const back = sibling(model);
        fromTorchStateDict(back, new Uint8Array(readFileSync(job.out)), 'out.safetensors');
        const y2 = back.forward(input, 'eval').data;
        expectClose(y2, result.y2, { rtol: 1e-4, atol: scale(result.y2), name: `${make.name} after torch's SGD step` });
        assert.ok(result.y2.some((v, i) => Math.abs(v - result.y[i]) > 1e-3), 'the torch step changed the outputs');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
