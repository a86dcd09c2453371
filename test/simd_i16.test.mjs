// The SIMD tier's 16x8 kernels (int16 activations, int8 weights) against the reference kernels on
// random shapes, strides, paddings, per-channel scales, int64 biases and extreme values: the
// outputs must be bit-identical, and the wasm path must have run. Also: the fallbacks, and the
// 16x8 golden model on the SIMD tier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BuiltinOpResolver, BuiltinOperator, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR, checkGolden, listGoldens } from './harness/goldens.mjs';
import { pick, runBothTiers, newCounts, watchKernel, wrapBuiltins } from './harness/simd.mjs';

const hasSimd = probeSimd();
const WATCHED = new Set([BuiltinOperator.CONV_2D, BuiltinOperator.FULLY_CONNECTED, BuiltinOperator.DEPTHWISE_CONV_2D]);

/** A SIMD-tier resolver counting, for `codes`, prepares that chose wasm and evals that ran it. */
function instrumentedResolver(wasm, codes = WATCHED) {
  const counts = newCounts();
  const resolver = wrapBuiltins(createSimdResolver(wasm), codes, (k) => watchKernel(k, wasm, counts, { isSimd: (d) => d?.simd }));
  return { resolver, counts };
}

/** Runs a case on both tiers; asserts bit-identical outputs; returns the SIMD counts. */
function assertSameAsReference(wasm, c, codes) {
  const { resolver, counts } = instrumentedResolver(wasm, codes);
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, new BuiltinOpResolver());
  ref.forEach((r, k) => {
    assert.equal(ours[k].length, r.length, c.name);
    for (let i = 0; i < r.length; i++) {
      if (ours[k][i] !== r[i]) assert.fail(`${c.name}: output ${k}[${i}] = ${ours[k][i]}, reference ${r[i]}`);
    }
  });
  return counts;
}

const uniform = (next, lo, hi) => lo + ((hi - lo) * next()) / 4294967296;

/**
 * Quantization of a 16x8 layer with `k` taps per output: int16 input and output (zero point 0),
 * int8 per-channel filter, bias scales input × filter. The outputs spread over a good part of the
 * int16 range (some clamp); with `pow2`, every scale is a power of two, so that the requantized
 * values often fall exactly on .5 (the rounding of ties is exercised).
 */
function layerQuant(next, k, channels, pow2) {
  const inScale = pow2 ? 2 ** -(8 + (next() % 4)) : uniform(next, 0.0001, 0.001);
  const fScales = Array.from({ length: channels }, () => (pow2 ? 2 ** -(4 + (next() % 3)) : uniform(next, 0.002, 0.03)));
  const accRange = 18900 * 74 * Math.sqrt(k);
  const outScale = pow2 ? 2 ** Math.round(Math.log2((inScale * fScales[0] * accRange) / 20000)) : (inScale * fScales[0] * accRange) / uniform(next, 5000, 40000);
  return {
    input: { scale: inScale, zeroPoint: 0 },
    filter: { scale: fScales, zeroPoint: fScales.map(() => 0) },
    output: { scale: outScale, zeroPoint: 0 },
    bias: { scale: fScales.map((s) => inScale * s), zeroPoint: fScales.map(() => 0) },
  };
}

const INT64_BIAS = 4;

function convCase(next, name, input, filter, options = {}, bias = true, pow2 = false) {
  const [outC, kH, kW, inC] = filter;
  const q = layerQuant(next, kH * kW * inC, outC, pow2);
  return {
    name: `${name}: [${input}] * [${filter}] ${JSON.stringify(options)}${bias ? '' : ' no bias'}${pow2 ? ' pow2' : ''}`,
    op: 'CONV_2D', version: 4,
    options: { padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1, quantizedBiasType: INT64_BIAS, ...options },
    inputs: [
      { dtype: 'int16', shape: input, quant: q.input },
      { dtype: 'int8', shape: filter, constant: true, quant: { ...q.filter, quantizedDimension: 0 }, range: [-127, 128] },
      bias ? { dtype: 'int64', shape: [outC], constant: true, quant: q.bias, range: [-3e6, 3e6] } : null,
    ],
    outputs: [{ dtype: 'int16', quant: q.output }],
  };
}

