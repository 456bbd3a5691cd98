// SPDX-License-Identifier: MIT
// ONNX import names and nests layers as the file's modules: hand-built graphs named as PyTorch
// 1.13 names them (scope '/layer1/layer1.0/conv1/Conv', folded BatchNorm weights 'onnx::Conv_N'),
// compared with ONNX Runtime; a module with two ways in stays flat under joined names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOnnx } from '../../src/io/onnx/import.js';
import { floatTensor, onnx, attr, type NodeProto, type TensorProto } from '../../src/io/onnx/proto.js';
import { torchMapping } from '../../src/io/torch.js';
import type { Container } from '../../src/layers/layer.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';
import { runOrt } from './onnx-runtime.js';

const C = 3;

/** A 3×3 same-padding Conv from `x` to `y`, with W (and B) under the given names. */
function conv(name: string, x: string, y: string, W: string, B: string | null, init: TensorProto[], seed: number): NodeProto {
  const rng = new Rng(seed);
  const draw = (n: number) => Array.from({ length: n }, () => rng.uniform(-0.5, 0.5));
  init.push(floatTensor(W, [C, C, 3, 3], draw(C * C * 9)));
  if (B) init.push(floatTensor(B, [C], draw(C)));
  return { opType: 'Conv', name, input: B ? [x, W, B] : [x, W], output: [y], attribute: [attr.ints('kernel_shape', [3, 3]), attr.ints('pads', [1, 1, 1, 1])] };
}

const op = (opType: string, name: string, input: string[], output: string): NodeProto => ({ opType, name, input, output: [output], attribute: [] });

function file(nodes: NodeProto[], init: TensorProto[]): Uint8Array {
  const shape = { dim: [{ dimParam: 'N' }, { dimValue: C }, { dimValue: 5 }, { dimValue: 4 }] };
  return onnx.ModelProto.encode(onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'names', node: nodes, initializer: init,
      input: [{ name: 'input', type: { tensorType: { elemType: 1, shape } } }],
      output: [{ name: 'output', type: { tensorType: { elemType: 1 } } }],
    },
  })).finish();
}

async function sameAsOrt(bytes: Uint8Array, model: Container): Promise<void> {
  const x = randomInput([2, C, 5, 4], 3);
  const ort = await runOrt(bytes, x.data as Float32Array, x.shape);
  expectClose(model.forward(x, 'eval').data, ort.data, { rtol: 1e-5, atol: 1e-6, name: 'nested import vs ONNX Runtime' });
}

describe('ONNX import names layers by the modules the file gives', () => {
  it('a torchvision-like stem and residual stage nest as PyTorch\'s modules, folded BatchNorms named as torchvision does', async () => {
    const init: TensorProto[] = [];
    const nodes = [
      conv('/conv1/Conv', 'input', 'c1', 'onnx::Conv_1', 'onnx::Conv_2', init, 1),
      op('Relu', '/relu/Relu', ['c1'], 'r'),
      conv('/layer1/layer1.0/conv1/Conv', 'r', 'a', 'onnx::Conv_3', 'onnx::Conv_4', init, 2),
      op('Relu', '/layer1/layer1.0/relu/Relu', ['a'], 'b'),
      conv('/layer1/layer1.0/conv2/Conv', 'b', 'c', 'layer1.0.conv2.weight', null, init, 3),
      op('Add', '/layer1/layer1.0/Add', ['c', 'r'], 'd'),
      op('Relu', '/layer1/layer1.0/relu_1/Relu', ['d'], 'e'),
      conv('/layer1/layer1.1/conv/conv.0/conv.0.0/Conv', 'e', 'output', 'onnx::Conv_5', 'onnx::Conv_6', init, 4),
    ];
    const bytes = file(nodes, init);
    const { model } = readOnnx(bytes);
    assert.deepEqual(model.parameters().map((p) => p.name), [
      'conv1.weight', 'conv1.bias', 'layer1.0.conv1.weight', 'layer1.0.conv1.bias', 'layer1.0.conv2.weight', 'layer1.1.conv.0.0.weight', 'layer1.1.conv.0.0.bias',
    ]);
    const spec = model.toSpec() as unknown as { nodes: { name: string; type: string; layers?: { nodes?: { name: string }[] }[] }[] };
    assert.deepEqual(spec.nodes.map((n) => `${n.name}:${n.type}`), ['conv1:Conv2d', 'relu:ReLU', 'layer1:Sequential']);
    assert.deepEqual(spec.nodes[2].layers![0].nodes!.map((n) => n.name), ['conv1', 'relu', 'conv2', 'Add', 'relu_1']);
    const bn = (p: string) => ['weight', 'bias', 'running_mean', 'running_var'].map((k) => `${p}.${k}`);
    assert.deepEqual(torchMapping(model).map((m) => m.torch), [
      'conv1.weight', ...bn('bn1'), 'layer1.0.conv1.weight', ...bn('layer1.0.bn1'), 'layer1.0.conv2.weight', 'layer1.1.conv.0.0.weight', ...bn('layer1.1.conv.0.1'),
    ]);
    await sameAsOrt(bytes, model);
  });

  it('a module whose nodes read two outside values stays flat under joined names', async () => {
    const init: TensorProto[] = [];
    const nodes = [
      conv('/a/Conv', 'input', 'p', 'a.weight', 'a.bias', init, 5),
      conv('/b/Conv', 'input', 'q', 'b.weight', 'b.bias', init, 6),
      op('Add', '/blk/Add', ['p', 'q'], 's'),
      op('Relu', '/blk/relu/Relu', ['s'], 'output'),
    ];
    const bytes = file(nodes, init);
    const { model } = readOnnx(bytes);
    const spec = model.toSpec() as unknown as { nodes: { name: string }[] };
    assert.deepEqual(spec.nodes.map((n) => n.name), ['a', 'b', 'blk_Add', 'blk_relu']);
    assert.deepEqual(model.parameters().map((p) => p.name), ['a.weight', 'a.bias', 'b.weight', 'b.bias']);
    await sameAsOrt(bytes, model);
  });
});
