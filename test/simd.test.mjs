// The wasm SIMD tier: each SIMD kernel against the reference kernel on random shapes (remainders
// of the 4×8 tile, SAME/VALID, strides, dilations, activations, batches), the fallbacks, tier
// selection, and the float golden models run on the SIMD tier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  Interpreter, BuiltinOpResolver, BuiltinOperator, ApiError, ModelBuilder, loadWasmKernels, createSimdResolver, probeSimd,
} from '../dist/index.js';
import { WasmMemoryBacking } from '../dist/memory/heap.js';
import { registerMediaPipeOps } from '../dist/mediapipe/index.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR, checkGolden, listGoldens } from './harness/goldens.mjs';
import { pick, run, runBothTiers, newCounts, watchKernel, wrapBuiltins, worstRelativeDiff } from './harness/simd.mjs';

const hasSimd = probeSimd();

/** A SIMD-tier resolver whose CONV_2D / FULLY_CONNECTED count prepares that chose wasm and evals that ran it. */
function instrumentedResolver(wasm) {
  const counts = newCounts();
  const watched = new Set([BuiltinOperator.CONV_2D, BuiltinOperator.FULLY_CONNECTED]);
  const resolver = wrapBuiltins(createSimdResolver(wasm), watched, (k) => watchKernel(k, wasm, counts));
  return { resolver, counts };
}

/** Runs a case on both tiers; returns the largest difference relative to max(1, max|reference|). */
function compareTiers(wasm, c) {
  const { resolver, counts } = instrumentedResolver(wasm);
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, new BuiltinOpResolver());
  return { worst: worstRelativeDiff(ours, ref), counts };
}

function randomConv(next, i) {
  for (;;) {
    const kH = 1 + (next() % 4), kW = 1 + (next() % 4);
    const strideH = 1 + (next() % 3), strideW = 1 + (next() % 3);
    const dilationH = pick(next, [1, 1, 2]), dilationW = pick(next, [1, 1, 2, 3]);
    const padding = next() % 2;
    const batch = pick(next, [1, 1, 2, 3]);
    const h = 1 + (next() % 13), w = 1 + (next() % 13);
    const inC = pick(next, [1, 2, 3, 4, 5, 8, 13, 16, 24]), outC = pick(next, [1, 3, 7, 8, 9, 16, 17, 24, 33]);
    if (padding === 1 && ((kH - 1) * dilationH + 1 > h || (kW - 1) * dilationW + 1 > w)) continue;
    const act = next() % 5;
    const bias = next() % 4 !== 0;
    return {
      name: `conv ${i}: ${batch}x${h}x${w}x${inC} -> ${outC}, ${kH}x${kW} s${strideH},${strideW} d${dilationH},${dilationW} ${padding ? 'VALID' : 'SAME'} act${act}${bias ? '' : ' no bias'}`,
      op: 'CONV_2D', version: 1,
      options: { padding, strideW, strideH, fusedActivationFunction: act, dilationWFactor: dilationW, dilationHFactor: dilationH },
      inputs: [
        { dtype: 'float32', shape: [batch, h, w, inC] },
        { dtype: 'float32', shape: [outC, kH, kW, inC], constant: true },
        bias ? { dtype: 'float32', shape: [outC], constant: true, range: [-2, 2] } : null,
      ],
      outputs: [{ dtype: 'float32' }],
    };
  }
}

const conv = (name, input, filter, options = {}, bias = true) => ({
  name, op: 'CONV_2D', version: 1,
  options: { padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1, ...options },
  inputs: [
    { dtype: 'float32', shape: input },
    { dtype: 'float32', shape: filter, constant: true },
    bias ? { dtype: 'float32', shape: [filter[0]], constant: true } : null,
  ],
  outputs: [{ dtype: 'float32' }],
});

const fc = (name, input, units, depth, options = {}, bias = true) => ({
  name, op: 'FULLY_CONNECTED', version: 1,
  options: { fusedActivationFunction: 0, weightsFormat: 0, keepNumDims: false, asymmetricQuantizeInputs: false, ...options },
  inputs: [
    { dtype: 'float32', shape: input },
    { dtype: 'float32', shape: [units, depth], constant: true },
    bias ? { dtype: 'float32', shape: [units], constant: true } : null,
  ],
  outputs: [{ dtype: 'float32' }],
});

const TOL = 1e-5;

