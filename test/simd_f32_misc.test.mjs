// The SIMD tier's float32 math (wasm/assembly/math_f32.ts: NEG … ROUND, DIV, MAXIMUM, MINIMUM,
// SQUARED_DIFFERENCE) and reductions (reduce_f32.ts: SUM, REDUCE_MAX/MIN/PROD, MEAN) against the
// reference kernels on random shapes and special values, with a count of the wasm calls to check
// the fast path really ran; and their fallbacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BuiltinOpResolver, Interpreter, ModelBuilder, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { registerMediaPipeOps } from '../dist/mediapipe/index.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR, checkGolden, listGoldens } from './harness/goldens.mjs';
import { pick, run, worstRelativeDiff, countingResolver } from './harness/simd.mjs';

const hasSimd = probeSimd();

/** Runs case `c` on both tiers: { ours, ref } (arrays of outputs) and the wasm calls. */
function bothTiers(wasm, c) {
  const built = buildCase(c);
  const { resolver, calls } = countingResolver(wasm);
  const ours = run(built.bytes, built.inputs, { heap: wasm.heap, opResolver: resolver });
  const ref = run(built.bytes, built.inputs, { opResolver: new BuiltinOpResolver() });
  return { ours, ref, calls };
}

/** Bit-for-bit equality (Object.is: -0 is not +0; NaN is NaN), or within `tol` relative per element. */
function checkClose(c, ours, ref, tol) {
  ref.forEach((r, k) => {
    assert.equal(ours[k].length, r.length, `${c.name}: output length`);
    for (let i = 0; i < r.length; i++) {
      const a = ours[k][i], b = r[i];
      if (Object.is(a, b)) continue;
      const ok = tol > 0 && Number.isFinite(b) && Math.abs(a - b) <= tol * Math.abs(b);
      assert.ok(ok, `${c.name}: element ${i} is ${a}, the reference ${b}`);
    }
  });
}

function checkCase(wasm, c, fn, tol = 0) {
  const { ours, ref, calls } = bothTiers(wasm, c);
  checkClose(c, ours, ref, tol);
  assert.ok((calls[fn] ?? 0) >= 1, `${c.name}: ${fn} did not run (calls ${JSON.stringify(calls)})`);
}

const f32In = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });

// ------------------------------------------------------------------ unary

const EXACT_UNARY = ['NEG', 'ABS', 'SQUARE', 'SQRT', 'RSQRT', 'CEIL', 'FLOOR', 'ROUND'];
const APPROX_UNARY = ['EXP', 'LOG', 'TANH'];
/** Relative error allowed for EXP, LOG, TANH (the reference rounds Math.exp/log/tanh to f32). */
const APPROX_TOL = 1e-6;

/** Values that probe every branch: zeros, infinities, NaN, subnormals, ties, huge and tiny numbers. */
const SPECIAL = [
  -0, 0, NaN, Infinity, -Infinity, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3.4e38, -3.4e38, 1e-30, -1e-30, 1e-45, 1.2e-38, 5e-39,
  0.625, -0.625, 0.6249999, 9, -9, 20, 44, 45, 88.7, 88.8, 89, 100, -87, -103, -104, -110, 0.7071067, 0.7071068, 1.0000001, 0.9999999,
];

test('NEG, ABS, SQUARE, SQRT, RSQRT, CEIL, FLOOR, ROUND SIMD are bit-exact; EXP, LOG, TANH within 1e-6 relative', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(7);
  for (const op of [...EXACT_UNARY, ...APPROX_UNARY]) {
    const tol = APPROX_UNARY.includes(op) ? APPROX_TOL : 0;
    const range = op === 'EXP' ? [-90, 90] : op === 'LOG' || op === 'SQRT' || op === 'RSQRT' ? [0, 1000] : [-12, 12];
    const shapes = [[1, 7, 9, 13], [1], [2], [3], [5], [4, 4], [2, 3, 17]];
    for (let i = 0; i < 3; i++) shapes.push([1 + (next() % 3), 1 + (next() % 20), 1 + (next() % 33)]);
    for (const s of shapes) checkCase(wasm, { name: `${op} [${s}]`, op, inputs: [f32In(s, { range })], outputs: [{ dtype: 'float32' }] }, 'math_f32', tol);
    // Values near 0 (TANH's and LOG's polynomial branches, relative accuracy where the result is small).
    checkCase(wasm, { name: `${op} small`, op, inputs: [f32In([64], { range: [-1e-3, 1e-3] })], outputs: [{ dtype: 'float32' }] }, 'math_f32', tol);
    checkCase(wasm, { name: `${op} near 1`, op, inputs: [f32In([64], { range: [0.9, 1.1] })], outputs: [{ dtype: 'float32' }] }, 'math_f32', tol);
    checkCase(wasm, { name: `${op} special`, op, inputs: [f32In([SPECIAL.length], { data: SPECIAL })], outputs: [{ dtype: 'float32' }] }, 'math_f32', tol);
  }
});