function randomConv(next, i) {
  for (;;) {
    const kH = 1 + (next() % 4), kW = 1 + (next() % 4);
    const strideH = 1 + (next() % 3), strideW = 1 + (next() % 3);
    const dilationH = pick(next, [1, 1, 2]), dilationW = pick(next, [1, 1, 2, 3]);
    const padding = next() % 2;
    const batch = pick(next, [1, 1, 2, 3]);
    const h = 1 + (next() % 12), w = 1 + (next() % 12);
    const inC = pick(next, [1, 2, 3, 4, 5, 8, 13, 16, 24, 35]), outC = pick(next, [1, 3, 7, 8, 9, 16, 17, 24, 33]);
    if (padding === 1 && ((kH - 1) * dilationH + 1 > h || (kW - 1) * dilationW + 1 > w)) continue;
    const pointwise = next() % 3 === 0;
    return convCase(next, `conv ${i}`, [batch, h, w, inC], pointwise ? [outC, 1, 1, inC] : [outC, kH, kW, inC], {
      padding, strideW: pointwise ? 1 : strideW, strideH: pointwise ? 1 : strideH, fusedActivationFunction: pick(next, [0, 1, 3]),
      dilationWFactor: dilationW, dilationHFactor: dilationH,
    }, next() % 4 !== 0, next() % 5 === 0);
  }
}

function dwCase(next, name, input, kH, kW, options, bias = true, pow2 = false) {
  const C = input[3];
  const q = layerQuant(next, kH * kW, C, pow2);
  return {
    name: `${name}: [${input}] ${kH}x${kW} ${JSON.stringify(options)}${bias ? '' : ' no bias'}${pow2 ? ' pow2' : ''}`,
    op: 'DEPTHWISE_CONV_2D', version: 5,
    options: { padding: 0, strideW: 1, strideH: 1, depthMultiplier: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1, ...options },
    inputs: [
      { dtype: 'int16', shape: input, quant: q.input },
      { dtype: 'int8', shape: [1, kH, kW, C], constant: true, quant: { ...q.filter, quantizedDimension: 3 }, range: [-127, 128] },
      bias ? { dtype: 'int64', shape: [C], constant: true, quant: q.bias, range: [-3e6, 3e6] } : null,
    ],
    outputs: [{ dtype: 'int16', quant: q.output }],
  };
}

/**
 * A 16x8 FULLY_CONNECTED: `bias` 'int64' | 'int32' | null; per-channel weights, or per-tensor
 * with zero point `weightZp`.
 */
function fcCase(next, name, inShape, units, depth, { options = {}, perChannel = true, bias = 'int64', weightZp = 0, pow2 = false } = {}) {
  const q = layerQuant(next, depth, perChannel ? units : 1, pow2);
  const quantizedBiasType = bias === 'int32' ? 2 : bias === 'int64' ? INT64_BIAS : 0;
  return {
    name: `${name}: [${inShape}] -> ${units} (depth ${depth})${perChannel ? ' per-channel' : ` zp ${weightZp}`} bias ${bias}${pow2 ? ' pow2' : ''} ${JSON.stringify(options)}`,
    op: 'FULLY_CONNECTED', version: 11,
    options: { fusedActivationFunction: 0, weightsFormat: 0, keepNumDims: false, asymmetricQuantizeInputs: false, quantizedBiasType, ...options },
    inputs: [
      { dtype: 'int16', shape: inShape, quant: q.input },
      { dtype: 'int8', shape: [units, depth], constant: true, quant: { scale: q.filter.scale, zeroPoint: q.filter.scale.map(() => weightZp), quantizedDimension: 0 }, range: [-127, 128] },
      bias ? { dtype: bias, shape: [units], constant: true, quant: { scale: q.bias.scale, zeroPoint: q.bias.zeroPoint }, range: [-3e6, 3e6] } : null,
    ],
    outputs: [{ dtype: 'int16', quant: q.output }],
  };
}

