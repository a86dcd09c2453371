// The SIMD tier's BATCH_MATMUL (float32 on the f32 GEMM, int8 on the q8 GEMM) and SOFTMAX (float32;
// uint8 / int8 through the reference's table) against the reference kernels on random shapes:
// float within 1e-5 (relative to max(1, max|reference|)), 8-bit bit-identical, and the wasm path ran;
// the fallbacks; the models that use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BuiltinOpResolver, Interpreter, loadWasmKernels, probeSimd } from '../dist/index.js';
import { registerMediaPipeOps } from '../dist/mediapipe/index.js';
import { mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR, checkGolden, listGoldens } from './harness/goldens.mjs';
import { pick, runBothTiers, worstRelativeDiff, countingResolver } from './harness/simd.mjs';
import bmmTable from './ops/batch_matmul.cases.mjs';
import softmaxTable from './ops/softmax.cases.mjs';

const hasSimd = probeSimd();
const TOL = 1e-5;
const BMM_KERNELS = ['gemm_f32', 'bmm_f32', 'q8_gemm_rows', 'bmm_q8'];

/** Runs `c` on both tiers: the worst relative difference, whether bit-identical, and the wasm calls. */
function compare(wasm, c) {
  const { resolver, calls } = countingResolver(wasm);
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, new BuiltinOpResolver());
  const exact = ref.every((r, k) => r.length === ours[k].length && r.every((v, i) => Object.is(v, ours[k][i])));
  return { worst: worstRelativeDiff(ours, ref, { skipEqual: true, message: `${c.name}: output length` }), exact, calls };
}

const ran = (calls, names) => names.some((n) => (calls[n] ?? 0) > 0);

function checkFloat(wasm, cases, kernels) {
  for (const c of cases) {
    const { worst, calls } = compare(wasm, c);
    assert.ok(worst <= TOL, `${c.name}: relative difference ${worst} > ${TOL}`);
    assert.ok(ran(calls, kernels), `${c.name}: the wasm kernel did not run (calls ${JSON.stringify(calls)})`);
  }
}

function checkExact(wasm, cases, kernels) {
  for (const c of cases) {
    const { exact, worst, calls } = compare(wasm, c);
    assert.ok(exact, `${c.name}: not bit-identical (worst ${worst})`);
    if (kernels) assert.ok(ran(calls, kernels), `${c.name}: the wasm kernel did not run (calls ${JSON.stringify(calls)})`);
    else assert.deepEqual(calls, {}, `${c.name}: a wasm kernel ran where the reference should`);
  }
}

const uniform = (next, lo, hi) => lo + ((hi - lo) * next()) / 4294967296;
const randScale = (next, lo, hi) => Math.fround(lo * (hi / lo) ** uniform(next, 0, 1));

// ------------------------------------------------------------------ BATCH_MATMUL

/**
 * Random batched-product shapes: ranks 2–5, batch dims broadcasting either way (or not at all),
 * m, n, k around the GEMM's 4-row / 8-column blocks, adj_x / adj_y.
 */
function randomBmmShapes(next) {
  const rank = pick(next, [2, 3, 3, 4, 5]);
  const batch = Array.from({ length: rank - 2 }, () => pick(next, [1, 2, 3]));
  const lb = batch.map((d) => (next() % 3 === 0 ? 1 : d)), rb = batch.map((d) => (next() % 3 === 0 ? 1 : d));
  const m = pick(next, [1, 2, 3, 4, 5, 7, 8, 13, 17]), n = pick(next, [1, 3, 7, 8, 9, 16, 17, 33]), k = pick(next, [1, 2, 3, 5, 8, 16, 31, 64]);
  const adjX = next() % 2 === 1, adjY = next() % 2 === 1;
  // Drop leading batch dims of one side at random (rank 2 by rank 4 …).
  const lRank = next() % 4 === 0 ? 2 : rank, rRank = next() % 4 === 0 ? 2 : rank;
  const lhs = [...lb.slice(rank - lRank), ...(adjX ? [k, m] : [m, k])];
  const rhs = [...rb.slice(rank - rRank), ...(adjY ? [n, k] : [k, n])];
  return { lhs, rhs, adjX, adjY };
}

const bmmCase = (name, { lhs, rhs, adjX, adjY }, inputs, outputs) => ({
  name: `${name}: [${lhs}]${adjX ? 'ᵀ' : ''} × [${rhs}]${adjY ? 'ᵀ' : ''}${inputs[1].constant ? ' constant rhs' : ''}`,
  op: 'BATCH_MATMUL', version: 1, options: { adjX, adjY, asymmetricQuantizeInputs: false }, inputs, outputs,
});

