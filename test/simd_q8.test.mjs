// The SIMD tier's 8-bit kernels (CONV_2D, FULLY_CONNECTED, DEPTHWISE_CONV_2D; int8 and uint8)
// against the reference kernels on random shapes, scales and zero points: the outputs must be
// bit-identical. Also: the fallbacks, and the quantized golden models on the SIMD tier, bit-exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BuiltinOpResolver, BuiltinOperator, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { registerMediaPipeOps } from '../dist/mediapipe/index.js';
import { mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR, checkGolden, listGoldens } from './harness/goldens.mjs';
import { pick, runBothTiers, newCounts, watchKernel, wrapBuiltins } from './harness/simd.mjs';
import { convCase, dwCase, fcCase, randomConvQ8 } from './harness/conv_cases.mjs';

const hasSimd = probeSimd();
const WATCHED = new Set([BuiltinOperator.CONV_2D, BuiltinOperator.FULLY_CONNECTED, BuiltinOperator.DEPTHWISE_CONV_2D]);

/** A SIMD-tier resolver counting, for the watched ops, prepares that chose wasm and evals that ran it. */
function instrumentedResolver(wasm) {
  const counts = newCounts();
  const resolver = wrapBuiltins(createSimdResolver(wasm), WATCHED, (k) => watchKernel(k, wasm, counts, { isSimd: (d) => d?.simd }));
  return { resolver, counts };
}

/** Runs a case on both tiers; asserts bit-identical outputs; returns the SIMD counts. */
function assertSameAsReference(wasm, c) {
  const { resolver, counts } = instrumentedResolver(wasm);
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, new BuiltinOpResolver());
  ref.forEach((r, k) => {
    assert.equal(ours[k].length, r.length, c.name);
    for (let i = 0; i < r.length; i++) {
      if (ours[k][i] !== r[i]) assert.fail(`${c.name}: output ${k}[${i}] = ${ours[k][i]}, reference ${r[i]}`);
    }
  });
  return counts;
}

test('8-bit CONV_2D on the SIMD tier is bit-exact with the reference (int8 per-channel, uint8 per-tensor)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(8081);
  const cases = [];
  for (const type of ['int8', 'uint8']) {
    cases.push(
      convCase(next, `${type} pointwise, M % 4 = 1, N % 8 = 5`, type, [1, 3, 3, 16], [13, 1, 1, 16]),
      convCase(next, `${type} pointwise odd K, one pixel`, type, [1, 1, 1, 41], [21, 1, 1, 41], { fusedActivationFunction: 1 }),
      convCase(next, `${type} pointwise K < 8, rows in several tiles`, type, [2, 40, 40, 3], [10, 1, 1, 3], { fusedActivationFunction: 3 }),
      convCase(next, `${type} first layer 3x3 s2 inC 3`, type, [1, 17, 17, 3], [16, 3, 3, 3], { strideH: 2, strideW: 2, fusedActivationFunction: 3 }),
      convCase(next, `${type} deep K: tiles of 4 pixels`, type, [1, 6, 5, 300], [9, 3, 3, 300]),
      convCase(next, `${type} window larger than input, SAME`, type, [1, 2, 3, 4], [5, 5, 5, 4], { dilationHFactor: 2 }),
      convCase(next, `${type} round half to even`, type, [1, 9, 9, 8], [24, 3, 3, 8], {}, true, true),
      convCase(next, `${type} pointwise round half to even`, type, [1, 9, 9, 32], [24, 1, 1, 32], {}, false, true),
    );
    for (let i = 0; i < 24; i++) cases.push(randomConvQ8(next, i, type));
  }
  let simd = 0;
  for (const c of cases) {
    const counts = assertSameAsReference(wasm, c);
    assert.equal(counts.refPrepared, 0, `${c.name}: ran the reference kernel`);
    simd += counts.simdEvals;
  }
  assert.equal(simd, cases.length, 'every case ran the wasm kernel');
});

test('8-bit CONV_2D: extreme values and int32 wrap-around of accumulator + bias stay bit-exact', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(3);
  for (const type of ['int8', 'uint8']) {
    const c = convCase(next, `${type} extremes`, type, [1, 5, 5, 64], [8, 3, 3, 64]);
    const lo = type === 'int8' ? -128 : 0, hi = type === 'int8' ? 127 : 255;
    c.inputs[0].range = [lo, lo + 2]; // inputs at the bottom of the range …
    c.inputs[0].quant.zeroPoint = hi; // … with the zero point at the top: |x − zp| = 255
    c.inputs[1].range = type === 'int8' ? [-128, -126] : [0, 2];
    c.inputs[1].quant.zeroPoint = c.inputs[1].quant.zeroPoint.map(() => (type === 'int8' ? 0 : 255));
    c.inputs[2].range = [2 ** 31 - 40000000, 2 ** 31]; // the sum passes INT32_MAX: wraps as `| 0`
    const counts = assertSameAsReference(wasm, c);
    assert.equal(counts.simdEvals, 1);
  }
});