/**
 * Inputs at −32768 and weights at −128: every product is +2^22, the largest; sums pass 2^31 past
 * 512 taps. One filter scale for all channels, and an output scale that puts the full sum of `k`
 * taps mid-range, so that a wrong (wrapped) sum does not hide behind the clamp.
 */
function extremes(c, k) {
  const [input, filter, bias] = c.inputs;
  input.range = [-32768, -32767];
  filter.range = [-128, -127];
  const fs = filter.quant.scale[0];
  filter.quant.scale = filter.quant.scale.map(() => fs);
  if (bias) bias.quant.scale = bias.quant.scale.map(() => fs * input.quant.scale);
  c.outputs[0].quant.scale = (input.quant.scale * fs * k * 2 ** 22) / 20000;
  return c;
}

/** Small inputs and biases, an output scale 16 × input × filter scale: one output in 16 falls on a .5 tie. */
function ties(c) {
  const [input, filter, bias] = c.inputs;
  input.range = [-200, 200];
  bias.range = [-3000, 3000];
  c.outputs[0].quant.scale = input.quant.scale * filter.quant.scale[0] * 16;
  return c;
}

async function runAll(cases, expectSimd = true) {
  const wasm = await loadWasmKernels();
  for (const c of cases) {
    const counts = assertSameAsReference(wasm, c);
    if (expectSimd) {
      assert.equal(counts.refPrepared, 0, `${c.name}: ran the reference kernel`);
      assert.equal(counts.simdEvals, 1, `${c.name}: the wasm kernel did not run`);
    }
  }
}

test('16x8 CONV_2D on the SIMD tier is bit-exact with the reference', { skip: !hasSimd }, async () => {
  const next = mulberry32(1616);
  const cases = [
    convCase(next, 'pointwise, M % 4 = 1, N % 8 = 5', [1, 3, 3, 16], [13, 1, 1, 16]),
    convCase(next, 'pointwise odd K, one pixel', [1, 1, 1, 41], [21, 1, 1, 41], { fusedActivationFunction: 1 }),
    convCase(next, 'pointwise K < 8, rows in several tiles', [2, 40, 40, 3], [10, 1, 1, 3], { fusedActivationFunction: 3 }),
    convCase(next, 'pointwise K = 8 (expand layer)', [1, 24, 24, 8], [48, 1, 1, 8], { fusedActivationFunction: 3 }),
    convCase(next, 'first layer 3x3 s2 inC 3', [1, 17, 17, 3], [16, 3, 3, 3], { strideH: 2, strideW: 2, fusedActivationFunction: 3 }),
    convCase(next, 'deep K: tiles of 4 pixels', [1, 6, 5, 300], [9, 3, 3, 300]),
    convCase(next, 'window larger than input, SAME', [1, 2, 3, 4], [5, 5, 5, 4], { dilationHFactor: 2 }),
    convCase(next, 'round half: pow2 scales', [1, 9, 9, 8], [24, 3, 3, 8], {}, true, true),
    convCase(next, 'pointwise pow2 scales', [1, 9, 9, 32], [24, 1, 1, 32], {}, false, true),
    convCase(next, 'bias type unset (int64 by default)', [1, 5, 5, 6], [7, 3, 3, 6], { quantizedBiasType: 0 }),
  ];
  for (let i = 0; i < 30; i++) cases.push(randomConv(next, i));
  await runAll(cases);
});

test('16x8 CONV_2D: extreme values, sums past int32 (blocked accumulation), large int64 biases', { skip: !hasSimd }, async () => {
  const next = mulberry32(77);
  const big = convCase(next, 'big bias', [1, 4, 4, 8], [8, 3, 3, 8]);
  big.inputs[2].range = [-(2 ** 34), 2 ** 34];
  await runAll([
    extremes(convCase(next, 'extremes pointwise K = 600', [1, 3, 3, 600], [10, 1, 1, 600]), 600),
    extremes(convCase(next, 'extremes 3x3 K = 720', [1, 4, 4, 80], [9, 3, 3, 80], { padding: 1 }), 720),
    extremes(convCase(next, 'extremes pointwise K = 511 (one block)', [1, 2, 3, 511], [8, 1, 1, 511]), 511),
    extremes(convCase(next, 'extremes 3x3 SAME, borders', [1, 3, 3, 40], [17, 3, 3, 40]), 360),
    big,
  ]);
});

