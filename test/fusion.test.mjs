// Graph rewrites (src/interpreter/fusion.ts): standalone float RELU / RELU6 / RELU_N1_TO_1 nodes fold
// into the fused activation of their producer, on both kernel tiers, with LiteRT.js's outputs; an
// activation whose input has another use, is a graph output, or is quantized stays a node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Interpreter, ModelBuilder, BuiltinOpResolver, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { runOracle } from './harness/oracle.mjs';
import { mulberry32 } from './harness/model_builder.mjs';

const f32 = (shape, data) => ({ dtype: 'float32', shape, ...(data ? { data } : {}) });
const CONV = { padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1 };

function randomF32(next, n, scale = 1) {
  return Float32Array.from({ length: n }, () => scale * ((next() / 4294967296) * 2 - 1));
}

/**
 * x → CONV_2D → RELU → DEPTHWISE_CONV_2D → RELU6 → ADD(·, x') → RELU_N1_TO_1 → out (all fusable),
 * plus a side branch: CONV_2D → t, where t feeds both a RELU (not fusable: two uses) and a MUL.
 */
function chainModel() {
  const next = mulberry32(5);
  const b = new ModelBuilder();
  const g = b.subgraph('main');
  const x = g.input({ ...f32([1, 6, 6, 4]), name: 'x' });
  const w1 = g.tensor(f32([8, 3, 3, 4], randomF32(next, 8 * 36, 0.5))), b1 = g.tensor(f32([8], randomF32(next, 8)));
  const c1 = g.tensor(f32([1, 6, 6, 8])), r1 = g.tensor(f32([1, 6, 6, 8]));
  g.op('CONV_2D', [x, w1, b1], [c1], CONV);
  g.op('RELU', [c1], [r1]);
  const w2 = g.tensor(f32([1, 3, 3, 8], randomF32(next, 72, 2))), b2 = g.tensor(f32([8], randomF32(next, 8)));
  const c2 = g.tensor(f32([1, 6, 6, 8])), r2 = g.tensor(f32([1, 6, 6, 8]));
  g.op('DEPTHWISE_CONV_2D', [r1, w2, b2], [c2], { ...CONV, depthMultiplier: 1 });
  g.op('RELU6', [c2], [r2]);
  const y = g.input({ ...f32([1, 6, 6, 8]), name: 'y' });
  const s = g.tensor(f32([1, 6, 6, 8])), out = g.tensor({ ...f32([1, 6, 6, 8]), name: 'out' });
  g.op('ADD', [r2, y], [s], { fusedActivationFunction: 0 });
  g.op('RELU_N1_TO_1', [s], [out]);
  // Side branch: t has two uses, so its RELU stays.
  const w3 = g.tensor(f32([8, 1, 1, 4], randomF32(next, 32))), b3 = g.tensor(f32([8], randomF32(next, 8))), t = g.tensor(f32([1, 6, 6, 8]));
  const rt = g.tensor({ ...f32([1, 6, 6, 8]), name: 'relu_t' }), mt = g.tensor({ ...f32([1, 6, 6, 8]), name: 'mul_t' });
  g.op('CONV_2D', [x, w3, b3], [t], CONV);
  g.op('RELU', [t], [rt]);
  g.op('MUL', [t, t], [mt], { fusedActivationFunction: 0 });
  g.output(out).output(rt).output(mt);
  return b.toBytes();
}

function run(it, inputs) {
  it.allocateTensors();
  return it.run(inputs).map((o) => Array.from(o));
}

function assertClose(got, ref, what) {
  assert.equal(got.length, ref.length, what);
  const m = Math.max(1, ...ref.map(Math.abs));
  for (let i = 0; i < ref.length; i++) assert.ok(Math.abs(got[i] - ref[i]) <= 1e-5 * m, `${what}[${i}]: ${got[i]} vs ${ref[i]}`);
}

test('standalone RELU / RELU6 / RELU_N1_TO_1 fold into their producers; the results are LiteRT.js\'s', async () => {
  const bytes = chainModel();
  const next = mulberry32(9);
  const x = randomF32(next, 144, 2), y = randomF32(next, 288);
  const [ref] = runOracle([{ bytes, inputs: [{ dtype: 'float32', shape: [1, 6, 6, 4], values: x }, { dtype: 'float32', shape: [1, 6, 6, 8], values: y }] }]);
  assert.ok(ref.ok, ref.error);
  const tiers = [['reference', new Interpreter(bytes, { opResolver: new BuiltinOpResolver() })]];
  if (probeSimd()) {
    const wasm = await loadWasmKernels();
    tiers.push(['simd', new Interpreter(bytes, { opResolver: createSimdResolver(wasm), heap: wasm.heap })]);
  }
  for (const [tier, it] of tiers) {
    const ops = [];
    it.profiler = (t) => ops.push(t.op);
    const got = run(it, [x, y]);
    got.forEach((o, k) => assertClose(o, ref.outputs[k].values, `${tier} output ${k}`));
    // Three activations fused away; the RELU of the two-use tensor stays.
    assert.deepEqual(ops, ['CONV_2D', 'DEPTHWISE_CONV_2D', 'ADD', 'CONV_2D', 'RELU', 'MUL'], tier);
  }
});

test('an activation whose input is a graph output, or quantized, is not fused', () => {
  const b = new ModelBuilder();
  const g = b.subgraph('main');
  const x = g.input(f32([4])), y = g.input(f32([4]));
  const s = g.tensor({ ...f32([4]), name: 's' }), r = g.tensor(f32([4]));
  g.op('ADD', [x, y], [s], { fusedActivationFunction: 0 });
  g.op('RELU', [s], [r]);
  g.output(s).output(r);
  const it = new Interpreter(b.toBytes());
  const ops = [];
  it.profiler = (t) => ops.push(t.op);
  const [sum, relu] = run(it, [new Float32Array([1, -2, 3, -4]), new Float32Array([0.5, 0.5, -5, 1])]);
  assert.deepEqual(ops, ['ADD', 'RELU']);
  assert.deepEqual(sum, [1.5, -1.5, -2, -3]);
  assert.deepEqual(relu, [1.5, 0, 0, 0]);

  const q = new ModelBuilder();
  const h = q.subgraph('main');
  const quantization = { scale: [0.1], zeroPoint: [10] };
  const qx = h.input({ dtype: 'uint8', shape: [4], quantization }), qy = h.input({ dtype: 'uint8', shape: [4], quantization });
  const qs = h.tensor({ dtype: 'uint8', shape: [4], quantization }), qr = h.tensor({ dtype: 'uint8', shape: [4], quantization });
  h.op('ADD', [qx, qy], [qs], { fusedActivationFunction: 0 });
  h.op('RELU', [qs], [qr]);
  h.output(qr);
  const qit = new Interpreter(q.toBytes());
  const qops = [];
  qit.profiler = (t) => qops.push(t.op);
  run(qit, [new Uint8Array([0, 20, 40, 5]), new Uint8Array([0, 10, 10, 5])]);
  assert.deepEqual(qops, ['ADD', 'RELU']);
});
