// The wasm SIMD tier's float32 kernels beyond the GEMM ones (DEPTHWISE_CONV_2D, element-wise,
// pooling, MEAN, RESIZE_BILINEAR, CONCATENATION, PAD) against the reference kernels on random
// shapes, with a count of the wasm calls to check the fast path really ran; their fallbacks;
// and the float golden models on the SIMD tier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BuiltinOpResolver, loadWasmKernels, probeSimd } from '../dist/index.js';
import { registerMediaPipeOps } from '../dist/mediapipe/index.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR, checkGolden, listGoldens } from './harness/goldens.mjs';
import { pick, run, runBothTiers, worstRelativeDiff, countingResolver } from './harness/simd.mjs';
import { dw, randomDepthwise } from './harness/conv_cases.mjs';

const hasSimd = probeSimd();
const TOL = 1e-5;

/**
 * Runs a case on both tiers; returns the largest difference relative to max(1, max|reference|)
 * (Infinity where one side is NaN and the other not) and the wasm calls.
 */
function compareTiers(wasm, c) {
  const { resolver, calls } = countingResolver(wasm);
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, new BuiltinOpResolver());
  return { worst: worstRelativeDiff(ours, ref, { skipEqual: true, message: `${c.name}: output length` }), calls };
}

/** Checks every case within `tol` and that each made at least one call to `fn` (the wasm kernel). */
function checkCases(wasm, cases, fn, tol = TOL) {
  for (const c of cases) {
    const { worst, calls } = compareTiers(wasm, c);
    assert.ok(worst <= tol, `${c.name}: relative difference ${worst} > ${tol}`);
    assert.ok((calls[fn] ?? 0) >= 1, `${c.name}: ${fn} did not run (calls ${JSON.stringify(calls)})`);
  }
}

// ------------------------------------------------------------------ DEPTHWISE_CONV_2D

test('DEPTHWISE_CONV_2D SIMD matches the reference: 3x3, 5x5, any window, strides, dilations, multipliers, activations', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(4242);
  const cases = [
    dw('3x3 s1 SAME relu6 (hand_landmark)', [1, 20, 20, 24], [3, 3], 1, { fusedActivationFunction: 3 }),
    dw('3x3 s2 SAME', [1, 17, 16, 16], [3, 3], 1, { strideH: 2, strideW: 2 }),
    dw('3x3 s2 SAME, C % 4 = 2', [1, 16, 16, 42], [3, 3], 1, { strideH: 2, strideW: 2 }),
    dw('3x3 VALID', [1, 9, 11, 8], [3, 3], 1, { padding: 1 }),
    dw('5x5 s1 SAME relu6', [1, 14, 14, 36], [5, 5], 1, { fusedActivationFunction: 3 }),
    dw('5x5 s2 SAME', [1, 15, 14, 12], [5, 5], 1, { strideH: 2, strideW: 2 }),
    dw('5x5 on a 3x3 image (all border)', [1, 3, 3, 8], [5, 5], 1),
    dw('5x5 on 7x7, C 672-like', [1, 7, 7, 20], [5, 5], 1),
    dw('3x3 one column', [1, 6, 1, 4], [3, 3], 1),
    dw('3x3 dilation 2', [1, 10, 10, 8], [3, 3], 1, { dilationHFactor: 2, dilationWFactor: 2 }),
    dw('multiplier 2', [1, 8, 8, 3], [3, 3], 2, { fusedActivationFunction: 1 }),
    dw('multiplier 8 on one channel', [2, 6, 7, 1], [3, 3], 8),
    dw('C = 5 no bias', [1, 8, 8, 5], [3, 3], 1, {}, false),
    dw('batch 3', [3, 7, 6, 12], [3, 3], 1, { fusedActivationFunction: 2 }),
    // Wide rows: the border columns take the bounds-checked path (no padded copy).
    dw('wide 5x5 SAME', [1, 5, 40, 8], [5, 5], 1, { fusedActivationFunction: 1 }),
    dw('wide 3x3 s2 SAME, C % 4 = 1', [2, 6, 33, 9], [3, 3], 1, { strideH: 2, strideW: 2 }),
    dw('wide 7x7 SAME', [1, 9, 70, 4], [7, 7], 1),
    dw('wide 3x3 dilation 2', [1, 8, 40, 12], [3, 3], 1, { dilationHFactor: 2, dilationWFactor: 2 }),
    dw('wide 5x5 s2 dilation 2', [1, 11, 64, 4], [5, 5], 1, { strideH: 2, strideW: 2, dilationHFactor: 2, dilationWFactor: 2 }),
    dw('multiplier 3 VALID', [1, 9, 9, 2], [3, 3], 3, { padding: 1 }),
  ];
  for (let i = 0; i < 60; i++) cases.push(randomDepthwise(next, i));
  checkCases(wasm, cases, 'dwconv_f32');
});

