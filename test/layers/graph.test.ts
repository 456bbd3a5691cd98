// SPDX-License-Identifier: MIT
// Graph models: the functional API, names, gradients through fan-out (float64 gradcheck), the
// graph form of needInputGrad, shape inference and the errors of bad graphs, in code and in specs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Add, apply, BatchNorm2d, Concat, Conv2d, Flatten, Graph, input, Linear, modelFromSpec, Mul, ReLU,
  Residual, Sequential, Sigmoid, Tanh, Tensor, type Layer, type LayerSpec,
} from '../../src/index.js';
import { expectGradientsOk, expectThrowsWith, randn, randomizeParameters, Rng } from './util.js';

/** ResNet's basic block in the functional style (the README's example). */
function basicBlock(inC: number, outC: number, stride: number, rng: Rng): Graph {
  const x = input();
  const body = x
    .then(new Conv2d(inC, outC, 3, { stride, padding: 1, bias: false, rng }), 'conv1')
    .then(new BatchNorm2d(outC), 'bn1')
    .then(new ReLU(), 'relu1')
    .then(new Conv2d(outC, outC, 3, { padding: 1, bias: false, rng }), 'conv2')
    .then(new BatchNorm2d(outC), 'bn2');
  const shortcut = stride === 1 && inC === outC
    ? x
    : x.then(new Sequential([new Conv2d(inC, outC, 1, { stride, bias: false, rng }), new BatchNorm2d(outC)]), 'downsample');
  return new Graph(x, apply(new Add(), [body, shortcut], 'add').then(new ReLU(), 'relu2'));
}

/** x read by three nodes, an intermediate read by two, all three merges. */
function fanOut(rng: Rng): Graph {
  const x = input('x');
  const a = x.then(new Conv2d(2, 3, 3, { padding: 1, rng }), 'a');
  const t = a.then(new Tanh(), 't');
  const gate = x.then(new Conv2d(2, 3, [4, 4], { rng }), 'g').then(new Sigmoid(), 's'); // [N, 3, 1, 1]
  const gated = apply(new Mul(), [t, gate], 'gated');
  const sum = apply(new Add(), [gated, t, a], 'sum');
  const joined = apply(new Concat(), [sum, x], 'cat'); // 5 channels
  return new Graph(x, joined.then(new Flatten(), 'flat').then(new Linear(80, 2, { rng }), 'fc'));
}

