// SPDX-License-Identifier: MIT
// importOnnx on small hand-built graphs, one operator or attribute at a time, each compared with
// ONNX Runtime running the same file: the attributes ONNX allows and PyTorch writes (auto_pad,
// ceil_mode, four-sided pads, dilations, Gemm's α, β and scalar C, Flatten's axis, Clip as
// attributes and as inputs, bool initializers, unused second outputs), branching graphs (Sum,
// Concat, a broadcast Mul gate, a dead branch), Slice (as inputs and as attributes), constant folding (Transpose, Identity and Constant
// weights, Pad + Conv), and the refusals, each naming the node, op and attribute. Also the file
// checks of issue 13: NaN/Inf weights, values written twice, a declared output shape that differs;
// Resize (scales, sizes, each coordinate mode PyTorch writes) and Upsample with their refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importOnnx, readOnnx } from '../../src/io/onnx/import.js';
import { layerDef } from '../../src/layers/all.js';
import { attr, floatTensor, int64Tensor, onnx, type AttributeProto, type NodeProto, type TensorProto } from '../../src/io/onnx/proto.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { runOrt } from './onnx-runtime.js';

interface Case {
  name: string;
  nodes: NodeProto[];
  inputShape: number[];
  initializers?: TensorProto[];
  opset?: number;
  /** Whether the input's batch is the fixed size inputShape[0] (default: symbolic 'N'). */
  fixedBatch?: boolean;
  /** The declared output shape (default: none declared). */
  outputShape?: (number | string)[];
}

const node = (opType: string, input: string[], output: string[], attribute: AttributeProto[] = [], name = opType.toLowerCase()): NodeProto => ({
  opType, input, output, attribute, name,
});

/** Seeded values in [−1, 1). */
function values(n: number, seed: number): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => rng.uniform(-1, 1));
}
const weight = (name: string, dims: number[], seed: number) => floatTensor(name, dims, values(dims.reduce((p, d) => p * d, 1), seed));