test('EXP, LOG, TANH SIMD stay within 1e-6 relative over a dense sweep', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const sweep = (lo, hi, n) => Array.from({ length: n }, (_, i) => lo * Math.pow(hi / lo, i / (n - 1)));
  const pos = [...sweep(1e-38, 1e38, 4000), ...sweep(1e-44, 1e-37, 200)];
  const both = [...pos, ...pos.map((v) => -v)];
  for (const [op, data] of [['EXP', both.filter((v) => Math.abs(v) < 120)], ['LOG', pos], ['TANH', both]]) {
    checkCase(wasm, { name: `${op} sweep`, op, inputs: [f32In([data.length], { data })], outputs: [{ dtype: 'float32' }] }, 'math_f32', APPROX_TOL);
  }
});

// ------------------------------------------------------------------ binary

const binary = (op, name, a, b, act = 0, extra = {}) => ({
  name: `${op} ${name}`, op, version: 1,
  options: op === 'DIV' ? { fusedActivationFunction: act } : undefined,
  inputs: [f32In(a, extra.a), f32In(b, extra.b)],
  outputs: [{ dtype: 'float32' }],
});

test('DIV, MAXIMUM, MINIMUM, SQUARED_DIFFERENCE SIMD are bit-exact: same shapes, scalars, channel vectors, rows', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(11);
  for (const op of ['DIV', 'MAXIMUM', 'MINIMUM', 'SQUARED_DIFFERENCE']) {
    const acts = op === 'DIV' ? [0, 1, 2, 3] : [0];
    for (const act of acts) checkCase(wasm, binary(op, `same shape act${act}`, [1, 7, 5, 13], [1, 7, 5, 13], act, { a: { range: [-4, 4] } }), 'binary2_f32');
    checkCase(wasm, binary(op, 'channel vector', [1, 6, 6, 24], [1, 1, 1, 24]), 'binary2_f32');
    checkCase(wasm, binary(op, 'vector first, C % 4 = 3', [7], [2, 3, 5, 7]), 'binary2_f32');
    checkCase(wasm, binary(op, 'constant scalar', [1, 9, 9, 3], [], 0, { b: { constant: true } }), 'binary2_f32');
    checkCase(wasm, binary(op, 'scalar first', [], [2, 11, 6]), 'binary2_f32');
    checkCase(wasm, binary(op, 'one value per row (softmax)', [1, 635, 47, 2], [1, 635, 47, 1]), 'binary2_f32');
    checkCase(wasm, binary(op, 'rows first', [3, 1], [3, 17]), 'binary2_f32');
    for (let i = 0; i < 4; i++) {
      const shape = [1 + (next() % 3), 1 + (next() % 9), 1 + (next() % 9), 1 + (next() % 40)];
      const b = pick(next, [shape, [shape[3]], [], [shape[0], shape[1], shape[2], 1]]);
      checkCase(wasm, binary(op, `random ${i} [${shape}] ∘ [${b}]`, shape, b, op === 'DIV' ? next() % 4 : 0), 'binary2_f32');
    }
    const xs = [-0, 0, NaN, Infinity, -Infinity, 7, -7, 0.5, -0.5, 1e-30, 3.4e38, -3.4e38, 1, -1, 0, NaN];
    const ys = [0, -0, 1, -Infinity, Infinity, NaN, -0, 0.5, 5.5, -1e-3, 3.4e38, 1e-38, -0, 0, 0, NaN];
    for (const act of acts) {
      const c = binary(op, `special values act${act}`, [16], [16], act);
      c.inputs = [f32In([16], { data: xs }), f32In([16], { data: ys })];
      checkCase(wasm, c, 'binary2_f32');
    }
  }
});