describe('Graph', () => {
  test('a basic block runs exactly the layers it names, in order, with the shortcut added', () => {
    const rng = new Rng(3);
    const block = basicBlock(2, 4, 2, rng);
    const x = randn(rng, [2, 2, 6, 6], 1, 'float32');
    const y = block.forward(x, 'eval');
    // The same computation by hand, through the very layer objects.
    const get = (name: string) => block.nodes.find((n) => n.name === name)!.module as Layer;
    let h = x;
    for (const name of ['conv1', 'bn1', 'relu1', 'conv2', 'bn2']) h = get(name).forward(h, 'eval');
    const s = get('downsample').forward(x, 'eval');
    const expected = h.data.map((v, i) => Math.max(0, v + s.data[i]));
    assert.deepEqual([...y.shape], [2, 4, 3, 3]);
    assert.deepEqual(Array.from(y.data), Array.from(expected));
  });

  test('tensor names are node paths, as PyTorch state dicts have them', () => {
    const rng = new Rng(1);
    const model = new Sequential([new Residual(new Conv2d(2, 2, 3, { padding: 1, rng })), new Flatten()]);
    assert.deepEqual(model.parameters().map((p) => p.name), ['0.body.weight', '0.body.bias']);
    const x = input();
    const stage = x.then(new Sequential([basicBlock(2, 2, 1, rng), basicBlock(2, 3, 2, rng)]), 'layer1');
    const net = new Graph(x, stage);
    const names = [...net.parameters(), ...net.buffers()].map((p) => p.name);
    assert.ok(names.includes('layer1.0.conv1.weight'), names.join(' '));
    assert.ok(names.includes('layer1.1.downsample.0.weight'));
    assert.ok(names.includes('layer1.1.downsample.1.runningVar'));
    assert.equal(new Set(names).size, names.length, 'names are unique');
  });

  test('unnamed nodes are named after their type', () => {
    const x = input();
    const g = new Graph(x, apply(new Add(), [x.then(new ReLU()), x.then(new ReLU())]));
    assert.deepEqual(g.nodes.map((n) => n.name), ['relu', 'relu_1', 'add']);
  });

  test('gradients through fan-out, broadcasting and concatenation match central differences', () => {
    const rng = new Rng(5);
    const g = fanOut(rng);
    randomizeParameters(g, rng, 0.5);
    expectGradientsOk('fan-out graph', g, randn(rng, [2, 2, 4, 4]));
  });

  test('a basic block with batch norm in train mode passes gradcheck, parameters and input', () => {
    const rng = new Rng(6);
    const block = basicBlock(2, 3, 2, rng);
    randomizeParameters(block, rng, 0.5);
    expectGradientsOk('basic block', block, randn(rng, [3, 2, 5, 5]));
  });

  test('needInputGrad: false gives the same parameter gradients and skips what nobody reads', () => {
    const rng = new Rng(8);
    const g = fanOut(rng);
    const x = randn(rng, [2, 2, 4, 4], 1, 'float32');
    const dy = randn(rng, [2, 2], 1, 'float32');
    const grads = (need: boolean) => {
      for (const p of g.parameters()) p.zeroGrad();
      g.forward(x, 'train');
      const dx = g.backward(dy, { needInputGrad: need });
      return { dx, grads: g.parameters().map((p) => Array.from(p.grad.data)) };
    };
    const full = grads(true);
    const skipped = grads(false);
    assert.ok(full.dx);
    assert.equal(skipped.dx, null);
    assert.deepEqual(skipped.grads, full.grads);
  });

  test('nodes before the first parameter are not run backward when dx is not needed', () => {
    const x = input();
    const relu = new ReLU();
    let calls = 0;
    const original = relu.backward.bind(relu);
    relu.backward = ((dy: Tensor) => {
      calls++;
      return original(dy);
    }) as typeof relu.backward;
    const g = new Graph(x, x.then(relu, 'r').then(new Flatten(), 'f').then(new Linear(4, 2), 'fc'));
    g.forward(Tensor.full([1, 1, 2, 2], 1), 'train');
    g.backward(Tensor.full([1, 2], 1), { needInputGrad: false });
    assert.equal(calls, 0);
    g.backward(Tensor.full([1, 2], 1));
    assert.equal(calls, 1);
  });

  test('Mul broadcasts an empty batch as PyTorch does: [0, 3, 1] ⊙ [1, 3, 4] is [0, 3, 4], and its gradients are empty and zero', () => {
    const mul = new Mul();
    assert.deepEqual(mul.outputShape([[0, 3, 1], [1, 3, 4]]), [0, 3, 4]);
    assert.deepEqual(mul.outputShape([[2, 1, 4], [2, 3, 1]]), [2, 3, 4]);
    const a = Tensor.zeros([0, 3, 1], 'float32'), b = Tensor.full([1, 3, 4], 2, 'float32');
    const y = mul.forward([a, b], 'train');
    assert.deepEqual([...y.shape], [0, 3, 4]);
    const [da, db] = mul.backward(Tensor.zeros([0, 3, 4], 'float32'));
    assert.deepEqual([...da.shape], [0, 3, 1]);
    assert.deepEqual([...db.shape], [1, 3, 4]);
    assert.ok(db.data.every((v) => v === 0), 'a sum over no samples is 0');
  });

  test('outputShape and summary come from shapes alone; summary lists inputs', () => {
    const rng = new Rng(2);
    const block = basicBlock(3, 8, 2, rng);
    assert.deepEqual(block.outputShape([5, 3, 9, 9]), [5, 8, 5, 5]);
    const s = block.summary([1, 3, 9, 9]);
    const add = s.rows.find((r) => r.path === 'add')!;
    assert.deepEqual(add.inputs, ['bn2', 'downsample']);
    assert.deepEqual(s.rows.find((r) => r.path === 'downsample.0')!.outputShape, [1, 8, 5, 5]);
    assert.equal(s.totalParameters, block.parameterCount());
    assert.match(s.text, /Inputs/);
    assert.match(s.text, /add\s+Add\(\)\s+bn2, downsample\s+\[1, 8, 5, 5\]/);
  });

  test('a layer instance used twice is refused, naming both places', () => {
    const relu = new ReLU();
    const x = input();
    expectThrowsWith(() => new Graph(x, x.then(relu, 'a').then(relu, 'b')), ['Graph: b (ReLU) is the same layer instance as a', 'weight sharing is not supported']);
    const conv = new Conv2d(1, 1, 1);
    expectThrowsWith(() => new Sequential([conv, new ReLU(), new Sequential([conv])]), ['2.0 (Conv2d)', 'same layer instance as 0']);
  });

  test('bad graphs in code: two inputs, a one-input layer given two, duplicate names, bad names', () => {
    const a = input('a');
    const b = input('b');
    expectThrowsWith(() => new Graph(a, apply(new Add(), [a, b])), ["input 'b'", "graph's input 'a'"]);
    expectThrowsWith(() => apply(new ReLU(), [a, a]), ['ReLU', 'takes one input', 'got 2']);
    expectThrowsWith(() => new Graph(a, a.then(new ReLU(), 'x').then(new ReLU(), 'x')), ["two nodes are named 'x'"]);
    expectThrowsWith(() => new Graph(a, a.then(new ReLU(), 'conv.1')), ['node names', "'.'"]);
  });

  test('mismatched shapes at an Add name the node and both shapes', () => {
    const x = input();
    const g = new Graph(x, apply(new Add(), [x, x.then(new Conv2d(1, 2, 1), 'wide')], 'join'));
    expectThrowsWith(() => g.forward(Tensor.zeros([1, 1, 3, 3]), 'eval'), ["Graph node 'join' (Add)", '[1, 2, 3, 3]', '[1, 1, 3, 3]']);
    expectThrowsWith(() => g.outputShape([1, 1, 3, 3]), ["Graph node 'join' (Add)", '[1, 2, 3, 3]', '[1, 1, 3, 3]']);
  });
});