test('DEPTHWISE_CONV_2D falls back to the reference below 4 channels and for a computed filter', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const computed = dw('filter is a graph input', [1, 6, 6, 8], [3, 3], 1);
  computed.inputs[1] = { dtype: 'float32', shape: [1, 3, 3, 8] };
  for (const c of [dw('3 channels', [1, 6, 6, 3], [3, 3], 1), computed]) {
    const { worst, calls } = compareTiers(wasm, c);
    assert.equal(worst, 0, c.name);
    assert.equal(calls.dwconv_f32, undefined, c.name);
  }
});

// ------------------------------------------------------------------ element-wise

const f32In = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });

const binary = (op, name, a, b, act = 0, extra = {}) => ({
  name: `${op} ${name}`, op, version: 1,
  options: op === 'PRELU' ? undefined : { fusedActivationFunction: act },
  inputs: [f32In(a, extra.a), f32In(b, extra.b)],
  outputs: [{ dtype: 'float32' }],
});

test('ADD, SUB, MUL, PRELU SIMD are bit-exact with the reference: same shapes, scalars, channel vectors, rows, activations', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(99);
  const cases = [];
  for (const op of ['ADD', 'SUB', 'MUL']) {
    for (const act of [0, 1, 2, 3]) cases.push(binary(op, `same shape act${act}`, [1, 7, 5, 13], [1, 7, 5, 13], act, { a: { range: [-4, 4] } }));
    cases.push(binary(op, 'channel vector (SE block)', [1, 6, 6, 24], [1, 1, 1, 24]));
    cases.push(binary(op, 'vector first, C % 4 = 3', [7], [2, 3, 5, 7]));
    cases.push(binary(op, 'constant channel vector', [1, 5, 5, 10], [10], 1, { b: { constant: true } }));
    cases.push(binary(op, 'scalar', [1, 9, 9, 3], [], 3, { a: { range: [-8, 8] } }));
    cases.push(binary(op, 'constant scalar first', [1, 1], [2, 11, 6], 0, { a: { constant: true } }));
    cases.push(binary(op, 'one value per row', [2, 4, 4, 9], [2, 4, 4, 1], 2));
    cases.push(binary(op, 'rows first', [3, 1], [3, 17]));
    cases.push(binary(op, 'two elements', [2], [2]));
    for (let i = 0; i < 6; i++) {
      const shape = [1 + (next() % 3), 1 + (next() % 9), 1 + (next() % 9), 1 + (next() % 40)];
      const b = pick(next, [shape, [shape[3]], [1, 1, 1, shape[3]], [], [shape[0], shape[1], shape[2], 1]]);
      cases.push(binary(op, `random ${i} [${shape}] ∘ [${b}]`, shape, b, next() % 4));
    }
  }
  cases.push(binary('PRELU', 'channel alpha', [1, 8, 8, 16], [1, 1, 16], 0, { b: { constant: true, range: [0, 0.5] } }));
  cases.push(binary('PRELU', 'alpha per element', [2, 3, 5], [2, 3, 5]));
  cases.push(binary('PRELU', 'scalar alpha, C % 4 = 1', [1, 4, 4, 5], [1], 0, { b: { constant: true } }));
  checkCases(wasm, cases, 'binary_f32', 0);

  // Special values through the op and the activation's clamp, bit for bit. (Not a product that
  // underflows to zero: the reference multiplies in double, where it is a tiny negative number that
  // RELU clamps to +0, while float32 arithmetic, ours and TFLite's, gives -0.)
  const xs = [-0, 0, NaN, Infinity, -Infinity, 7, -7, 0.5, -0.5, 1e-30, 3.4e38, -3.4e38, 1, -1, 6, 2];
  const ys = [0, -0, 1, -Infinity, Infinity, NaN, -0, 0.5, 5.5, -1e-3, 3.4e38, 3.4e38, -0, 0, 0.5, -3];
  for (const op of ['ADD', 'SUB', 'MUL', 'PRELU']) {
    for (const act of op === 'PRELU' ? [0] : [0, 1, 2, 3]) {
      const c = binary(op, `special values act${act}`, [16], [16], act);
      c.inputs = [{ dtype: 'float32', shape: [16], data: xs }, { dtype: 'float32', shape: [16], data: ys }];
      const built = buildCase(c);
      const { resolver, calls } = countingResolver(wasm);
      const [ours] = run(built.bytes, built.inputs, { heap: wasm.heap, opResolver: resolver });
      const [ref] = run(built.bytes, built.inputs, { opResolver: new BuiltinOpResolver() });
      assert.equal(calls.binary_f32, 1, c.name);
      xs.forEach((x, i) => assert.ok(Object.is(ours[i], ref[i]), `${c.name}: ${x} ∘ ${ys[i]} = ${ours[i]}, reference ${ref[i]}`));
    }
  }
});