function build(c: Case): Uint8Array {
  const opset = c.opset ?? 13;
  const dims = (shape: (number | string)[]) => shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  const model = onnx.ModelProto.create({
    irVersion: opset <= 14 ? 7 : opset <= 18 ? 8 : 9,
    opsetImport: [{ domain: '', version: opset }],
    graph: {
      name: c.name,
      node: c.nodes,
      initializer: c.initializers ?? [],
      input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: dims(c.fixedBatch ? c.inputShape : ['N', ...c.inputShape.slice(1)]) } } } }],
      output: [{ name: 'y', type: { tensorType: { elemType: 1, ...(c.outputShape ? { shape: { dim: dims(c.outputShape) } } : {}) } } }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Imports the case, runs it and ONNX Runtime on one seeded input, compares; returns the layer types. */
async function matchesOrt(c: Case): Promise<string[]> {
  const bytes = build(c);
  const { specs, model } = readOnnx(bytes);
  const size = c.inputShape.reduce((p, d) => p * d, 1);
  const x = Tensor.from(values(size, 99), c.inputShape);
  const ours = model.forward(x, 'eval');
  const ort = await runOrt(bytes, x.data as Float32Array, c.inputShape);
  assert.deepEqual([...ours.shape], ort.dims, `${c.name}: shape`);
  expectClose(ours.data, ort.data, { rtol: 1e-5, atol: 1e-6, name: c.name });
  return specs.map((s) => s.type);
}

const conv = (attributes: AttributeProto[], extra: Partial<Case> = {}): Case => ({
  name: 'conv',
  nodes: [node('Conv', ['x', 'W', 'B'], ['y'], attributes)],
  initializers: [weight('W', [4, 2, 3, 3], 1), weight('B', [4], 2)],
  inputShape: [2, 2, 7, 6],
  ...extra,
});
const pool = (op: string, attributes: AttributeProto[], inputShape = [2, 3, 7, 6]): Case => ({
  name: op, nodes: [node(op, ['x'], ['y'], attributes)], inputShape,
});

describe('single operators and attributes match ONNX Runtime', () => {
  const cases: [string, Case, string[]][] = [
    ['Conv auto_pad SAME_UPPER, stride 2 (even split)', conv([attr.string('auto_pad', 'SAME_UPPER'), attr.ints('strides', [2, 2]), attr.ints('kernel_shape', [3, 3])], { inputShape: [2, 2, 7, 7] }), ['Conv2d']],
    ['Conv auto_pad SAME_LOWER, stride 1', conv([attr.string('auto_pad', 'SAME_LOWER')]), ['Conv2d']],
    ['Conv auto_pad VALID, dilations 2', conv([attr.string('auto_pad', 'VALID'), attr.ints('dilations', [2, 1])]), ['Conv2d']],
    ['MaxPool ceil_mode = 1', pool('MaxPool', [attr.ints('kernel_shape', [3, 3]), attr.ints('strides', [2, 2]), attr.int('ceil_mode', 1)]), ['MaxPool2d']],
    ['MaxPool four-sided pads, dilations', pool('MaxPool', [attr.ints('kernel_shape', [3, 2]), attr.ints('pads', [0, 1, 2, 0]), attr.ints('dilations', [2, 1])]), ['MaxPool2d']],
    ['MaxPool auto_pad SAME_UPPER (odd total: more at the end)', pool('MaxPool', [attr.ints('kernel_shape', [2, 2]), attr.ints('strides', [2, 2]), attr.string('auto_pad', 'SAME_UPPER')], [1, 2, 5, 5]), ['MaxPool2d']],
    ['AveragePool count_include_pad, ceil_mode', pool('AveragePool', [attr.ints('kernel_shape', [3, 3]), attr.ints('strides', [2, 2]), attr.ints('pads', [1, 1, 1, 1]), attr.int('count_include_pad', 1), attr.int('ceil_mode', 1)]), ['AvgPool2d']],
    ['AveragePool pads larger than half the kernel', pool('AveragePool', [attr.ints('kernel_shape', [3, 3]), attr.ints('pads', [2, 0, 2, 2])]), ['AvgPool2d']],
    ['GlobalMaxPool', pool('GlobalMaxPool', []), ['MaxPool2d']],
    ['GlobalAveragePool', pool('GlobalAveragePool', []), ['GlobalAvgPool2d']],
    ['ReduceMean axes [2, 3], keepdims 0 (opset 13 attribute)', pool('ReduceMean', [attr.ints('axes', [-2, -1]), attr.int('keepdims', 0)]), ['GlobalAvgPool2d', 'Flatten']],
    ['ReduceMean axes as input (opset 18)', {
      name: 'reduce18', opset: 18, inputShape: [2, 3, 4, 5],
      nodes: [node('ReduceMean', ['x', 'axes'], ['y'])], initializers: [int64Tensor('axes', [2], [2, 3])],
    }, ['GlobalAvgPool2d']],
    ['Gemm transB, α, β, a scalar C', {
      name: 'gemm', inputShape: [3, 5], nodes: [node('Gemm', ['x', 'W', 'C'], ['y'], [attr.int('transB', 1), attr.float('alpha', 0.5), attr.float('beta', 2)])],
      initializers: [weight('W', [4, 5], 3), floatTensor('C', [], [0.25])],
    }, ['Linear']],
    ['Gemm with a one-element C and B from Transpose of a constant', {
      name: 'gemm2', inputShape: [3, 5], nodes: [node('Transpose', ['Wt'], ['W'], [attr.ints('perm', [1, 0])]), node('Gemm', ['x', 'W', 'C'], ['y'])],
      initializers: [weight('Wt', [4, 5], 4), floatTensor('C', [1], [-0.5])],
    }, ['Linear']],
    ['MatMul + Add with the weight from a Constant node and an Identity', {
      name: 'matmul', inputShape: [3, 5],
      nodes: [
        { opType: 'Constant', input: [], output: ['Wc'], attribute: [{ name: 'value', type: 4, t: weight('', [5, 2], 5) }], name: 'const' },
        node('Identity', ['Wc'], ['W']), node('MatMul', ['x', 'W'], ['h']), node('Add', ['h', 'b'], ['y']),
      ],
      initializers: [weight('b', [2], 6)],
    }, ['Linear']],
    ['MatMul + Add of a scalar constant (x·W + 1.0: a bias of equal entries)', {
      name: 'matmulscalar', inputShape: [3, 5], nodes: [node('MatMul', ['x', 'W'], ['h']), node('Add', ['h', 'b'], ['y'])],
      initializers: [weight('W', [5, 4], 7), floatTensor('b', [], [0.75])],
    }, ['Linear']],
    ['MatMul + Add of a [1, 1] constant', {
      name: 'matmul11', inputShape: [3, 5], nodes: [node('MatMul', ['x', 'W'], ['h']), node('Add', ['b', 'h'], ['y'])],
      initializers: [weight('W', [5, 4], 8), floatTensor('b', [1, 1], [-0.5])],
    }, ['Linear']],
    ['Flatten axis 2 over a dim of 1', pool('Flatten', [attr.int('axis', 2)], [2, 1, 3, 4]), ['Flatten']],
    ['Flatten axis 0 of a fixed batch of 1', { ...pool('Flatten', [attr.int('axis', 0)], [1, 2, 3, 4]), fixedBatch: true }, ['Flatten']],
    ['Squeeze of [N, C, 1, 1] (axes input)', {
      name: 'squeeze', inputShape: [2, 3, 1, 1], nodes: [node('Squeeze', ['x', 'axes'], ['y'])], initializers: [int64Tensor('axes', [2], [2, 3])],
    }, ['Flatten']],
    ['Clip(0, ∞) as attributes (opset 10) is ReLU', { ...pool('Clip', [attr.float('min', 0)], [2, 6]), opset: 10 }, ['ReLU']],
    ['Clip with min as an input (opset 13) is ReLU', {
      name: 'clip13', inputShape: [2, 6], nodes: [node('Clip', ['x', 'lo'], ['y'])], initializers: [floatTensor('lo', [], [0])],
    }, ['ReLU']],
    ['Sum of three branches', {
      name: 'sum', inputShape: [2, 6], nodes: [node('Relu', ['x'], ['a']), node('Sigmoid', ['x'], ['b']), node('Sum', ['a', 'b', 'x'], ['y'])],
    }, ['ReLU', 'Sigmoid', 'Add']],
    ['Concat of two branches along axis -3', {
      name: 'concat', inputShape: [2, 2, 3, 3], nodes: [node('Relu', ['x'], ['a']), node('Concat', ['a', 'x'], ['y'], [attr.int('axis', -3)])],
    }, ['ReLU', 'Concat']],
    ['a squeeze-and-excitation gate: Mul broadcasting [N, C, 1, 1]', {
      name: 'se', inputShape: [2, 3, 4, 4], nodes: [node('GlobalAveragePool', ['x'], ['p']), node('Sigmoid', ['p'], ['g']), node('Mul', ['x', 'g'], ['y'])],
    }, ['GlobalAvgPool2d', 'Sigmoid', 'Mul']],
    ['Dropout with a bool training_mode initializer, MaxPool with an unused indices output, a dead branch', {
      name: 'dropout', inputShape: [2, 3, 4, 4],
      nodes: [
        node('Dropout', ['x', 'ratio', 'training'], ['d', 'mask']), node('MaxPool', ['d'], ['y', 'indices'], [attr.ints('kernel_shape', [2, 2])]),
        node('Relu', ['x'], ['unused']),
      ],
      initializers: [floatTensor('ratio', [], [0.3]), { name: 'training', dims: [], dataType: 9, rawData: new Uint8Array([0]) }],
    }, ['MaxPool2d']],
    ['Pad (zeros) + Conv', {
      name: 'padconv', inputShape: [2, 2, 5, 5],
      nodes: [node('Pad', ['x', 'pads'], ['p']), node('Conv', ['p', 'W'], ['y'])],
      initializers: [int64Tensor('pads', [8], [0, 0, 2, 1, 0, 0, 2, 1]), weight('W', [3, 2, 3, 3], 7)],
    }, ['Conv2d']],
    ['Pad whose pads PyTorch computes (F.pad / nn.ZeroPad2d: ConstantOfShape, Concat, Reshape, Slice by −1, Transpose, Cast) + Conv', {
      name: 'fpad', inputShape: [2, 2, 5, 6],
      nodes: [
        { opType: 'Constant', input: [], output: ['n'], attribute: [{ name: 'value', type: 4, t: int64Tensor('', [1], [4]) }], name: 'c0' },
        node('ConstantOfShape', ['n'], ['zeros'], [{ name: 'value', type: 4, t: int64Tensor('', [1], [0]) }]),
        node('Concat', ['torchPads', 'zeros'], ['all'], [attr.int('axis', 0)]), // (left, right, top, bottom) of the last dims first
        node('Reshape', ['all', 'pairs'], ['byDim']),
        node('Slice', ['byDim', 'start', 'end', 'axis0', 'back'], ['reversed']),
        node('Transpose', ['reversed'], ['beginsEnds'], [attr.ints('perm', [1, 0])]),
        node('Reshape', ['beginsEnds', 'flat'], ['pads64'], [], 'reshape2'),
        node('Cast', ['pads64'], ['pads'], [attr.int('to', 7)]),
        node('Pad', ['x', 'pads'], ['p'], [{ name: 'mode', type: 3, s: new TextEncoder().encode('constant') }]),
        node('Conv', ['p', 'W'], ['y']),
      ],
      initializers: [int64Tensor('torchPads', [4], [1, 2, 0, 3]), int64Tensor('pairs', [2], [-1, 2]), int64Tensor('start', [1], [-1]),
        // PyTorch's "to the start": −(2⁶³ − 1), as raw bytes the way it writes it.
        { name: 'end', dims: [1], dataType: 7, rawData: new Uint8Array(BigInt64Array.of(-(2n ** 63n - 1n)).buffer) }, int64Tensor('axis0', [1], [0]), int64Tensor('back', [1], [-1]), int64Tensor('flat', [1], [-1]),
        weight('W', [3, 2, 3, 3], 9)],
    }, ['ZeroPad2d', 'Conv2d']], // a bottom pad of 3 is past what a 3×3 convolution's own padding takes
    ['Slice with a negative start and an end past the axis (clamped to its end)', {
      name: 'slice', inputShape: [2, 3, 5], nodes: [node('Slice', ['x', 'starts', 'ends', 'axes', 'steps'], ['y'])],
      initializers: [int64Tensor('starts', [1], [-3]), int64Tensor('ends', [1], [1000]), int64Tensor('axes', [1], [-1]), int64Tensor('steps', [1], [1])],
    }, ['Narrow']],
    ['Slice of a whole axis changes nothing; Slice as attributes (opset 9)', {
      name: 'slice9', opset: 9, inputShape: [2, 6],
      nodes: [
        node('Slice', ['x'], ['a'], [attr.ints('starts', [0]), attr.ints('ends', [6]), attr.ints('axes', [1])], 'whole'),
        node('Slice', ['a'], ['y'], [attr.ints('starts', [1]), attr.ints('ends', [4]), attr.ints('axes', [1])], 'part'),
      ],
    }, ['Narrow']],
    ['Reshape that changes nothing, then a trailing Transpose with the identity perm', {
      name: 'noop', inputShape: [2, 6], nodes: [node('Reshape', ['x', 's'], ['r']), node('Transpose', ['r'], ['y'], [attr.ints('perm', [0, 1])])],
      initializers: [int64Tensor('s', [2], [-1, 6])],
    }, []],
  ];
  for (const [name, c, types] of cases) {
    it(name, async () => {
      assert.deepEqual(await matchesOrt({ ...c, name }), types);
    });
  }
});

describe('refusals name the node, the op and the attribute', () => {
  const cases: [string, Case, RegExp][] = [
    ['Gemm transA', { name: 'g', inputShape: [5, 3], nodes: [node('Gemm', ['x', 'W'], ['y'], [attr.int('transA', 1)])], initializers: [weight('W', [5, 2], 1)] },
      /node 'gemm' \(Gemm\): attribute transA = 1/],
    ['Flatten merging the batch', pool('Flatten', [attr.int('axis', 2)], [2, 3, 4, 4]), /node 'flatten' \(Flatten\): Flatten with axis = 2 of \[N, 3, 4, 4\] would merge the batch/],
    ['Clip to [-1, 1]', pool('Clip', [attr.float('min', -1), attr.float('max', 1)], [2, 3]), /node 'clip' \(Clip\): Clip to \[-1, 1\] is not supported/],
    ['an unknown op', pool('Celu', [], [2, 3]), /node 'celu' \(Celu\): unsupported operator 'Celu'/],
    ['AveragePool dilations (opset 19)', { ...pool('AveragePool', [attr.ints('kernel_shape', [2, 2]), attr.ints('dilations', [2, 2])]), opset: 19 },
      /node 'averagepool' \(AveragePool\): attribute dilations = \[2, 2\] is not supported for AveragePool/],
    ['Transpose of the model\'s values', pool('Transpose', [attr.ints('perm', [0, 1, 3, 2])]), /node 'transpose' \(Transpose\): Transpose with perm = \[0, 1, 3, 2\]/],
    ['MaxPool indices in use', {
      name: 'idx', inputShape: [1, 1, 4, 4], nodes: [node('MaxPool', ['x'], ['p', 'i'], [attr.ints('kernel_shape', [2, 2])]), node('Add', ['p', 'i'], ['y'])],
    }, /node 'maxpool' \(MaxPool\): output 'i' is used, only the first output is supported/],
    ['BatchNormalization in training mode before opset 14 (its statistics as outputs)', {
      name: 'bnt', inputShape: [2, 3, 4, 4], opset: 13,
      nodes: [node('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['y', 'rm', 'rv'], [attr.float('momentum', 0.9)])],
      initializers: [weight('s', [3], 1), weight('b', [3], 2), weight('m', [3], 3), floatTensor('v', [3], [1, 2, 3])],
    }, /node 'batchnormalization' \(BatchNormalization\): 3 outputs \(the running and saved statistics of training mode\) are not supported/],
    ['MatMul + Add of a constant that is not a bias', {
      name: 'mmnb', inputShape: [3, 5], fixedBatch: true, nodes: [node('MatMul', ['x', 'W'], ['h']), node('Add', ['h', 'b'], ['y'])],
      initializers: [weight('W', [5, 2], 7), weight('b', [3, 2], 8)],
    }, /node 'matmul' \(MatMul\): the added constant of dims \[3, 2\] is not a bias of the 2 outputs/],
    ['Dropout in training mode', {
      name: 'dt', inputShape: [2, 3], nodes: [node('Dropout', ['x', 'r', 't'], ['y'])],
      initializers: [floatTensor('r', [], [0.5]), { name: 't', dims: [], dataType: 9, rawData: new Uint8Array([1]) }],
    }, /node 'dropout' \(Dropout\): training_mode = true is not supported/],
    ['NaN in an initializer (issue 13)', (() => {
      const w = values(72, 3);
      w[17] = NaN;
      return conv([], { initializers: [floatTensor('W', [4, 2, 3, 3], w), weight('B', [4], 2)] });
    })(), /initializer 'W': element 17 \(flat index\) is NaN; non-finite weights are refused/],
    ['Infinity in a Constant node', {
      name: 'inf', inputShape: [2, 3],
      nodes: [{ opType: 'Constant', input: [], output: ['W'], attribute: [{ name: 'value', type: 4, t: floatTensor('', [3, 2], [0, 1, 2, Infinity, 4, 5]) }], name: 'c' }, node('MatMul', ['x', 'W'], ['y'])],
    }, /node 'c' \(Constant\): value: element 3 \(flat index\) is Infinity/],
    ['a value written by two nodes', { name: 'twice', inputShape: [2, 3], nodes: [node('Relu', ['x'], ['y'], [], 'a'), node('Sigmoid', ['x'], ['y'], [], 'b')] },
      /node 'b' \(Sigmoid\): value 'y' is also written by node 'a' \(Relu\)/],
    ['a declared output shape the layers do not compute', { ...pool('MaxPool', [attr.ints('kernel_shape', [2, 2])], [1, 1, 4, 4]), outputShape: ['N', 1, 2, 2] },
      /value 'y': the file declares shape \[\?, 1, 2, 2\] but the layers compute \[N, 1, 3, 3\]/], // ONNX's strides default to 1
    ['a NaN attribute', pool('LeakyRelu', [attr.float('alpha', NaN)], [2, 3]), /node 'leakyrelu' \(LeakyRelu\): attribute 'alpha' is NaN; it must be a finite number/],
    ['an activation over the size limit', { ...pool('MaxPool', [attr.ints('kernel_shape', [1, 1]), attr.ints('pads', [0, 0, 0, 0])], [1, 1, 20000, 20000]) },
      /node 'maxpool' \(MaxPool\): its output \[N, 1, 20000, 20000\] has 400000000 elements per example, over the 268435456-element limit/],
    ['Slice with step 2', {
      name: 'sl', inputShape: [2, 6], nodes: [node('Slice', ['x', 's', 'e', 'a', 'st'], ['y'])],
      initializers: [int64Tensor('s', [1], [0]), int64Tensor('e', [1], [6]), int64Tensor('a', [1], [1]), int64Tensor('st', [1], [2])],
    }, /node 'slice' \(Slice\): steps = 2 along axis 1 is not supported \(only steps of 1\)/],
    ['Slice of the batch', {
      name: 'sb', inputShape: [4, 3], nodes: [node('Slice', ['x', 's', 'e', 'a'], ['y'])],
      initializers: [int64Tensor('s', [1], [0]), int64Tensor('e', [1], [2]), int64Tensor('a', [1], [0])],
    }, /node 'slice' \(Slice\): slicing the batch axis \(starts 0, ends 2\) is not supported/],
    ['Gather from the model\'s values', {
      name: 'ga', inputShape: [2, 3], nodes: [node('Gather', ['x', 'i'], ['y'])], initializers: [int64Tensor('i', [1], [0])],
    }, /node 'gather' \(Gather\): Gather from a value computed from the input is not supported/],
    ['Gather of a constant on axis 1', {
      name: 'g1', inputShape: [2, 3], nodes: [node('Cast', ['x'], ['i'], [attr.int('to', 7)]), node('Gather', ['T', 'i'], ['y'], [attr.int('axis', 1)])], initializers: [weight('T', [4, 5], 1)],
    }, /node 'gather' \(Gather\): only Gather of the rows \(axis 0\) of a 2-D table is supported.*axis 1/],
    ['Cast to INT64 read by something other than a Gather', {
      name: 'ci', inputShape: [2, 3], nodes: [node('Cast', ['x'], ['i'], [attr.int('to', 7)]), node('Relu', ['i'], ['y'])],
    }, /node 'cast' \(Cast\): Cast of the model's values to data type 7 is not supported \(only to FLOAT, or to INT64 \/ INT32 as the indices of a Gather\)/],
    ['a cycle', { name: 'cycle', inputShape: [2, 3], nodes: [node('Add', ['x', 'b'], ['a'], [], 'p'), node('Relu', ['a'], ['b'], [], 'q'), node('Relu', ['a'], ['y'], [], 'r')] },
      /the graph has a cycle/],
  ];
  for (const [name, c, message] of cases) {
    it(name, () => {
      assert.throws(() => importOnnx(build(c)), message);
    });
  }

  it('{allowNonFinite: true} loads a NaN weight as it is', () => {
    const w = values(72, 3);
    w[5] = NaN;
    const bytes = build(conv([], { initializers: [floatTensor('W', [4, 2, 3, 3], w), weight('B', [4], 2)] }));
    const model = importOnnx(bytes, { allowNonFinite: true });
    assert.ok(Number.isNaN(model.parameters()[0].value.data[5]));
  });
});

describe('declared intermediate shapes are checked', () => {
  it('a value_info whose shape the layers do not compute is an error naming the value', () => {
    const c: Case = { name: 'vi', inputShape: [1, 1, 4, 4], nodes: [node('MaxPool', ['x'], ['p'], [attr.ints('kernel_shape', [2, 2])]), node('Relu', ['p'], ['y'])] };
    const m = onnx.ModelProto.decode(build(c));
    m.graph!.valueInfo = [{ name: 'p', type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'N' }, { dimValue: 1 }, { dimValue: 2 }, { dimValue: 2 }] } } } }];
    assert.throws(() => importOnnx(onnx.ModelProto.encode(m).finish()), /value 'p': the file declares shape \[\?, 1, 2, 2\] but the layers compute \[N, 1, 3, 3\]/);
    m.graph!.valueInfo[0].type!.tensorType!.shape!.dim![2].dimValue = 3;
    m.graph!.valueInfo[0].type!.tensorType!.shape!.dim![3].dimValue = 3;
    assert.equal(importOnnx(onnx.ModelProto.encode(m).finish()).name, 'Sequential');
  });
});