function randomFloatBmm(next, i) {
  const s = randomBmmShapes(next);
  return bmmCase(`float ${i}`, s, [{ dtype: 'float32', shape: s.lhs }, { dtype: 'float32', shape: s.rhs, constant: next() % 2 === 0 }], [{ dtype: 'float32' }]);
}

function randomInt8Bmm(next, i) {
  const s = randomBmmShapes(next);
  const zp = () => (next() % 256) - 128;
  const lq = { scale: randScale(next, 0.005, 0.05), zeroPoint: zp() };
  const rq = { scale: randScale(next, 0.005, 0.05), zeroPoint: next() % 2 ? 0 : zp() };
  // Output scales around the product's range: multipliers with shifts from −12 to 0.
  const outScale = randScale(next, lq.scale * rq.scale * 2, lq.scale * rq.scale * 4096 * Math.sqrt(s.lhs.at(-1) * s.lhs.at(-2)));
  return bmmCase(`int8 ${i}`, s,
    [{ dtype: 'int8', shape: s.lhs, quant: lq }, { dtype: 'int8', shape: s.rhs, quant: rq, constant: next() % 2 === 0 }],
    [{ dtype: 'int8', quant: { scale: outScale, zeroPoint: zp() } }]);
}

test('BATCH_MATMUL float32 SIMD matches the reference: ranks 2–5, adj_x / adj_y, broadcasting, constant and computed rhs', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(901);
  const cases = bmmTable.filter((c) => !c.error && c.inputs.every((t) => t.dtype === 'float32'));
  const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
  cases.push(
    bmmCase('wide inner', { lhs: [2, 5, 300], rhs: [300, 40], adjX: false, adjY: false }, [f([2, 5, 300]), f([300, 40])], [{ dtype: 'float32' }]),
    bmmCase('melspectrogram', { lhs: [1, 1, 5, 257], rhs: [257, 32], adjX: false, adjY: false }, [f([1, 1, 5, 257], { range: [0, 50] }), f([257, 32], { constant: true })], [{ dtype: 'float32' }]),
    bmmCase('attention scores', { lhs: [1, 4, 12, 16], rhs: [1, 4, 12, 16], adjX: false, adjY: true }, [f([1, 4, 12, 16]), f([1, 4, 12, 16])], [{ dtype: 'float32' }]),
    bmmCase('specials', { lhs: [3, 4], rhs: [4, 2], adjX: false, adjY: false },
      [f([3, 4], { data: [NaN, 1, 2, 3, Infinity, 1, 0, 0, -Infinity, 1e30, 1e30, 0] }), f([4, 2], { data: [1, 2, 3, 4, 5, 6, 1e10, 0] })], [{ dtype: 'float32' }]),
  );
  for (let i = 0; i < 80; i++) cases.push(randomFloatBmm(next, i));
  checkFloat(wasm, cases, BMM_KERNELS);
});

test('BATCH_MATMUL int8 SIMD is bit-exact with the reference: zero points, scales, adj_x / adj_y, broadcasting, constant and computed rhs', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(902);
  const cases = bmmTable.filter((c) => !c.error && c.inputs.every((t) => t.dtype === 'int8') && c.outputs[0].dtype === 'int8');
  // Extremes: |x − zp| = 255 on both sides.
  cases.push(bmmCase('extremes', { lhs: [2, 4, 40], rhs: [40, 9], adjX: false, adjY: false },
    [{ dtype: 'int8', shape: [2, 4, 40], quant: { scale: 0.1, zeroPoint: 127 }, range: [-128, -127] },
      { dtype: 'int8', shape: [40, 9], quant: { scale: 0.1, zeroPoint: -128 }, range: [127, 128] }],
    [{ dtype: 'int8', quant: { scale: 3000, zeroPoint: 5 } }]));
  for (let i = 0; i < 80; i++) cases.push(randomInt8Bmm(next, i));
  checkExact(wasm, cases, BMM_KERNELS);
});