test('ADD SIMD falls back to the reference for other broadcasts and types', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const cross = binary('ADD', 'outer sum', [4, 1], [1, 6]);
  const middle = binary('ADD', 'middle dim', [2, 3, 4], [1, 3, 1]);
  const ints = { ...binary('ADD', 'int32', [5], [5]), inputs: [{ dtype: 'int32', shape: [5] }, { dtype: 'int32', shape: [5] }], outputs: [{ dtype: 'int32' }] };
  for (const c of [cross, middle, ints]) {
    const { worst, calls } = compareTiers(wasm, c);
    assert.equal(worst, 0, c.name);
    assert.equal(calls.binary_f32, undefined, c.name);
  }
});

const unary = (op, name, shape, options = {}, range = [-8, 8]) => ({
  name: `${op} ${name}`, op, version: 1, options, inputs: [f32In(shape, { range })], outputs: [{ dtype: 'float32' }],
});

test('RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH SIMD are bit-exact; LOGISTIC within 1e-5 relative', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const shapes = [[1, 8, 8, 16], [3, 5, 7], [1], [2], [3], [5], [1, 1, 1, 96], [0, 4]];
  const exact = [];
  for (const s of shapes) {
    for (const op of ['RELU', 'RELU6', 'RELU_N1_TO_1', 'HARD_SWISH']) exact.push(unary(op, `[${s}]`, s));
    exact.push(unary('LEAKY_RELU', `[${s}]`, s, { alpha: 0.2 }));
  }
  checkCases(wasm, exact.filter((c) => c.inputs[0].shape[0] !== 0), 'unary_f32', 0);
  // An empty tensor: nothing to do, both tiers agree.
  for (const c of exact.filter((c) => c.inputs[0].shape[0] === 0)) assert.equal(compareTiers(wasm, c).worst, 0, c.name);

  // Special values, compared bit for bit (Object.is: -0 is not +0, NaN is NaN).
  const special = [-0, 0, NaN, Infinity, -Infinity, 5.999, 6, 6.001, -1, -1.001, 1.001, -3, -2.99, 3, 1e-30, -1e-30, 3.4e38, -3.4e38];
  for (const op of ['RELU', 'RELU6', 'RELU_N1_TO_1', 'HARD_SWISH', 'LEAKY_RELU']) {
    const c = { ...unary(op, 'special values', [special.length], op === 'LEAKY_RELU' ? { alpha: 0.3 } : {}), inputs: [{ dtype: 'float32', shape: [special.length], data: special }] };
    const built = buildCase(c);
    const { resolver, calls } = countingResolver(wasm);
    const [ours] = run(built.bytes, built.inputs, { heap: wasm.heap, opResolver: resolver });
    const [ref] = run(built.bytes, built.inputs, { opResolver: new BuiltinOpResolver() });
    assert.equal(calls.unary_f32, 1, op);
    special.forEach((x, i) => assert.ok(Object.is(ours[i], ref[i]), `${op}(${Object.is(x, -0) ? '-0' : x}) = ${ours[i]}, reference ${ref[i]}`));
  }

  // LOGISTIC: each value within 1e-5 of the reference relative to itself, over the whole range
  // (the -9 and 16.6 cutoffs, the subnormal tail, ±0, ±∞, NaN).
  const xs = [];
  for (let x = -110; x <= 30; x += 0.0137) xs.push(x);
  xs.push(-9, -9.000001, -8.999999, 16.619047164916992, 16.62, 0, -0, Infinity, -Infinity, NaN, 1e-8, -1e-8, -87.5, -103, -104, -200);
  const c = { ...unary('LOGISTIC', 'sweep', [xs.length]), inputs: [{ dtype: 'float32', shape: [xs.length], data: xs }] };
  const built = buildCase(c);
  const { resolver, calls } = countingResolver(wasm);
  const [ours] = run(built.bytes, built.inputs, { heap: wasm.heap, opResolver: resolver });
  const [ref] = run(built.bytes, built.inputs, { opResolver: new BuiltinOpResolver() });
  assert.equal(calls.unary_f32, 1);
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    if (Number.isNaN(ref[i])) { assert.ok(Number.isNaN(ours[i]), `logistic(${xs[i]})`); continue; }
    // Below the smallest normal float the reference itself is a subnormal: compare absolutely.
    const d = Math.abs(ours[i] - ref[i]) / Math.max(Math.abs(ref[i]), 1.1754943508222875e-38);
    worst = Math.max(worst, d);
  }
  if (process.env.SHOW) console.log("logistic worst", worst);
  assert.ok(worst <= TOL, `LOGISTIC relative difference ${worst}`);
});