test('DIV, MAXIMUM SIMD fall back to the reference for other broadcasts and types', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const ints = { ...binary('MAXIMUM', 'int32', [5], [5]), inputs: [{ dtype: 'int32', shape: [5] }, { dtype: 'int32', shape: [5] }], outputs: [{ dtype: 'int32' }] };
  for (const c of [binary('DIV', 'outer', [4, 1], [1, 6], 0, { b: { range: [1, 2] } }), binary('MAXIMUM', 'middle dim', [2, 3, 4], [1, 3, 1]), ints]) {
    const { ours, ref, calls } = bothTiers(wasm, c);
    assert.equal(worstRelativeDiff(ours, ref), 0, c.name);
    assert.equal(calls.binary2_f32, undefined, c.name);
  }
});

// ------------------------------------------------------------------ reductions

const reduce = (op, shape, axes, keepDims, extra = {}) => ({
  name: `${op} [${shape}] over [${axes}]${keepDims ? ' keep' : ''}`, op, version: 1, options: { keepDims },
  inputs: [f32In(shape, extra), { dtype: 'int32', shape: [axes.length], constant: true, data: axes }],
  outputs: [{ dtype: 'float32' }],
});

test('SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD, MEAN SIMD are bit-exact over contiguous axes', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(5);
  for (const op of ['SUM', 'REDUCE_MAX', 'REDUCE_MIN', 'REDUCE_PROD', 'MEAN']) {
    const range = op === 'REDUCE_PROD' ? [0.5, 1.5] : [-4, 4];
    const cases = [
      reduce(op, [1, 63, 47, 2], [3], true), // softmax over two classes (pnet)
      reduce(op, [1, 128], [-1], true), // layer norm
      reduce(op, [7, 2], [1], false),
      reduce(op, [5, 9], [1], false),
      reduce(op, [2, 6, 7, 10], [1, 2], true), // H, W (MEAN: the pooling kernel's)
      reduce(op, [2, 6, 7, 3], [1, 2], false),
      reduce(op, [3, 5, 1, 6], [1, 2], false),
      reduce(op, [4, 5, 6], [0], false),
      reduce(op, [4, 5, 6], [0, 1, 2], false),
      reduce(op, [4, 1, 5, 6], [2, 1], true),
    ];
    for (let i = 0; i < 5; i++) {
      const rank = 1 + (next() % 4);
      const shape = Array.from({ length: rank }, () => 2 + (next() % 6));
      const a = next() % rank, b = a + (next() % (rank - a));
      cases.push(reduce(op, shape, Array.from({ length: b - a + 1 }, (_, k) => a + k), next() % 2 === 0));
    }
    for (const c of cases) {
      c.inputs[0].range = range;
      const usesPool = op === 'MEAN' && c.inputs[0].shape.length === 4 && [...c.inputs[1].data].sort().join() === '1,2';
      checkCase(wasm, c, usesPool ? 'pool_f32' : 'reduce_f32');
    }
    const special = [NaN, 1, -0, 0, Infinity, -Infinity, 3, NaN, -0, -0, 5, 1e38, 1e38, 1e38, -3, 2];
    for (const shape of [[8, 2], [4, 4], [2, 8], [16, 1]]) {
      for (const axis of shape[1] === 1 ? [0] : [0, 1]) checkCase(wasm, reduce(op, shape, [axis], false, { data: special }), 'reduce_f32');
    }
  }
});

test('reductions fall back to the reference for split axes, computed axes and empty axes', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const computed = reduce('SUM', [3, 4], [1], false);
  computed.inputs[1] = { dtype: 'int32', shape: [1], data: [1] };
  const empty = reduce('REDUCE_MAX', [3, 0, 2], [1], false);
  for (const c of [reduce('SUM', [3, 4, 5], [0, 2], false), reduce('MEAN', [3, 4, 5], [0, 2], true), computed, empty]) {
    const { ours, ref, calls } = bothTiers(wasm, c);
    assert.equal(worstRelativeDiff(ours, ref), 0, c.name);
    assert.equal(calls.reduce_f32, undefined, c.name);
  }
});

// ------------------------------------------------------------------ SPLIT, GATHER