test('16x8 DEPTHWISE_CONV_2D on the SIMD tier is bit-exact with the reference (3x3 and general windows)', { skip: !hasSimd }, async () => {
  const next = mulberry32(4343);
  const cases = [
    dwCase(next, '3x3 SAME, C = 32', [1, 12, 12, 32], 3, 3, { fusedActivationFunction: 3 }),
    dwCase(next, '3x3 s2 VALID, C = 19 (scalar tail)', [2, 9, 11, 19], 3, 3, { padding: 1, strideH: 2, strideW: 2 }),
    dwCase(next, '3x3, C = 5 (tail only)', [1, 4, 4, 5], 3, 3, {}),
    dwCase(next, '3x3 dilation 2', [1, 9, 9, 16], 3, 3, { dilationHFactor: 2, dilationWFactor: 2 }),
    dwCase(next, '5x5', [1, 10, 10, 24], 5, 5, { fusedActivationFunction: 1 }),
    dwCase(next, '2x1 even taps', [1, 6, 6, 8], 2, 1, {}, false),
    dwCase(next, '1x1', [1, 3, 3, 8], 1, 1, {}),
    dwCase(next, 'pow2 scales', [1, 8, 8, 40], 3, 3, {}, true, true),
    extremes(dwCase(next, 'extremes 3x3', [1, 6, 6, 24], 3, 3, {}), 9),
    extremes(dwCase(next, 'extremes 7x7', [1, 9, 9, 9], 7, 7, { fusedActivationFunction: 1 }), 49),
  ];
  for (let i = 0; i < 20; i++) {
    const k = pick(next, [[3, 3], [3, 3], [1, 3], [2, 2], [4, 3], [5, 5]]);
    const options = {
      padding: next() % 2, strideH: 1 + (next() % 2), strideW: 1 + (next() % 3), fusedActivationFunction: pick(next, [0, 1, 3]),
      dilationHFactor: pick(next, [1, 1, 2]), dilationWFactor: pick(next, [1, 1, 2]),
    };
    const h = 6 + (next() % 8), w = 6 + (next() % 8);
    cases.push(dwCase(next, `random ${i}`, [1 + (next() % 2), h, w, pick(next, [1, 7, 8, 16, 24, 33, 48])], k[0], k[1], options, next() % 4 !== 0, next() % 5 === 0));
  }
  await runAll(cases);
});

test('16x8 FULLY_CONNECTED on the SIMD tier is bit-exact with the reference (int64 and int32 bias modes)', { skip: !hasSimd }, async () => {
  const next = mulberry32(1010);
  const cases = [
    fcCase(next, 'classifier row', [1, 1280], 10, 1280),
    fcCase(next, 'wide classifier', [1, 640], 1001, 640, { perChannel: false }),
    fcCase(next, 'int32 bias (ruy)', [3, 48], 20, 48, { bias: 'int32' }),
    fcCase(next, 'int32 bias per-tensor relu6', [5, 33], 9, 33, { bias: 'int32', perChannel: false, options: { fusedActivationFunction: 3 } }),
    fcCase(next, 'per-tensor weight zero point', [4, 40], 12, 40, { perChannel: false, weightZp: 5 }),
    fcCase(next, 'no bias', [2, 17], 7, 17, { bias: null }),
    ties(fcCase(next, 'pow2 scales (ties)', [6, 24], 16, 24, { pow2: true })),
    ties(fcCase(next, 'pow2 scales int32 bias (ties)', [6, 24], 16, 24, { pow2: true, bias: 'int32' })),
    fcCase(next, 'keep_num_dims 3-D', [2, 3, 20], 9, 20, { options: { keepNumDims: true, fusedActivationFunction: 1 } }),
    extremes(fcCase(next, 'extremes, depth 1100 (blocks)', [2, 1100], 5, 1100), 1100),
    extremes(fcCase(next, 'extremes int32 bias wraps', [1, 1100], 3, 1100, { bias: 'int32' }), 1100),
  ];
  for (let i = 0; i < 14; i++) {
    const rows = 1 + (next() % 9), depth = 1 + (next() % 90), units = 1 + (next() % 40);
    cases.push(fcCase(next, `random ${i}`, [rows, depth], units, depth, {
      options: { fusedActivationFunction: pick(next, [0, 1, 2, 3]) }, perChannel: next() % 2 === 0, bias: pick(next, ['int64', 'int64', 'int32', null]),
    }));
  }
  await runAll(cases);
});