// ------------------------------------------------------------------ pooling, MEAN, RESIZE_BILINEAR

const pool = (op, name, input, [fH, fW], [sH, sW], padding, act = 0) => ({
  name: `${op} ${name}`, op, version: 1,
  options: { padding, strideW: sW, strideH: sH, filterWidth: fW, filterHeight: fH, fusedActivationFunction: act },
  inputs: [f32In(input, { range: [-4, 4] })], outputs: [{ dtype: 'float32' }],
});

test('AVERAGE_POOL_2D and MAX_POOL_2D SIMD are bit-exact with the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(5150);
  const cases = [];
  for (const op of ['AVERAGE_POOL_2D', 'MAX_POOL_2D']) {
    cases.push(pool(op, '2x2 s2 VALID (face detection)', [1, 16, 16, 28], [2, 2], [2, 2], 1));
    cases.push(pool(op, '2x2 s2 SAME odd size', [1, 15, 13, 16], [2, 2], [2, 2], 0));
    cases.push(pool(op, 'global 16x16 (selfie SE block)', [1, 16, 16, 96], [16, 16], [16, 16], 1));
    cases.push(pool(op, '3x3 s1 SAME relu6, C = 3', [2, 7, 6, 3], [3, 3], [1, 1], 0, 3));
    cases.push(pool(op, '3x3 s2 SAME, C = 21', [1, 9, 9, 21], [3, 3], [2, 2], 0, 1));
    for (let i = 0; i < 10; i++) {
      const fH = 1 + (next() % 4), fW = 1 + (next() % 4), sH = 1 + (next() % 3), sW = 1 + (next() % 3);
      const h = fH + (next() % 9), w = fW + (next() % 9), c = 1 + (next() % 37);
      cases.push(pool(op, `random ${i}: ${h}x${w}x${c} ${fH}x${fW} s${sH},${sW}`, [1 + (next() % 2), h, w, c], [fH, fW], [sH, sW], next() % 2, next() % 4));
    }
  }
  checkCases(wasm, cases, 'pool_f32', 0);
});

const mean = (name, input, axes, keepDims) => ({
  name: `MEAN ${name}`, op: 'MEAN', version: 1, options: { keepDims },
  inputs: [f32In(input), { dtype: 'int32', shape: [axes.length], data: axes, constant: true }], outputs: [{ dtype: 'float32' }],
});

test('MEAN over H and W SIMD is bit-exact with the reference (keep_dims or not); other axes fall back', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  checkCases(wasm, [
    mean('hand landmark head', [1, 7, 7, 672], [1, 2], false),
    mean('keep dims, C = 5', [2, 5, 6, 5], [2, 1], true),
    mean('negative axes, C = 2', [1, 4, 4, 2], [-3, -2], true),
    mean('one pixel', [3, 1, 1, 17], [1, 2], false),
  ], 'pool_f32', 0);
  for (const c of [mean('axis 3', [1, 4, 4, 8], [3], true), mean('axes 1, 2, 3', [1, 4, 4, 8], [1, 2, 3], false)]) {
    const { worst, calls } = compareTiers(wasm, c);
    assert.equal(worst, 0, c.name);
    assert.equal(calls.pool_f32, undefined, c.name);
  }
});

const resize = (name, input, size, alignCorners, halfPixelCenters) => ({
  name: `RESIZE_BILINEAR ${name}`, op: 'RESIZE_BILINEAR', version: 3, options: { alignCorners, halfPixelCenters },
  inputs: [f32In(input), { dtype: 'int32', shape: [2], data: size, constant: true }], outputs: [{ dtype: 'float32' }],
});

test('RESIZE_BILINEAR SIMD is bit-exact with the reference (legacy, align_corners, half_pixel_centers; up and down)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const cases = [];
  for (const [align, half] of [[false, false], [true, false], [false, true]]) {
    const tag = align ? 'align' : half ? 'half' : 'legacy';
    cases.push(resize(`${tag} 2x up (selfie)`, [1, 16, 16, 24], [32, 32], align, half));
    cases.push(resize(`${tag} odd up, C = 3`, [2, 5, 7, 3], [11, 9], align, half));
    cases.push(resize(`${tag} down, C = 13`, [1, 12, 10, 13], [5, 4], align, half));
    cases.push(resize(`${tag} to one pixel`, [1, 6, 6, 8], [1, 1], align, half));
    cases.push(resize(`${tag} from one pixel`, [1, 1, 1, 6], [3, 4], align, half));
  }
  checkCases(wasm, cases, 'resize_bilinear_f32', 0);
});