const split = (shape, axis, n, dtype = 'float32') => ({
  name: `SPLIT [${shape}] axis ${axis} into ${n} ${dtype}`, op: 'SPLIT', version: 1, options: { numSplits: n },
  inputs: [{ dtype: 'int32', shape: [], constant: true, data: [axis] }, { dtype, shape, range: [-100, 100] }],
  outputs: Array.from({ length: n }, () => ({ dtype })),
});

const gather = (shape, positions, axis, { dtype = 'float32', constant = false, posShape = [positions.length] } = {}) => ({
  name: `GATHER [${shape}] axis ${axis} at [${positions}]${constant ? ' constant' : ''} ${dtype}`, op: 'GATHER', version: 1, options: { axis, batchDims: 0 },
  inputs: [{ dtype, shape, constant, range: [-100, 100] }, { dtype: 'int32', shape: posShape, data: positions }],
  outputs: [{ dtype }],
});

test('SPLIT and GATHER SIMD copy what the reference copies', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const cases = [
    split([1, 128], 1, 4), split([1, 128], -1, 4), split([6, 5, 3], 0, 3), split([2, 9, 4], 1, 3, 'int32'), split([3, 4, 2], 2, 2), split([5], 0, 1),
    gather([20, 1, 16], [7], 0, { posShape: [] }), gather([100, 16], [3, 0, 99, 3, 42], 0, { constant: true }),
    gather([4, 6, 5], [5, 0, 2], 1), gather([3, 4, 7], [6, 6, 1, 0], 2, { dtype: 'int32' }), gather([5, 3], [[0, 4], [2, 2]].flat(), 0, { posShape: [2, 2] }),
  ];
  for (const c of cases) checkCase(wasm, c, 'copy_rows_32');
});

test('GATHER SIMD fails on an out-of-range index; batch_dims and int64 indices run the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const bad = gather([4, 3], [1, 4], 0);
  const built = buildCase(bad);
  assert.throws(() => run(built.bytes, built.inputs, { heap: wasm.heap, opResolver: createSimdResolver(wasm) }), /gather index 4 out of bounds/);
  const int64 = gather([4, 3], [1, 3], 0);
  int64.inputs[1].dtype = 'int64';
  const batched = { ...gather([2, 4, 3], [1, 3, 0, 2], 1, { posShape: [2, 2] }), options: { axis: 1, batchDims: 1 } };
  for (const c of [int64, batched]) {
    const { ours, ref, calls } = bothTiers(wasm, c);
    assert.equal(worstRelativeDiff(ours, ref), 0, c.name);
    assert.equal(calls.copy_rows_32, undefined, c.name);
  }
});

// ------------------------------------------------------------------ hybrid (dynamic range)

const hybridFc = (name, rows, depth, units, { asym = false, act = 0, perChannel = false, bias = true, u8 = false, range } = {}) => ({
  name: `FULLY_CONNECTED hybrid ${name}`, op: 'FULLY_CONNECTED', version: u8 ? 3 : 9,
  options: { fusedActivationFunction: act, weightsFormat: 0, keepNumDims: false, asymmetricQuantizeInputs: asym },
  inputs: [
    f32In([rows, depth], range ? { range } : {}),
    {
      dtype: u8 ? 'uint8' : 'int8', shape: [units, depth], constant: true,
      quant: perChannel ? { scale: Array.from({ length: units }, (_, i) => 0.002 + 0.001 * (i % 7)), zeroPoint: new Array(units).fill(0) } : { scale: 0.0037, zeroPoint: 0 },
    },
    bias ? { dtype: 'float32', shape: [units], constant: true } : null,
  ],
  outputs: [{ dtype: 'float32' }],
});

const hybridConv = (name, shape, outC, { act = 0, perChannel = true, bias = true, range } = {}) => ({
  name: `CONV_2D hybrid pointwise ${name}`, op: 'CONV_2D', version: 2,
  options: { padding: 1, strideW: 1, strideH: 1, fusedActivationFunction: act, dilationWFactor: 1, dilationHFactor: 1 },
  inputs: [
    f32In(shape, range ? { range } : {}),
    {
      dtype: 'int8', shape: [outC, 1, 1, shape[3]], constant: true,
      quant: perChannel ? { scale: Array.from({ length: outC }, (_, i) => 0.001 + 0.0005 * (i % 5)), zeroPoint: new Array(outC).fill(0), quantizedDimension: 0 } : { scale: 0.004, zeroPoint: 0 },
    },
    bias ? { dtype: 'float32', shape: [outC], constant: true } : null,
  ],
  outputs: [{ dtype: 'float32' }],
});