test('16x8 kernels fall back to the reference where they do not apply', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(6);
  const computedFilter = convCase(next, 'filter is a graph input', [1, 5, 5, 4], [6, 3, 3, 4]);
  delete computedFilter.inputs[1].constant;
  const grouped = convCase(next, 'grouped (2 groups)', [1, 5, 5, 8], [6, 3, 3, 4]);
  const int32Bias = convCase(next, 'int32 bias', [1, 4, 4, 4], [5, 3, 3, 4], { quantizedBiasType: 2 });
  int32Bias.inputs[2].dtype = 'int32';
  const hugeBias = convCase(next, 'bias beyond the exact f64 range', [1, 4, 4, 4], [5, 1, 1, 4]);
  hugeBias.inputs[2].range = [2 ** 46, 2 ** 46 + 1000];
  const multiplier = dwCase(next, 'depth multiplier 2', [1, 6, 6, 4], 3, 3, { depthMultiplier: 2 });
  multiplier.inputs[1].shape = [1, 3, 3, 8];
  multiplier.inputs[1].quant.scale = [...multiplier.inputs[1].quant.scale, ...multiplier.inputs[1].quant.scale];
  multiplier.inputs[1].quant.zeroPoint = multiplier.inputs[1].quant.scale.map(() => 0);
  multiplier.inputs[2].shape = [8];
  multiplier.inputs[2].quant.scale = multiplier.inputs[1].quant.scale.map((s) => s * multiplier.inputs[0].quant.scale);
  multiplier.inputs[2].quant.zeroPoint = multiplier.inputs[1].quant.zeroPoint;
  const computedWeights = fcCase(next, 'weights are a graph input', [3, 10], 5, 10);
  delete computedWeights.inputs[1].constant;
  for (const c of [computedFilter, grouped, int32Bias, hugeBias, multiplier, computedWeights]) {
    const counts = assertSameAsReference(wasm, c);
    assert.deepEqual([counts.simdPrepared, counts.refPrepared, counts.simdEvals], [0, 1, 0], c.name);
  }
});

test('the 16x8 golden model on the SIMD tier matches its golden bit-exactly', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const entries = listGoldens().filter((e) => e.name === 'tf/mobilenet_v2_035_96_16x8');
  assert.equal(entries.length, 1, 'the 16x8 golden model is present');
  const wasm = await loadWasmKernels();
  const { resolver, counts } = instrumentedResolver(wasm);
  const { stats } = checkGolden(entries[0], { resolver, interpreterOptions: { heap: wasm.heap } });
  for (const s of stats) assert.equal(s.exact, 1, `output ${s.name}: ${(s.exact * 100).toFixed(3)}% bit-exact, max diff ${s.maxDiff}`);
  assert.equal(counts.refPrepared, 0, 'a CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED node ran the reference kernel');
  assert.equal(counts.simdEvals, 53, 'every CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED node ran its wasm kernel');
});

const ELEMENTWISE = new Set([BuiltinOperator.ADD, BuiltinOperator.SUB, BuiltinOperator.QUANTIZE, BuiltinOperator.MEAN]);

async function runElementwise(cases, expectSimd = true) {
  const wasm = await loadWasmKernels();
  for (const c of cases) {
    const counts = assertSameAsReference(wasm, c, ELEMENTWISE);
    const got = [counts.simdPrepared, counts.refPrepared, counts.simdEvals];
    assert.deepEqual(got, expectSimd ? [1, 0, 1] : [0, 1, 0], `${c.name}: [simd prepared, reference prepared, simd evals]`);
  }
}