// ------------------------------------------------------------------ CONCATENATION, PAD

const concat = (name, shapes, axis, act = 0, dtype = 'float32', constant = -1) => ({
  name: `CONCATENATION ${name}`, op: 'CONCATENATION', version: 1, options: { axis, fusedActivationFunction: act },
  inputs: shapes.map((s, i) => ({ dtype, shape: s, range: dtype === 'float32' ? [-8, 8] : [-100, 100], constant: i === constant })),
  outputs: [{ dtype }],
});

const padCase = (name, shape, paddings, op = 'PAD', value = null, dtype = 'float32') => ({
  name: `${op} ${name}`, op, version: 1,
  inputs: [
    { dtype, shape },
    { dtype: 'int32', shape: [shape.length, 2], data: paddings.flat(), constant: true },
    ...(value === null ? [] : [{ dtype, shape: [], data: [value], constant: true }]),
  ],
  outputs: [{ dtype }],
});

test('CONCATENATION and PAD SIMD are exact (any axis, constants, activation, int32, pad values)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  checkCases(wasm, [
    concat('last axis', [[1, 8, 8, 24], [1, 8, 8, 13], [1, 8, 8, 1]], 3),
    concat('last axis, negative, relu6', [[2, 5, 3], [2, 5, 6]], -1, 3),
    concat('axis 1 (face detection)', [[1, 512, 16], [1, 384, 16]], 1),
    concat('axis 0, a constant input', [[2, 3], [1, 3], [4, 3]], 0, 0, 'float32', 1),
    concat('int32 axis 2', [[3, 2, 5], [3, 2, 2]], 2, 0, 'int32'),
    concat('one input', [[4, 7]], 1),
  ], 'copy_rows_32', 0);
  checkCases(wasm, [
    padCase('channels (face detection)', [1, 16, 16, 42], [[0, 0], [0, 0], [0, 0], [0, 6]]),
    padCase('spatial', [1, 7, 9, 5], [[0, 0], [1, 2], [3, 0], [0, 0]]),
    padCase('every dim, rank 4', [2, 3, 2, 3], [[1, 1], [0, 2], [2, 1], [1, 3]]),
    padCase('rank 2', [5, 6], [[2, 1], [1, 1]]),
    padCase('rank 1 all after', [3], [[0, 5]]),
    padCase('V2 value -1.5', [1, 4, 4, 3], [[0, 0], [1, 1], [1, 1], [0, 1]], 'PADV2', -1.5),
    padCase('V2 int32 value 7', [2, 3, 4], [[1, 0], [0, 1], [2, 2]], 'PADV2', 7, 'int32'),
    padCase('empty input', [1, 0, 3], [[0, 0], [1, 1], [0, 1]]),
  ].filter((c) => c.inputs[0].shape.every((d) => d > 0)), 'pad_32', 0);
  const empty = padCase('empty input', [1, 0, 3], [[0, 0], [1, 1], [0, 1]]);
  assert.equal(compareTiers(wasm, empty).worst, 0);
});

// ------------------------------------------------------------------ golden models

const FLOAT_GOLDENS = /^(mediapipe\/.*|mtcnn\/rnet|tf\/mobilenet_v2_035_96_float(32|16))$/;

test('float golden models on the SIMD tier match their goldens, running these kernels', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const entries = listGoldens().filter((e) => FLOAT_GOLDENS.test(e.name));
  assert.ok(entries.length >= 5, 'the float golden models are present');
  const total = {};
  for (const entry of entries) {
    const wasm = await loadWasmKernels();
    const { resolver, calls } = countingResolver(wasm);
    const { stats } = checkGolden(entry, { resolver: registerMediaPipeOps(resolver), interpreterOptions: { heap: wasm.heap } });
    for (const s of stats) assert.ok(s.ok, `${entry.name} output ${s.name}: max diff ${s.maxDiff} > ${s.tol}`);
    for (const [k, v] of Object.entries(calls)) total[k] = (total[k] ?? 0) + v;
  }
  for (const fn of ['dwconv_f32', 'binary_f32', 'unary_f32', 'pool_f32', 'resize_bilinear_f32', 'pad_32', 'copy_rows_32']) {
    assert.ok(total[fn] > 0, `${fn} ran in no golden model (${JSON.stringify(total)})`);
  }
});