test('8-bit DEPTHWISE_CONV_2D on the SIMD tier is bit-exact with the reference (3x3 and general windows)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(4242);
  const cases = [];
  for (const type of ['int8', 'uint8']) {
    cases.push(
      dwCase(next, `${type} 3x3 SAME, C = 32`, type, [1, 12, 12, 32], 3, 3, { fusedActivationFunction: 3 }),
      dwCase(next, `${type} 3x3 s2 VALID, C = 19 (scalar tail)`, type, [2, 9, 11, 19], 3, 3, { padding: 1, strideH: 2, strideW: 2 }),
      dwCase(next, `${type} 3x3, C = 5 (tail only)`, type, [1, 4, 4, 5], 3, 3, {}),
      dwCase(next, `${type} 3x3 dilation 2`, type, [1, 9, 9, 16], 3, 3, { dilationHFactor: 2, dilationWFactor: 2 }),
      dwCase(next, `${type} 5x5`, type, [1, 10, 10, 24], 5, 5, { fusedActivationFunction: 1 }),
      dwCase(next, `${type} 2x1 even taps`, type, [1, 6, 6, 8], 2, 1, {}, false),
      dwCase(next, `${type} 1x1`, type, [1, 3, 3, 8], 1, 1, {}),
      dwCase(next, `${type} round half to even`, type, [1, 8, 8, 40], 3, 3, {}, true, true),
    );
    for (let i = 0; i < 16; i++) {
      const k = pick(next, [[3, 3], [3, 3], [1, 3], [2, 2], [4, 3], [5, 5]]);
      const options = {
        padding: next() % 2, strideH: 1 + (next() % 2), strideW: 1 + (next() % 3), fusedActivationFunction: pick(next, [0, 1, 3]),
        dilationHFactor: pick(next, [1, 1, 2]), dilationWFactor: pick(next, [1, 1, 2]),
      };
      const h = 6 + (next() % 8), w = 6 + (next() % 8);
      cases.push(dwCase(next, `${type} random ${i}`, type, [1 + (next() % 2), h, w, pick(next, [1, 7, 8, 16, 24, 33, 48])], k[0], k[1], options, next() % 4 !== 0, next() % 5 === 0));
    }
  }
  let simd = 0;
  for (const c of cases) {
    const counts = assertSameAsReference(wasm, c);
    assert.equal(counts.refPrepared, 0, `${c.name}: ran the reference kernel`);
    simd += counts.simdEvals;
  }
  assert.equal(simd, cases.length);
});

test('8-bit FULLY_CONNECTED on the SIMD tier is bit-exact with the reference (int8 per-tensor / per-channel, uint8)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(99);
  const cases = [];
  for (const type of ['int8', 'uint8']) {
    cases.push(
      fcCase(next, `${type} one row`, type, [1, 64], 10, 64),
      fcCase(next, `${type} classifier`, type, [1, 1280], 1001, 1280),
      fcCase(next, `${type} keep_num_dims 3-D`, type, [2, 3, 20], 9, 20, { keepNumDims: true, fusedActivationFunction: 1 }),
      fcCase(next, `${type} depth 1`, type, [5, 1], 3, 1, {}, false, false),
      fcCase(next, `${type} odd depth, many rows`, type, [37, 33], 19, 33, { fusedActivationFunction: 3 }),
    );
    if (type === 'int8') cases.push(fcCase(next, 'int8 per-channel', 'int8', [6, 48], 20, 48, {}, true));
    for (let i = 0; i < 14; i++) {
      const rows = 1 + (next() % 9), depth = 1 + (next() % 90), units = 1 + (next() % 40);
      cases.push(fcCase(next, `${type} random ${i}`, type, [rows, depth], units, depth, { fusedActivationFunction: pick(next, [0, 1, 2, 3]) }, type === 'int8' && next() % 2 === 0, next() % 3 !== 0));
    }
  }
  for (const c of cases) {
    const counts = assertSameAsReference(wasm, c);
    assert.equal(counts.simdEvals, 1, `${c.name}: the wasm kernel did not run`);
  }
});

test('8-bit kernels fall back to the reference where they do not apply', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(5);
  const computedFilter = convCase(next, 'filter is a graph input', 'int8', [1, 5, 5, 4], [6, 3, 3, 4]);
  delete computedFilter.inputs[1].constant;
  const grouped = convCase(next, 'grouped (2 groups)', 'int8', [1, 5, 5, 8], [6, 3, 3, 4]);
  const multiplier = dwCase(next, 'depth multiplier 2', 'uint8', [1, 6, 6, 4], 3, 3, { depthMultiplier: 2 });
  multiplier.inputs[1].shape = [1, 3, 3, 8];
  multiplier.inputs[1].quant.scale = [multiplier.inputs[1].quant.scale[0]];
  multiplier.inputs[2].shape = [8];
  const computedWeights = fcCase(next, 'weights are a graph input', 'uint8', [3, 10], 5, 10);
  delete computedWeights.inputs[1].constant;
  for (const c of [computedFilter, grouped, multiplier, computedWeights]) {
    const counts = assertSameAsReference(wasm, c);
    assert.deepEqual([counts.simdPrepared, counts.refPrepared, counts.simdEvals], [0, 1, 0], c.name);
  }
});

const Q8_GOLDENS = /^(coral\/mobilenet_v2_1\.0_224_quant|coral\/tf2_mobilenet_v2_1\.0_224_ptq|tf\/mobilenet_v2_035_96_int8|coral\/movenet_single_pose_lightning_ptq)$/;

test('quantized golden models on the SIMD tier match their goldens bit-exactly', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const entries = listGoldens().filter((e) => Q8_GOLDENS.test(e.name));
  assert.equal(entries.length, 4, 'the quantized golden models are present');
  for (const entry of entries) {
    const wasm = await loadWasmKernels();
    const { resolver, counts } = instrumentedResolver(wasm);
    const { stats } = checkGolden(entry, { resolver: registerMediaPipeOps(resolver), interpreterOptions: { heap: wasm.heap } });
    for (const s of stats) assert.equal(s.exact, 1, `${entry.name} output ${s.name}: ${(s.exact * 100).toFixed(3)}% bit-exact, max diff ${s.maxDiff}`);
    assert.equal(counts.refPrepared, 0, `${entry.name}: a CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED node ran the reference kernel`);
    assert.ok(counts.simdEvals > 0, `${entry.name}: no SIMD kernel ran`);
  }
});