test('CONV_2D SIMD matches the reference on random shapes, paddings, strides, dilations, activations', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(2024);
  const cases = [
    conv('pointwise 1x1, M % 4 = 1, N % 8 = 5', [1, 3, 3, 16], [13, 1, 1, 16]),
    conv('pointwise 1x1 batch 2 relu6, N = 8', [2, 5, 7, 8], [8, 1, 1, 8], { fusedActivationFunction: 3 }),
    conv('pointwise 1x1, one pixel (matrix-vector)', [1, 1, 1, 40], [21, 1, 1, 40], { fusedActivationFunction: 1 }),
    conv('pointwise 1x1 stride 2 (im2col)', [1, 7, 7, 12], [10, 1, 1, 12], { strideH: 2, strideW: 2 }),
    conv('deep K: tiles of 4 pixels', [1, 6, 5, 300], [9, 3, 3, 300], { padding: 0 }),
    conv('tiles cross batches', [3, 9, 11, 5], [6, 3, 3, 5], { padding: 1 }, false),
    conv('window larger than input, SAME', [1, 2, 3, 4], [5, 5, 5, 4], { padding: 0, dilationHFactor: 2 }),
    conv('first layer 3x3 s2 inC 3', [1, 32, 32, 3], [16, 3, 3, 3], { strideH: 2, strideW: 2, fusedActivationFunction: 3 }),
    conv('relu_n1_to_1', [1, 4, 4, 7], [11, 2, 2, 7], { fusedActivationFunction: 2 }),
  ];
  for (let i = 0; i < 40; i++) cases.push(randomConv(next, i));
  let simd = 0;
  for (const c of cases) {
    const { worst, counts } = compareTiers(wasm, c);
    assert.ok(worst <= TOL, `${c.name}: relative difference ${worst}`);
    assert.equal(counts.refPrepared, 0, `${c.name}: ran the reference kernel`);
    simd += counts.simdEvals;
  }
  assert.equal(simd, cases.length, 'every case ran the wasm kernel');
});

test('FULLY_CONNECTED SIMD matches the reference (rows 1…9, odd depths and units, keep_num_dims, activations)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(77);
  const cases = [
    fc('one row', [1, 64], 10, 64),
    fc('keep_num_dims 3-D', [2, 3, 20], 9, 20, { keepNumDims: true, fusedActivationFunction: 1 }),
    fc('rank-4 input flattened', [1, 2, 2, 6], 17, 24, { fusedActivationFunction: 3 }, false),
    fc('depth 1', [5, 1], 3, 1),
  ];
  for (let i = 0; i < 30; i++) {
    const rows = 1 + (next() % 9), depth = 1 + (next() % 70), units = 1 + (next() % 40);
    cases.push(fc(`random ${i}: ${rows}x${depth} -> ${units}`, [rows, depth], units, depth, { fusedActivationFunction: pick(next, [0, 1, 2, 3]) }, next() % 3 !== 0));
  }
  for (const c of cases) {
    const { worst, counts } = compareTiers(wasm, c);
    assert.ok(worst <= TOL, `${c.name}: relative difference ${worst}`);
    assert.equal(counts.simdEvals, 1, `${c.name}: the wasm kernel did not run`);
  }
});

test('SIMD kernels fall back to the reference where they do not apply', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const computedFilter = conv('filter is a graph input', [1, 5, 5, 4], [6, 3, 3, 4]);
  computedFilter.inputs[1] = { dtype: 'float32', shape: [6, 3, 3, 4] };
  const grouped = conv('grouped (2 groups)', [1, 5, 5, 8], [6, 3, 3, 4]);
  const computedWeights = fc('weights are a graph input', [3, 10], 5, 10);
  computedWeights.inputs[1] = { dtype: 'float32', shape: [5, 10] };
  for (const c of [computedFilter, grouped, computedWeights]) {
    const { worst, counts } = compareTiers(wasm, c);
    assert.equal(worst, 0, c.name);
    assert.deepEqual([counts.simdPrepared, counts.refPrepared, counts.simdEvals], [0, 1, 0], c.name);
  }
  // The SIMD resolver on an interpreter whose heap is not the wasm memory: reference results.
  const c = conv('heap elsewhere', [1, 6, 6, 5], [7, 3, 3, 5]);
  const built = buildCase(c);
  const { resolver, counts } = instrumentedResolver(wasm);
  const ours = run(built.bytes, built.inputs, { opResolver: resolver });
  const ref = run(built.bytes, built.inputs, { opResolver: new BuiltinOpResolver() });
  assert.deepEqual(ours, ref);
  assert.equal(counts.simdEvals, 0);
});

test('Interpreter.create picks the tier; re-allocation after a resize repacks nothing and stays correct', { skip: !hasSimd }, async () => {
  const c = conv('resize', [1, 8, 8, 6], [10, 3, 3, 6], { fusedActivationFunction: 1 });
  const built = buildCase(c);
  const auto = await Interpreter.create(built.bytes);
  assert.ok(auto.heap.backing instanceof WasmMemoryBacking, "'auto' runs on a wasm heap");
  const simd = await Interpreter.create(built.bytes, { tier: 'simd' });
  const ref = await Interpreter.create(built.bytes, { tier: 'reference' });
  assert.ok(!(ref.heap.backing instanceof WasmMemoryBacking));
  assert.throws(() => new Interpreter(built.bytes, { tier: 'simd' }), ApiError);
  for (const shape of [[1, 8, 8, 6], [2, 11, 5, 6], [1, 3, 4, 6]]) {
    const n = shape.reduce((a, b) => a * b, 1);
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.7));
    const outs = [simd, ref].map((it) => {
      it.resizeTensorInput(it.getInputDetails()[0].index, shape);
      it.allocateTensors();
      it.setTensor(it.getInputDetails()[0].index, x);
      it.invoke();
      return it.getTensor(it.getOutputDetails()[0].index);
    });
    assert.equal(outs[0].length, outs[1].length);
    for (let i = 0; i < outs[0].length; i++) assert.ok(Math.abs(outs[0][i] - outs[1][i]) <= TOL * Math.max(1, Math.abs(outs[1][i])), `[${shape}] at ${i}`);
  }
  const used = simd.heap.usedBytes;
  simd.allocateTensors();
  assert.equal(simd.heap.usedBytes, used, 'allocating again reuses packed weights, scratch and arena');
});