test('BATCH_MATMUL fallbacks: int8 → int32, int16, hybrid, large output multipliers run the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const cases = bmmTable.filter((c) => !c.error && !(c.inputs.every((t) => t.dtype === 'float32') || (c.inputs.every((t) => t.dtype === 'int8') && c.outputs[0].dtype === 'int8')));
  assert.ok(cases.length >= 10);
  // A multiplier ≥ 2^15 (shift > 14) is outside what the q8 GEMM's fixed-point rounding takes.
  cases.push(bmmCase('int8 tiny output scale', { lhs: [3, 8], rhs: [8, 4], adjX: false, adjY: false },
    [{ dtype: 'int8', shape: [3, 8], quant: { scale: 0.5, zeroPoint: 0 } }, { dtype: 'int8', shape: [8, 4], quant: { scale: 0.5, zeroPoint: 0 } }],
    [{ dtype: 'int8', quant: { scale: 0.25 / 40000, zeroPoint: 0 } }]));
  checkExact(wasm, cases, null);
});

// ------------------------------------------------------------------ SOFTMAX

const sm = (name, beta, input, output = { dtype: 'float32' }) => ({
  name: `${name}: [${input.shape}] β ${beta}`, op: 'SOFTMAX', version: 1, options: { beta }, inputs: [input], outputs: [output],
});

test('SOFTMAX float32 SIMD matches the reference: shapes, β, NaN and infinities', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(903);
  const cases = softmaxTable.filter((c) => !c.error && c.inputs[0].dtype === 'float32');
  const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
  cases.push(
    sm('NaN, +∞, −∞, all −∞, one big row', 1, f([5, 6], {
      data: [
        1, NaN, 2, 3, 4, 5, 1, Infinity, 2, 3, 4, 5, 1, -Infinity, 2, 3, -Infinity, 5,
        -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -3e38, 3e38, 0, 1, 2, 3,
      ],
    })),
    sm('β 0 with −∞', 0, f([2, 3], { data: [1, 2, -Infinity, 4, 5, 6] })),
    sm('classifier', 1, f([1, 1001], { range: [-10, 10] })),
  );
  for (let i = 0; i < 60; i++) {
    const rank = 1 + (next() % 4);
    const shape = Array.from({ length: rank }, (_, d) => (d === rank - 1 ? pick(next, [1, 2, 3, 4, 5, 7, 8, 9, 16, 33, 100, 257]) : 1 + (next() % 5)));
    const r = pick(next, [1, 5, 30, 100]);
    cases.push(sm(`random ${i}`, pick(next, [0, 0.25, 1, 1, 2.5]), f(shape, { range: [-r, r] })));
  }
  checkFloat(wasm, cases, ['softmax_f32']);
});

test('SOFTMAX 8-bit SIMD is bit-exact with the reference: uint8 → uint8 / int16, int8 → int8 / int16, scales, β, ties', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(904);
  const cases = softmaxTable.filter((c) => !c.error && (c.inputs[0].dtype === 'uint8' || c.inputs[0].dtype === 'int8'));
  const pairs = [['uint8', 'uint8'], ['uint8', 'int16'], ['int8', 'int8'], ['int8', 'int16']];
  for (let i = 0; i < 80; i++) {
    const [tin, tout] = pick(next, pairs);
    const rank = 1 + (next() % 3);
    const shape = Array.from({ length: rank }, (_, d) => (d === rank - 1 ? pick(next, [1, 2, 5, 7, 8, 9, 15, 16, 17, 31, 64, 255, 1001]) : 1 + (next() % 4)));
    const zp = tin === 'uint8' ? next() % 256 : (next() % 256) - 128;
    // Tiny scales: flat rows (sums of many equal entries); large ones: entries underflowing to 0.
    const input = { dtype: tin, shape, quant: { scale: randScale(next, 0.001, 2), zeroPoint: zp } };
    const output = tout === 'uint8' ? { dtype: 'uint8', quant: { scale: 1 / 256, zeroPoint: 0 } }
      : tout === 'int8' ? { dtype: 'int8', quant: { scale: 1 / 256, zeroPoint: -128 } }
        : { dtype: 'int16', quant: { scale: pick(next, [1 / 32768, 1 / 65536, 1 / 1000]), zeroPoint: pick(next, [0, 0, -32768, 1000]) } };
    cases.push(sm(`${tin} → ${tout} ${i}`, pick(next, [0, 0.5, 1, 1, 1.7]), input, output));
  }
  // Probabilities on .5 ties: flat rows of 512 (256 / 512 with the output scale 1/256), flat pairs with scale 1/3.
  const flat = (dtype, n) => ({ dtype, shape: [1, n], quant: { scale: 0.1, zeroPoint: 0 }, data: new Array(n).fill(3) });
  cases.push(
    sm('ties uint8', 1, flat('uint8', 512), { dtype: 'uint8', quant: { scale: 1 / 256, zeroPoint: 0 } }),
    sm('ties int8', 1, flat('int8', 512), { dtype: 'int8', quant: { scale: 1 / 256, zeroPoint: -128 } }),
    sm('ties int16', 1, { dtype: 'int8', shape: [3, 2], quant: { scale: 0.1, zeroPoint: 0 }, data: [5, 5, -128, 127, 0, 0] }, { dtype: 'int16', quant: { scale: 1 / 3, zeroPoint: 7 } }),
  );
  // Long rows to an output grid so fine that the largest probabilities land near 65535: a sum
  // rounded differently (summed in another order) moves a hundred or so outputs by one.
  cases.push(
    sm('long rows int8 → int16', 1, { dtype: 'int8', shape: [16, 1001], quant: { scale: 0.01, zeroPoint: 3 } }, { dtype: 'int16', quant: { scale: 4e-8, zeroPoint: -32768 } }),
    sm('long rows uint8 → int16', 1, { dtype: 'uint8', shape: [16, 1001], quant: { scale: 0.005, zeroPoint: 100 } }, { dtype: 'int16', quant: { scale: 3e-8, zeroPoint: -32768 } }),
  );
  checkExact(wasm, cases, ['softmax_q8']);
});