test('hybrid FULLY_CONNECTED and pointwise CONV_2D SIMD are bit-exact with the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(13);
  const cases = [
    hybridFc('LSTM gates, asymmetric', 1, 32, 128, { asym: true, bias: false }),
    hybridFc('symmetric, relu6', 3, 17, 10, { act: 3, range: [-8, 8] }),
    hybridFc('per-channel, relu', 5, 64, 13, { act: 1, perChannel: true }),
    hybridFc('asymmetric, positive inputs', 4, 9, 7, { asym: true, range: [0.5, 3] }),
    hybridFc('asymmetric, negative inputs', 2, 3, 5, { asym: true, range: [-3, -0.5] }),
    hybridFc('uint8 weights', 2, 12, 9, { u8: true }),
    hybridFc('depth 1', 6, 1, 3, { asym: true }),
    hybridConv('mobilenet expand', [1, 12, 12, 16], 96, { act: 3 }),
    hybridConv('project, no bias', [1, 6, 6, 96], 24, { bias: false }),
    hybridConv('per-tensor, odd channels', [2, 5, 3, 7], 11, { perChannel: false, act: 1 }),
  ];
  for (let i = 0; i < 6; i++) {
    const rows = 1 + (next() % 9), depth = 1 + (next() % 70), units = 1 + (next() % 40);
    cases.push(hybridFc(`random ${i} ${rows}x${depth}x${units}`, rows, depth, units, { asym: next() % 2 === 0, act: next() % 4, perChannel: next() % 2 === 0 }));
    const shape = [1, 1 + (next() % 6), 1 + (next() % 6), 1 + (next() % 40)];
    cases.push(hybridConv(`random ${i} [${shape}] → ${1 + i * 5}`, shape, 1 + i * 5, { act: next() % 4 }));
  }
  for (const c of cases) checkCase(wasm, c, 'hybrid_gemm_f32');
  // Rows of zeros (scale 1), special values and a constant row.
  const special = [0, 0, 0, 0, NaN, 1, -1, Infinity, 2, 2, 2, 2, -0, 0.5, -0.5, 1e-30];
  for (const asym of [false, true]) {
    const c = hybridFc(`special values asym ${asym}`, 4, 4, 6, { asym });
    c.inputs[0] = f32In([4, 4], { data: special });
    checkCase(wasm, c, 'hybrid_gemm_f32');
  }
});

const hybridDw = (name, shape, [kH, kW], { stride = 1, dilation = 1, same = true, act = 0, bias = true, mult = 1 } = {}) => ({
  name: `DEPTHWISE_CONV_2D hybrid ${name}`, op: 'DEPTHWISE_CONV_2D', version: 6,
  options: { padding: same ? 0 : 1, strideW: stride, strideH: stride, depthMultiplier: mult, fusedActivationFunction: act, dilationWFactor: dilation, dilationHFactor: dilation },
  inputs: [
    f32In(shape),
    {
      dtype: 'int8', shape: [1, kH, kW, shape[3] * mult], constant: true,
      quant: { scale: Array.from({ length: shape[3] * mult }, (_, i) => 0.002 + 0.0007 * (i % 6)), zeroPoint: new Array(shape[3] * mult).fill(0), quantizedDimension: 3 },
    },
    bias ? { dtype: 'float32', shape: [shape[3] * mult], constant: true } : null,
  ],
  outputs: [{ dtype: 'float32' }],
});

test('hybrid DEPTHWISE_CONV_2D SIMD is bit-exact with the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(17);
  const cases = [
    hybridDw('mobilenet 3x3 s1 relu6', [1, 12, 12, 96], [3, 3], { act: 3 }),
    hybridDw('3x3 s2 no bias', [1, 9, 9, 16], [3, 3], { stride: 2, bias: false }),
    hybridDw('C % 8 = 3, valid', [2, 6, 7, 11], [3, 2], { same: false }),
    hybridDw('5x5 dilation 2', [1, 8, 8, 8], [5, 5], { dilation: 2, act: 1 }),
  ];
  for (let i = 0; i < 8; i++) {
    const shape = [1 + (next() % 2), 1 + (next() % 10), 1 + (next() % 10), 8 + (next() % 30)];
    const k = pick(next, [[3, 3], [1, 1], [5, 5], [2, 3]]);
    const same = next() % 2 === 0;
    if (!same && (k[0] > shape[1] || k[1] > shape[2])) continue;
    cases.push(hybridDw(`random ${i} [${shape}] ${k}`, shape, k, { stride: pick(next, [1, 2]), same, act: next() % 4, bias: next() % 3 !== 0 }));
  }
  for (const c of cases) checkCase(wasm, c, 'hybrid_dwconv_f32');
});