function addSubCase(next, op, name, shape, options = {}, range = undefined) {
  const s = () => uniform(next, 0.00002, 0.0001);
  return {
    name: `${op} ${name}: [${shape}] ${JSON.stringify(options)}`,
    op, version: op === 'ADD' ? 3 : 3,
    options: { fusedActivationFunction: 0, potScaleInt16: false, ...options },
    inputs: [
      { dtype: 'int16', shape, quant: { scale: s(), zeroPoint: 0 }, range },
      { dtype: 'int16', shape, quant: { scale: s(), zeroPoint: 0 }, range },
    ],
    outputs: [{ dtype: 'int16', quant: { scale: s() * 1.5, zeroPoint: 0 } }],
  };
}

test('16x8 ADD and SUB on the SIMD tier are bit-exact with the reference', { skip: !hasSimd }, async () => {
  const next = mulberry32(2020);
  const cases = [];
  for (const op of ['ADD', 'SUB']) {
    cases.push(
      addSubCase(next, op, 'residual', [1, 24, 24, 8]),
      addSubCase(next, op, 'odd size (scalar tail)', [2, 5, 7, 3], { fusedActivationFunction: 1 }),
      addSubCase(next, op, 'relu6', [1, 6, 6, 24], { fusedActivationFunction: 3 }),
      addSubCase(next, op, 'extremes', [1, 9, 9, 9], {}, [-32768, -32760]),
      addSubCase(next, op, 'extremes high', [3, 33], {}, [32760, 32768]),
    );
    for (let i = 0; i < 8; i++) {
      const shape = Array.from({ length: 1 + (next() % 4) }, () => 1 + (next() % 9));
      cases.push(addSubCase(next, op, `random ${i}`, shape, { fusedActivationFunction: pick(next, [0, 1, 2, 3]) }));
    }
  }
  for (const op of ['ADD', 'SUB']) {
    // Ties at every rounding: input 2's multiplier is 2^31 − 2^15 (its high product lands on .5 for
    // odd inputs; then a right shift by 1), the output's is 2^30 (the sum halved); tiny inputs keep
    // the output, 2^13 times finer, in range.
    const ties = addSubCase(next, op, 'ties', [4, 50], {}, [-3, 4]);
    const s = ties.inputs[0].quant.scale;
    ties.inputs[1].quant.scale = s * (1 - 2 ** -16);
    ties.outputs[0].quant.scale = s * 2 ** -13;
    cases.push(ties);
  }
  await runElementwise(cases);
  const broadcast = addSubCase(next, 'ADD', 'broadcast', [2, 3, 4]);
  broadcast.inputs[1].shape = [1, 1, 4];
  const pot = addSubCase(next, 'ADD', 'power-of-two scales', [2, 8], { potScaleInt16: true });
  pot.inputs[0].quant.scale = 2 ** -14;
  pot.inputs[1].quant.scale = 2 ** -15;
  pot.outputs[0].quant.scale = 2 ** -14;
  await runElementwise([broadcast, pot], false);
});

function quantizeCase(name, shape, scale, zeroPoint, data) {
  return {
    name: `QUANTIZE ${name}: [${shape}] scale ${scale} zp ${zeroPoint}`, op: 'QUANTIZE', version: 2, options: {},
    inputs: [{ dtype: 'float32', shape, data, range: [-2, 2] }],
    outputs: [{ dtype: 'int16', quant: { scale, zeroPoint } }],
  };
}

test('float32 → int16 QUANTIZE on the SIMD tier is bit-exact with the reference', { skip: !hasSimd }, async () => {
  // Exact halves (ties round away from zero), signed zeros, NaN, infinities, values past int16 and int32.
  const special = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0, -0, NaN, Infinity, -Infinity, 1e30, -1e30, 300, -300, 127.5, -127.5, 3.4e38, 0.49999997, -0.49999997];
  await runElementwise([
    quantizeCase('input layer', [1, 96, 96, 3], 1 / 32767, 0),
    quantizeCase('odd size, zero point', [3, 7, 5], 0.0001, 17),
    quantizeCase('saturation', [2, 50], 0.00001, -5),
    quantizeCase('special values', [special.length], 2 ** -8, 0, special.map((v) => v * 2 ** -8)),
    quantizeCase('special values, zero point', [special.length], 1, 32000, special),
  ]);
});