describe('ConvTranspose attributes match ONNX Runtime', { skip: layerDef('ConvTranspose2d') ? false : 'Nabla has no ConvTranspose2d layer yet' }, () => {
  const convT = (attributes: AttributeProto[], inputShape = [2, 4, 4, 5]): Case => ({
    name: 'convt', inputShape, nodes: [node('ConvTranspose', ['x', 'W', 'B'], ['y'], attributes)],
    initializers: [weight('W', [4, 3, 3, 3], 11), weight('B', [3], 12)],
  });
  const cases: [string, Case][] = [
    ['strides, pads, output_padding', convT([attr.ints('strides', [2, 2]), attr.ints('pads', [1, 1, 1, 1]), attr.ints('output_padding', [1, 0])])],
    ['pads cropping more at the start (b > e: more output padding)', convT([attr.ints('strides', [2, 2]), attr.ints('pads', [1, 2, 0, 1])])],
    ['output_shape', convT([attr.ints('strides', [2, 2]), attr.ints('output_shape', [8, 10])])],
    ['auto_pad SAME_LOWER (the odd padding at the start)', convT([attr.ints('strides', [2, 2]), attr.string('auto_pad', 'SAME_LOWER')])],
    ['dilations and groups', { ...convT([attr.ints('dilations', [2, 1]), attr.int('group', 2)]), initializers: [weight('W', [4, 2, 3, 3], 13), weight('B', [4], 14)] }],
  ];
  for (const [name, c] of cases) {
    it(name, async () => {
      assert.deepEqual(await matchesOrt({ ...c, name }), ['ConvTranspose2d']);
    });
  }
  it('pads cropping more at the end is refused', () => {
    assert.throws(() => importOnnx(build(convT([attr.ints('pads', [0, 0, 1, 0])]))), /node 'convtranspose' \(ConvTranspose\): attribute pads = \[0, 0, 1, 0\] crops more at the end/);
  });
});