test('hybrid FULLY_CONNECTED with TANH, a strided hybrid CONV_2D, a narrow or multiplied hybrid depthwise fall back to the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const strided = hybridConv('stride 2', [1, 6, 6, 8], 4);
  strided.options.strideW = strided.options.strideH = 2;
  for (const c of [hybridFc('tanh', 2, 8, 4, { act: 4 }), strided, hybridDw('4 channels', [1, 5, 5, 4], [3, 3]), hybridDw('multiplier 2', [1, 5, 5, 8], [3, 3], { mult: 2 })]) {
    const { ours, ref, calls } = bothTiers(wasm, c);
    assert.equal(worstRelativeDiff(ours, ref), 0, c.name);
    assert.equal(calls.hybrid_gemm_f32, undefined, c.name);
    assert.equal(calls.hybrid_dwconv_f32, undefined, c.name);
  }
});

// ------------------------------------------------------------------ golden models

const GOLDENS = /^(mtcnn\/rnet|openwakeword\/(embedding_model|hey_jarvis_v0\.1)|tf\/lstm_classifier_.*|tf\/mobilenet_v2_035_96_dynamic)$/;

test('golden models on the SIMD tier match their goldens, running these kernels', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const entries = listGoldens().filter((e) => GOLDENS.test(e.name));
  assert.ok(entries.length >= 6, 'the golden models are present');
  const total = {};
  for (const entry of entries) {
    const wasm = await loadWasmKernels();
    const { resolver, calls } = countingResolver(wasm);
    const { stats } = checkGolden(entry, { resolver: registerMediaPipeOps(resolver), interpreterOptions: { heap: wasm.heap } });
    for (const s of stats) assert.ok(s.ok, `${entry.name} output ${s.name}: max diff ${s.maxDiff} > ${s.tol}`);
    for (const [k, v] of Object.entries(calls)) total[k] = (total[k] ?? 0) + v;
  }
  for (const fn of ['math_f32', 'binary2_f32', 'reduce_f32', 'hybrid_gemm_f32', 'hybrid_dwconv_f32']) {
    assert.ok(total[fn] > 0, `${fn} ran in no golden model (${JSON.stringify(total)})`);
  }
});

// ------------------------------------------------------------------ CONV_2D: direct and im2col pixels