function meanCase(name, shape, axis, keepDims, range = undefined) {
  return {
    name: `MEAN ${name}: [${shape}] axis [${axis}] keepDims ${keepDims}`, op: 'MEAN', version: 3, options: { keepDims },
    inputs: [
      { dtype: 'int16', shape, quant: { scale: 0.00005, zeroPoint: 0 }, range },
      { dtype: 'int32', shape: [axis.length], constant: true, data: axis },
    ],
    outputs: [{ dtype: 'int16', quant: { scale: 0.00004, zeroPoint: 0 } }],
  };
}

test('int16 MEAN on the SIMD tier is bit-exact with the reference', { skip: !hasSimd }, async () => {
  await runElementwise([
    meanCase('global average pool', [1, 3, 3, 1280], [1, 2], false),
    meanCase('keepDims, batch 2, odd channels', [2, 5, 4, 7], [2, 1], true),
    meanCase('last axis', [3, 4, 10], [-1], false),
    meanCase('first axes', [4, 3, 5], [0, 1], true),
    meanCase('all axes', [2, 3, 4], [0, 1, 2], false),
    meanCase('sums wrap past int32', [1, 300, 300, 1], [1, 2], false, [32000, 32768]),
  ]);
  await runElementwise([meanCase('axes not contiguous', [2, 3, 4, 5], [1, 3], false)], false);
});

test('i16_addsub rounds as TFLite for any multipliers and shifts, ties included', { skip: !hasSimd }, async () => {
  const { multiplyByQuantizedMultiplierSmallerThanOneExp: rescale, saturatingRoundingDoublingHighMul: highMul, roundingDivideByPOT } =
    await import('../dist/kernels/util/quant_math.js');
  const wasm = await loadWasmKernels();
  const n = 203; // 25 vectors and a scalar tail
  const [a, b, out] = [0, 1, 2].map(() => wasm.heap.alloc(2 * n));
  const next = mulberry32(31337);
  // Multipliers with low bits 0x8000 make the high products land on .5 for odd inputs.
  const multiplier = () => (next() % 3 === 0 ? (2 ** 30 + (next() % 2 ** 14) * 2 ** 16 + 0x8000) : 2 ** 30 + (next() % 2 ** 30));
  for (let round = 0; round < 300; round++) {
    const sub = round % 2;
    const [m1, m2, mo] = [multiplier(), multiplier(), multiplier()];
    const [e1, e2] = [next() % 4, next() % 4];
    const eo = next() % 32;
    const [lo, hi] = next() % 4 === 0 ? [-100, 2000] : [-32768, 32767];
    const small = next() % 2 === 0;
    const xs = new Int16Array(wasm.heap.buffer, a, n), ys = new Int16Array(wasm.heap.buffer, b, n);
    for (let i = 0; i < n; i++) {
      xs[i] = small ? (next() % 64) - 32 : (next() % 65536) - 32768;
      ys[i] = small ? (next() % 64) - 32 : (next() % 65536) - 32768;
    }
    wasm.exports.i16_addsub(a, b, out, n, sub, m1, e1, m2, e2, mo, eo, lo, hi);
    const got = new Int16Array(wasm.heap.buffer, out, n);
    for (let i = 0; i < n; i++) {
      const s1 = rescale(xs[i] * 32768, m1, -e1), s2 = rescale(ys[i] * 32768, m2, -e2);
      const r = roundingDivideByPOT(highMul((sub ? s1 - s2 : s1 + s2) | 0, mo), eo);
      const want = Math.min(hi, Math.max(lo, r));
      if (got[i] !== want) assert.fail(`round ${round} [${i}]: ${xs[i]} ${sub ? '−' : '+'} ${ys[i]} (m ${m1} ${m2} ${mo}, e ${e1} ${e2} ${eo}): ${got[i]}, want ${want}`);
    }
  }
});