describe('Resize and Upsample attributes match ONNX Runtime', { skip: layerDef('Upsample') ? false : 'Nabla has no Upsample layer yet' }, () => {
  const NEAREST = [attr.string('mode', 'nearest'), attr.string('coordinate_transformation_mode', 'asymmetric'), attr.string('nearest_mode', 'floor')];
  const LINEAR = (coordinates: string) => [attr.string('mode', 'linear'), attr.string('coordinate_transformation_mode', coordinates)];
  const byScales = (attributes: AttributeProto[], scales: number[], inputShape = [2, 3, 4, 5]): Case => ({
    name: 'resize', inputShape, nodes: [node('Resize', ['x', '', 's'], ['y'], attributes)], initializers: [floatTensor('s', [4], scales)],
  });
  const bySizes = (attributes: AttributeProto[], sizes: number[], inputShape = [2, 3, 4, 5]): Case => ({
    name: 'resize', inputShape, fixedBatch: true, nodes: [node('Resize', ['x', '', '', 'z'], ['y'], attributes)], initializers: [int64Tensor('z', [4], sizes)],
  });
  const cases: [string, Case][] = [
    ['nearest, scales [1, 1, 2, 3]', byScales(NEAREST, [1, 1, 2, 3])],
    ['nearest, scales 1.5 (non-integer)', byScales(NEAREST, [1, 1, 1.5, 1.5], [1, 2, 5, 7])],
    ['nearest, sizes [7, 9] (not a multiple)', bySizes(NEAREST, [2, 3, 7, 9])],
    ['linear half_pixel, scales [1, 1, 2.5, 1.75]', byScales(LINEAR('half_pixel'), [1, 1, 2.5, 1.75])],
    ['linear pytorch_half_pixel, sizes [9, 6]', bySizes(LINEAR('pytorch_half_pixel'), [2, 3, 9, 6])],
    ['linear align_corners, sizes [3, 2] (smaller)', bySizes(LINEAR('align_corners'), [2, 3, 3, 2])],
    ['Upsample (opset 9), nearest, scales input', { name: 'up', inputShape: [2, 2, 3, 4], opset: 9, nodes: [node('Upsample', ['x', 's'], ['y'], [attr.string('mode', 'nearest')])], initializers: [floatTensor('s', [4], [1, 1, 2, 2])] }],
  ];
  for (const [name, c] of cases) {
    it(name, async () => {
      assert.deepEqual(await matchesOrt({ ...c, name }), ['Upsample']);
    });
  }
  const refusals: [string, Case, RegExp][] = [
    ['scales on the channels', byScales(NEAREST, [1, 2, 2, 2]), /node 'resize' \(Resize\): scales \[1,2,2,2\] are not supported \(only positive factors on H and W, 1 on N and C\)/],
    ['sizes changing the channels', bySizes(NEAREST, [2, 4, 8, 10]), /node 'resize' \(Resize\): sizes \[2,4,8,10\] are not supported for input \[N, 3, 4, 5\] \(only new H and W\)/],
    ['nearest with round_prefer_floor', byScales([attr.string('mode', 'nearest')], [1, 1, 2, 2]), /coordinate_transformation_mode 'half_pixel', nearest_mode 'round_prefer_floor' is not supported/],
    ['cubic', byScales([attr.string('mode', 'cubic')], [1, 1, 2, 2]), /node 'resize' \(Resize\): mode 'cubic' is not supported \(nearest, linear are\)/],
    ['scales giving an empty output', byScales(NEAREST, [1, 1, 0.1, 1]), /node 'resize' \(Resize\): Upsample: input \[1, 3, 4, 5\] with scaleFactor \[0.1, 1\] gives an empty output 0×5/],
    ['scales giving a huge output', byScales(NEAREST, [1, 1, 1e5, 1e5]), /node 'resize' \(Resize\): its output \[N, 3, 400000, 500000\] has 600000000000 elements per example, over the 268435456-element limit/],
  ];
  for (const [name, c, message] of refusals) {
    it(`refused: ${name}`, () => {
      assert.throws(() => importOnnx(build(c)), message);
    });
  }
});