test('conv2d_f32 gives every pixel the same bits whatever its path, im2col tile size or row split', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(21);
  const { heap, exports } = wasm;
  for (let i = 0; i < 12; i++) {
    const inH = 3 + (next() % 12), inW = 3 + (next() % 14), inC = pick(next, [1, 3, 5, 8, 16]), outC = pick(next, [2, 4, 7, 8, 10, 19]);
    const kH = pick(next, [1, 2, 3, 5]), kW = pick(next, [1, 3, 4]), sH = pick(next, [1, 2]), sW = pick(next, [1, 2, 3]);
    const dH = pick(next, [1, 1, 2]), dW = pick(next, [1, 1, 2]);
    const same = next() % 2 === 0;
    const effH = (kH - 1) * dH + 1, effW = (kW - 1) * dW + 1;
    if (!same && (effH > inH || effW > inW)) continue;
    const outH = same ? Math.ceil(inH / sH) : Math.floor((inH - effH) / sH) + 1;
    const outW = same ? Math.ceil(inW / sW) : Math.floor((inW - effW) / sW) + 1;
    const padH = same ? Math.max(0, Math.floor(((outH - 1) * sH + effH - inH) / 2)) : 0;
    const padW = same ? Math.max(0, Math.floor(((outW - 1) * sW + effW - inW) / 2)) : 0;
    const k = kH * kW * inC, panels = Math.ceil(outC / 8);
    const input = heap.alloc(inH * inW * inC * 4), weights = heap.alloc(panels * (k + 1) * 32);
    const outBytes = outH * outW * outC * 4;
    const outs = [heap.alloc(outBytes), heap.alloc(outBytes), heap.alloc(outBytes)];
    const scratch = heap.alloc(64 * k * 4);
    const f = (off, n) => new Float32Array(heap.buffer, off, n);
    f(input, inH * inW * inC).forEach((_, j, a) => { a[j] = (next() / 2 ** 32) * 2 - 1; });
    f(weights, panels * (k + 1) * 8).forEach((_, j, a) => { a[j] = (next() / 2 ** 32) * 2 - 1; });
    const call = (out, rows, r0, tileRows) => exports.conv2d_f32(
      input, out + r0 * outW * outC * 4, weights, scratch, 1, inH, inW, inC, rows, outW, outC, kH, kW, sH, sW, dH, dW, padH - r0 * sH, padW, tileRows, -Infinity, Infinity,
    );
    call(outs[0], outH, 0, 4);
    call(outs[1], outH, 0, 64);
    const r = next() % outH;
    call(outs[2], r, 0, 8);
    call(outs[2], outH - r, r, 8);
    const bits = (o) => new Uint32Array(heap.buffer, o, outBytes / 4);
    const name = `${inH}x${inW}x${inC} → ${outC}, ${kH}x${kW} s${sH},${sW} d${dH},${dW} ${same ? 'SAME' : 'VALID'}`;
    assert.deepEqual(bits(outs[1]), bits(outs[0]), `${name}: tileRows 64 vs 4`);
    assert.deepEqual(bits(outs[2]), bits(outs[0]), `${name}: rows split at ${r}`);
  }
});

// ------------------------------------------------------------------ PReLU fusion

/** x → ADD(RELU(x), MUL(alpha, NEG(RELU(NEG(x))))) (MTCNN's PReLU), optionally with an extra reader of an intermediate. */
function preluChain(shape, alpha, { alphaFirst = true, leak = false } = {}) {
  const b = new ModelBuilder();
  const g = b.subgraph('main');
  const t = (data) => g.tensor({ dtype: 'float32', shape: data ? [alpha.length] : shape, data });
  const x = g.input({ dtype: 'float32', shape });
  const [r1, n1, r2, n2, m, out] = [t(), t(), t(), t(), t(), t()];
  const a = t(Float32Array.from(alpha));
  g.op('RELU', [x], [r1]).op('NEG', [x], [n1]).op('RELU', [n1], [r2]).op('NEG', [r2], [n2])
    .op('MUL', alphaFirst ? [a, n2] : [n2, a], [m], { fusedActivationFunction: 0 })
    .op('ADD', [r1, m], [out], { fusedActivationFunction: 0 })
    .output(out);
  if (leak) g.output(n2);
  return b.toBytes();
}

test('the SIMD resolver fuses PReLU spelled RELU/NEG/MUL/ADD into PRELU, and only where it is exact', { skip: !hasSimd }, async () => {
  const shape = [1, 5, 6, 7];
  const alpha = [0.25, -0.5, 1, 0, 2, 0.1, 3];
  const x = Float32Array.from({ length: 210 }, (_, i) => (i % 13 === 0 ? 0 : Math.sin(i) * 4));
  const runWith = (bytes, options) => {
    const it = new Interpreter(bytes, options);
    it.allocateTensors();
    it.setTensor(it.getInputDetails()[0].index, x);
    const nodes = [];
    it.profiler = (p) => nodes.push(p.op);
    it.invoke();
    return { out: it.getTensor(it.getOutputDetails()[0].index), nodes };
  };
  for (const [options, fused] of [[{}, true], [{ alphaFirst: false }, true], [{ leak: true }, false]]) {
    const bytes = preluChain(shape, alpha, options);
    const wasm = await loadWasmKernels();
    const ours = runWith(bytes, { heap: wasm.heap, opResolver: createSimdResolver(wasm) });
    const ref = runWith(bytes, { opResolver: new BuiltinOpResolver() });
    assert.deepEqual(ours.nodes, fused ? ['PRELU'] : ['RELU', 'NEG', 'RELU', 'NEG', 'MUL', 'ADD'], JSON.stringify(options));
    assert.equal(ref.nodes.length, 6);
    // Equal values; a fused zero may differ in sign (x = -0 stays -0 in PRELU).
    ref.out.forEach((v, i) => assert.ok(v === ours.out[i], `${JSON.stringify(options)} at ${i}: ${ours.out[i]} vs ${v}`));
  }
  // A non-finite alpha keeps the chain: ∞ · -0 is NaN in the chain, not in PRELU.
  const wasm = await loadWasmKernels();
  assert.equal(runWith(preluChain(shape, [...alpha.slice(0, 6), Infinity]), { heap: wasm.heap, opResolver: createSimdResolver(wasm) }).nodes.length, 6);
});