const blockSpec = (inC: number | undefined, outC: number): LayerSpec => ({
  type: 'Graph',
  nodes: [
    { name: 'conv1', type: 'Conv2d', ...(inC ? { inChannels: inC } : {}), outChannels: outC, kernelSize: 3, padding: 1, bias: false },
    { name: 'bn1', type: 'BatchNorm2d' },
    { name: 'relu1', type: 'ReLU' },
    { name: 'conv2', type: 'Conv2d', outChannels: outC, kernelSize: 3, padding: 1, bias: false },
    { name: 'bn2', type: 'BatchNorm2d' },
    { name: 'shortcut', inputs: ['input'], type: 'Conv2d', outChannels: outC, kernelSize: 1 },
    { name: 'add', inputs: ['bn2', 'shortcut'], type: 'Add' },
    { name: 'relu2', type: 'ReLU' },
  ],
});

describe('Graph specs', () => {
  test('sizes left out are inferred from the input shape; toSpec writes them and rebuilds the same model', () => {
    const spec: LayerSpec[] = [blockSpec(undefined, 4), { type: 'Flatten' }, { type: 'Linear', outFeatures: 3 }];
    const model = modelFromSpec(spec, { inputShape: [1, 2, 5, 5], rng: new Rng(4) });
    assert.deepEqual(model.outputShape([7, 2, 5, 5]), [7, 3]);
    const written = model.toSpec();
    const graph = (written.layers as LayerSpec[])[0];
    assert.equal((graph.nodes as LayerSpec[])[0].inChannels, 2);
    assert.equal((written.layers as LayerSpec[])[2].inFeatures, 100);
    const again = modelFromSpec(written, { rng: new Rng(4) }); // no input shape needed any more
    assert.deepEqual(again.toSpec(), written);
    assert.deepEqual(again.parameters().map((p) => p.name), model.parameters().map((p) => p.name));
    assert.deepEqual(again.parameters().map((p) => Array.from(p.value.data)), model.parameters().map((p) => Array.from(p.value.data)));
  });

  test('nodes may be listed in any order; inputs default to the node before', () => {
    const model = modelFromSpec({
      type: 'Graph',
      nodes: [
        { name: 'sum', inputs: ['b', 'a'], type: 'Add' },
        { name: 'a', inputs: ['input'], type: 'ReLU' },
        { name: 'b', inputs: ['input'], type: 'Tanh' },
      ],
      output: 'sum',
    });
    const y = model.forward(Tensor.from([-1, 2], [1, 2]), 'eval');
    assert.deepEqual(Array.from(y.data), [Math.fround(Math.tanh(-1)), Math.fround(Math.tanh(2) + 2)]);
  });

  test('a Residual spec', () => {
    const model = modelFromSpec([{ type: 'Residual', body: { type: 'Conv2d', outChannels: 2, kernelSize: 3, padding: 1 } }], { inputShape: [1, 2, 4, 4] });
    assert.deepEqual(model.parameters().map((p) => p.name), ['0.body.weight', '0.body.bias']);
    assert.deepEqual(model.toSpec(), { type: 'Sequential', layers: [{ type: 'Residual', body: { type: 'Conv2d', inChannels: 2, outChannels: 2, kernelSize: 3, padding: 1 } }] });
  });

  const bad = (nodes: unknown[], extra: Record<string, unknown> = {}) => () => modelFromSpec({ type: 'Graph', nodes, ...extra } as LayerSpec, { inputShape: [1, 2, 4, 4] });

  test('an unknown input name names the node and the known names', () => {
    expectThrowsWith(bad([{ name: 'a', type: 'ReLU' }, { name: 'b', inputs: ['c'], type: 'ReLU' }]), ["node 'b' reads 'c'", 'nodes: a, b']);
  });

  test('a cycle is named', () => {
    expectThrowsWith(bad([{ name: 'a', inputs: ['b'], type: 'ReLU' }, { name: 'b', inputs: ['a'], type: 'ReLU' }]), ['cycle', 'a → b → a']);
  });

  test('mismatched shapes at an Add name the node and both shapes', () => {
    expectThrowsWith(
      bad([{ name: 'wide', type: 'Conv2d', outChannels: 3, kernelSize: 1 }, { name: 'add', inputs: ['wide', 'input'], type: 'Add' }]),
      ["node 'add' (Add)", '[1, 2, 4, 4]', '[1, 3, 4, 4]'],
    );
  });

  test('a size that contradicts the input names both', () => {
    expectThrowsWith(bad([{ name: 'c', type: 'Conv2d', inChannels: 3, outChannels: 1, kernelSize: 1 }]), ["node 'c' (Conv2d)", "'inChannels' is 3", 'input gives 2']);
  });

  test('duplicate names, dangling nodes, a missing output, bad fields', () => {
    expectThrowsWith(bad([{ name: 'a', type: 'ReLU' }, { name: 'a', type: 'ReLU' }]), ["two nodes are named 'a'"]);
    expectThrowsWith(bad([{ name: 'a', type: 'ReLU' }, { name: 'b', inputs: ['input'], type: 'ReLU' }], { output: 'b' }), ["'a'", 'does not lead to the output']);
    expectThrowsWith(bad([{ name: 'a', type: 'ReLU' }, { name: 'c', type: 'Tanh' }, { name: 'b', inputs: ['input'], type: 'ReLU' }], { output: 'b' }), ["'a', 'c'", 'do not lead to the output']);
    expectThrowsWith(bad([{ name: 'a', type: 'ReLU' }], { output: 'z' }), ["the output 'z' is not a node"]);
    expectThrowsWith(bad([{ type: 'ReLU' }]), ["node 0 needs a 'name'"]);
    expectThrowsWith(bad([{ name: 'a', inputs: 'input', type: 'ReLU' }]), ["'inputs' must be a non-empty list"]);
    expectThrowsWith(bad([{ name: 'a', type: 'ReLU', inputs: ['input', 'input'] }]), ["node 'a' (ReLU)", 'takes one input']);
    expectThrowsWith(bad([{ name: 'a', type: 'Add', inputs: ['input'] }]), ["node 'a' (Add)", 'at least 2 inputs']);
    expectThrowsWith(() => modelFromSpec({ type: 'Graph', nodes: 'x' } as LayerSpec), ["'nodes' must be an array"]);
  });

  test('specs nested deeper than the bound are refused instead of overflowing the stack', () => {
    let spec: LayerSpec = { type: 'ReLU' };
    for (let i = 0; i < 5000; i++) spec = { type: 'Sequential', layers: [spec] };
    expectThrowsWith(() => modelFromSpec(spec), ['nest more than 32 deep']);
  });

  test('a spec asking for a huge layer is refused before it allocates, naming the layer and the size', () => {
    expectThrowsWith(() => modelFromSpec([{ type: 'Linear', inFeatures: 1e6, outFeatures: 1e6 }]), ['layer 0 (Linear)', '[1000000, 1000000]', 'over the limit']);
    expectThrowsWith(() => modelFromSpec([{ type: 'Conv2d', inChannels: 1e4, outChannels: 1e4, kernelSize: 3 }]), ['layer 0 (Conv2d)', 'over the limit']);
    expectThrowsWith(
      () => modelFromSpec(Array.from({ length: 10 }, () => ({ type: 'Linear', inFeatures: 8000, outFeatures: 8000 })), { maxTotalElements: 2 ** 28 }),
      ['more than 268,435,456 elements'],
    );
  });
});