test('SOFTMAX fallbacks: int16, negative β run the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const cases = softmaxTable.filter((c) => !c.error && c.inputs[0].dtype === 'int16');
  cases.push(
    sm('negative β', -1, { dtype: 'float32', shape: [2, 5], range: [-3, 3] }),
    sm('negative β uint8', -0.5, { dtype: 'uint8', shape: [2, 5], quant: { scale: 0.1, zeroPoint: 128 } }, { dtype: 'uint8', quant: { scale: 1 / 256, zeroPoint: 0 } }),
  );
  checkExact(wasm, cases, null);
});

// ------------------------------------------------------------------ models

const SOFTMAX_GOLDENS = /^coral\/(mobilenet_v1_0\.25_128_quant|mobilenet_v1_0\.5_160_quant|mobilenet_v2_1\.0_224_inat_bird_quant|mobilenet_v2_1\.0_224_quant|tf2_mobilenet_v2_1\.0_224_ptq)$/;

test('quantized classifiers (8-bit SOFTMAX heads) on the SIMD tier match their goldens bit-exactly', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const entries = listGoldens().filter((e) => SOFTMAX_GOLDENS.test(e.name));
  assert.equal(entries.length, 5, 'the golden models are present');
  for (const entry of entries) {
    const wasm = await loadWasmKernels();
    const { resolver, calls } = countingResolver(wasm);
    const { stats } = checkGolden(entry, { resolver: registerMediaPipeOps(resolver), interpreterOptions: { heap: wasm.heap } });
    for (const s of stats) assert.equal(s.exact, 1, `${entry.name} output ${s.name}: ${(s.exact * 100).toFixed(3)}% bit-exact, max diff ${s.maxDiff}`);
    assert.equal(calls.softmax_q8, 1, `${entry.name}: the SOFTMAX kernel ran`);
  }
});

test('openwakeword melspectrogram at [1,1280]: the SIMD tier (BATCH_MATMUL on the GEMM) matches the reference tier', { skip: !hasSimd || !fs.existsSync(MODELS_DIR) }, async () => {
  const bytes = fs.readFileSync(path.join(MODELS_DIR, 'openwakeword/melspectrogram.tflite'));
  const next = mulberry32(905);
  const x = Float32Array.from({ length: 1280 }, () => uniform(next, -0.5, 0.5));
  const runOn = (options) => {
    const it = new Interpreter(bytes, options);
    it.resizeTensorInput(it.getInputDetails()[0].index, [1, 1280]);
    it.allocateTensors();
    it.setTensor(it.getInputDetails()[0].index, x);
    it.invoke();
    return it.getOutputDetails().map((d) => it.getTensor(d.index).slice());
  };
  const wasm = await loadWasmKernels();
  const { resolver, calls } = countingResolver(wasm);
  const ours = runOn({ heap: wasm.heap, opResolver: resolver });
  const ref = runOn({ opResolver: new BuiltinOpResolver() });
  const worst = worstRelativeDiff(ours, ref);
  assert.ok(worst <= TOL, `relative difference ${worst}`);
  assert.ok(calls.bmm_pack_f32 === 1 && calls.gemm_f32 >= 1, `the BATCH_MATMUL ran on the GEMM (calls ${JSON.stringify(calls)})`);
});