/** CONV_2D (3×3 SAME, C → 6) then `act` ('PRELU' with alpha of `alphaShape`, or 'LEAKY_RELU'); `extraReader`: the conv output is also a graph output. */
function convAct(act, { alphaShape = [6], extraReader = false, convAct = 0 } = {}) {
  const next = mulberry32(3);
  const rnd = (n) => Float32Array.from({ length: n }, () => next() / 2 ** 31 - 1);
  const b = new ModelBuilder();
  const g = b.subgraph('main');
  const x = g.input({ dtype: 'float32', shape: [1, 7, 9, 5] });
  const filter = g.tensor({ dtype: 'float32', shape: [6, 3, 3, 5], data: rnd(270) });
  const bias = g.tensor({ dtype: 'float32', shape: [6], data: rnd(6) });
  const y = g.tensor({ dtype: 'float32', shape: [1, 7, 9, 6] }), out = g.tensor({ dtype: 'float32', shape: [1, 7, 9, 6] });
  g.op('CONV_2D', [x, filter, bias], [y], { padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: convAct, dilationWFactor: 1, dilationHFactor: 1 });
  if (act === 'PRELU') {
    const n = alphaShape.reduce((p, q) => p * q, 1);
    const alpha = g.tensor({ dtype: 'float32', shape: alphaShape, data: Float32Array.from({ length: n }, (_, i) => [0.25, -0.5, 2, 0, 0.1, 1.5][i % 6]) });
    g.op('PRELU', [y, alpha], [out]);
  } else {
    g.op('LEAKY_RELU', [y], [out], { alpha: 0.2 });
  }
  g.output(out);
  if (extraReader) g.output(y);
  return b.toBytes();
}

test('the SIMD resolver fuses CONV_2D + PRELU / LEAKY_RELU into one convolution where it may', { skip: !hasSimd }, async () => {
  const x = Float32Array.from({ length: 315 }, (_, i) => Math.sin(i * 0.7) * 3);
  const runWith = (bytes, options) => {
    const it = new Interpreter(bytes, options);
    it.allocateTensors();
    it.setTensor(it.getInputDetails()[0].index, x);
    const nodes = [];
    it.profiler = (p) => nodes.push(p.op);
    it.invoke();
    return { out: it.getTensor(it.getOutputDetails()[0].index), nodes };
  };
  const cases = [
    ['PRELU', { alphaShape: [6] }, true], ['PRELU', { alphaShape: [1, 1, 6] }, true], ['PRELU', { alphaShape: [1] }, true],
    ['LEAKY_RELU', {}, true], ['PRELU', { alphaShape: [9, 6] }, false], ['PRELU', { extraReader: true }, false], ['LEAKY_RELU', { convAct: 1 }, false],
  ];
  for (const [act, options, fused] of cases) {
    const bytes = convAct(act, options);
    const name = `${act} ${JSON.stringify(options)}`;
    const ref = runWith(bytes, { opResolver: new BuiltinOpResolver() });
    const wasm = await loadWasmKernels();
    const { resolver, calls } = countingResolver(wasm);
    // In the heap (the wasm kernel), and with tensors outside it (the reference fallback).
    for (const options of [{ heap: wasm.heap, opResolver: resolver }, { opResolver: createSimdResolver(wasm) }]) {
      const ours = runWith(bytes, options);
      assert.deepEqual(ours.nodes, fused ? ['CONV_2D'] : ['CONV_2D', act], name);
      assert.ok(worstRelativeDiff([ours.out], [ref.out]) <= 1e-5, name);
    }
    assert.equal(calls.conv2d_prelu_f32 ?? 0, fused ? 1 : 0, name);
  }
});