test('packed weights: one filter with two biases, a constant-folded fp16 filter, re-allocation', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(11);
  const rnd = (n) => Float32Array.from({ length: n }, () => next() / 2 ** 31 - 1);
  const C = 12;
  const b = new ModelBuilder();
  const g = b.subgraph('main');
  const f32 = (shape, data) => ({ dtype: 'float32', shape, data });
  const x = g.input(f32([1, 6, 6, C]));
  const filter = g.tensor(f32([C, 1, 1, C], rnd(C * C)));
  const bias1 = g.tensor(f32([C], rnd(C))), bias2 = g.tensor(f32([C], rnd(C)));
  const halfFilter = g.tensor({ dtype: 'float16', shape: [9, 3, 3, C], data: Uint16Array.from({ length: 9 * 9 * C }, () => 0x3000 + (next() % 0x800)) });
  const dequantized = g.tensor(f32([9, 3, 3, C]));
  const [y1, y2, y3] = [g.tensor(f32([1, 6, 6, C])), g.tensor(f32([1, 6, 6, C])), g.tensor(f32([1, 6, 6, 9]))];
  const convOptions = { padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1 };
  g.op('CONV_2D', [x, filter, bias1], [y1], convOptions)
    .op('CONV_2D', [y1, filter, bias2], [y2], convOptions)
    .op('DEQUANTIZE', [halfFilter], [dequantized])
    .op('CONV_2D', [y2, dequantized, -1], [y3], convOptions)
    .output(y3);
  const bytes = b.toBytes();
  const { resolver, counts } = instrumentedResolver(wasm);
  const simd = new Interpreter(bytes, { heap: wasm.heap, opResolver: resolver });
  const ref = new Interpreter(bytes, { opResolver: new BuiltinOpResolver() });
  for (const shape of [[1, 6, 6, C], [2, 5, 7, C], [1, 6, 6, C]]) {
    const input = rnd(shape.reduce((p, q) => p * q, 1));
    const [ours, theirs] = [simd, ref].map((it) => {
      it.resizeTensorInput(it.getInputDetails()[0].index, shape);
      it.allocateTensors();
      it.setTensor(it.getInputDetails()[0].index, input);
      it.invoke();
      return it.getTensor(it.getOutputDetails()[0].index);
    });
    let max = 0, worst = 0;
    for (let i = 0; i < theirs.length; i++) {
      max = Math.max(max, Math.abs(theirs[i]));
      worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
    }
    assert.ok(worst <= TOL * Math.max(1, max), `[${shape}]: ${worst}`);
  }
  assert.equal(counts.refPrepared, 0);
  assert.equal(counts.simdEvals, 9);
});

const FLOAT_GOLDENS = /^(mediapipe\/.*|mtcnn\/rnet|tf\/mobilenet_v2_035_96_float(32|16))$/;

test('float golden models on the SIMD tier match their goldens', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const entries = listGoldens().filter((e) => FLOAT_GOLDENS.test(e.name));
  assert.ok(entries.length >= 5, 'the float golden models are present');
  for (const entry of entries) {
    const wasm = await loadWasmKernels();
    const { resolver, counts } = instrumentedResolver(wasm);
    const { stats } = checkGolden(entry, { resolver: registerMediaPipeOps(resolver), interpreterOptions: { heap: wasm.heap } });
    for (const s of stats) assert.ok(s.ok, `${entry.name} output ${s.name}: max diff ${s.maxDiff} > ${s.tol}`);
    assert.ok(counts.simdEvals > 0, `${entry.name}: no SIMD kernel ran`);
  }
});

test('Interpreter.create({tier: "simd"}) runs a float model like the reference tier', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const model = path.join(MODELS_DIR, 'tf/mobilenet_v2_035_96_float32.tflite');
  const outs = [];
  for (const tier of ['simd', 'reference']) {
    const it = await Interpreter.create(model, { tier });
    it.allocateTensors();
    const d = it.getInputDetails()[0];
    const next = mulberry32(5);
    it.setTensor(d.index, Float32Array.from({ length: d.shape.reduce((a, b) => a * b, 1) }, () => next() / 2 ** 31 - 1));
    it.invoke();
    outs.push(it.getTensor(it.getOutputDetails()[0].index));
  }
  let max = 0;
  for (let i = 0; i < outs[0].length; i++) max = Math.max(max, Math.abs(outs[0][i] - outs[1][i]));
  assert.ok(max <= 1e-4, `max diff ${max}`);
});
