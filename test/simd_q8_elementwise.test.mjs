// The SIMD tier's 8-bit element-wise kernels (wasm/assembly/elementwise_q8.ts): ADD, SUB, MUL on
// int8 / uint8 (XNNPACK's arithmetic and TFLite's ADD/SUB rescaling), QUANTIZE (float32 → 8 bits,
// 8 → 8 bits), DEQUANTIZE and CAST (8 bits → float32), RESIZE_BILINEAR, MEAN (over H, W) and
// LOGISTIC on int8 / uint8, and float DIV and SQRT, against the reference kernels on random shapes,
// broadcasts, scales and zero points: bit-identical outputs, and the wasm path ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuiltinOpResolver, BuiltinOperator, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { mulberry32 } from './harness/model_builder.mjs';
import { pick, runBothTiers, newCounts, wrapBuiltins } from './harness/simd.mjs';

const hasSimd = probeSimd();
const WATCHED = new Set(['ADD', 'SUB', 'MUL', 'DIV', 'SQRT', 'QUANTIZE', 'DEQUANTIZE', 'CAST', 'RESIZE_BILINEAR', 'MEAN', 'LOGISTIC'].map((op) => BuiltinOperator[op]));
const RANGE = { int8: [-128, 127], uint8: [0, 255] };

/**
 * Counts prepares that chose wasm and evals that ran it (output and every non-constant input in the
 * wasm memory; a 8-bit node routed to the float kernels counts as the reference).
 */
function watch(kernel, wasm, counts) {
  const simdOf = (d) => d?.simd ?? null;
  return {
    prepare(ctx) {
      const d = kernel.prepare(ctx);
      if (simdOf(d) !== null) counts.simdPrepared++;
      else counts.refPrepared++;
      return d;
    },
    eval(ctx, d) {
      const inHeap = (t) => t.data.buffer === wasm.memory.buffer;
      if (simdOf(d) !== null && inHeap(ctx.output(0)) && ctx.inputs.every((t) => t === null || t.isConstant || inHeap(t))) counts.simdEvals++;
      kernel.eval(ctx, d);
    },
  };
}

function assertSameAsReference(wasm, c) {
  const counts = newCounts();
  const resolver = wrapBuiltins(createSimdResolver(wasm), WATCHED, (k) => watch(k, wasm, counts));
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, new BuiltinOpResolver());
  ref.forEach((r, k) => {
    assert.equal(ours[k].length, r.length, c.name);
    for (let i = 0; i < r.length; i++) {
      if (!Object.is(ours[k][i], r[i])) assert.fail(`${c.name}: output ${k}[${i}] = ${ours[k][i]}, reference ${r[i]}`);
    }
  });
  return counts;
}

/** Runs every case; each must have prepared and run the wasm kernel. */
function assertAllSimd(wasm, cases) {
  for (const c of cases) {
    const counts = assertSameAsReference(wasm, c);
    assert.deepEqual([counts.refPrepared, counts.simdEvals], [0, 1], `${c.name}: the wasm kernel did not run (${JSON.stringify(counts)})`);
  }
}

const uniform = (next, lo, hi) => lo + ((hi - lo) * next()) / 4294967296;
const randScale = (next, lo, hi) => Math.fround(lo * (hi / lo) ** uniform(next, 0, 1));
const randZp = (next, type) => RANGE[type][0] + (next() % 256);

/** Broadcast shape pairs: same shapes, scalars, per-channel vectors, per-row values, N-d, rank mismatch. */
function randomShapes(next) {
  const h = 1 + (next() % 9), w = 1 + (next() % 9), c = pick(next, [1, 2, 3, 5, 8, 16, 17, 24, 40, 64, 70]);
  const n = 1 + (next() % 300);
  const pairs = [
    [[n], [n]],
    [[1, h, w, c], [1, h, w, c]],
    [[h, w, c], []],
    [[h, w, c], [1]],
    [[1, h, w, c], [1, 1, 1, c]],
    [[1, h, w, c], [c]],
    [[h, w, c], [h, w, 1]],
    [[h, w, 1], [1, c]],
    [[1, h, w, 1], [h, w, 1]],
    [[2, 1, 4, 1, 3], [1, 3, 1, 5, 3]],
    [[3, 1, c], [1, 4, 1]],
    [[2, h, 1, c], [2, 1, w, c]],
  ];
  const [a, b] = pick(next, pairs);
  return next() % 2 ? [a, b] : [b, a];
}

function binaryCase(name, op, type, shapes, quants, { act = 0, constant = -1, ranges = [] } = {}) {
  const options = op === 'MUL' ? { fusedActivationFunction: act } : { fusedActivationFunction: act, potScaleInt16: true };
  return {
    name: `${name}: ${op} ${type} [${shapes[0]}] ∘ [${shapes[1]}] act ${act}${constant >= 0 ? ` const ${constant}` : ''}`,
    op, version: op === 'MUL' ? 2 : 2, options,
    inputs: [0, 1].map((i) => ({
      dtype: type, shape: shapes[i], quant: quants[i], constant: constant === i, ...(ranges[i] ? { range: ranges[i] } : {}),
    })),
    outputs: [{ dtype: type, quant: quants[2] }],
  };
}

/**
 * Quantizations of a, b and the output: `path` 'xnn' keeps ADD/SUB scale ratios inside XNNPACK's
 * [2^-10, 2^8) (MUL: the product ratio inside [2^-16, 2^8)); 'tflite' puts one input below 2^-10 of
 * the output (TFLite's rescaling); `pow2` gives powers of two (ties in the roundings).
 */
function randomQuants(next, op, type, path, pow2) {
  const s = (lo, hi) => (pow2 ? 2 ** Math.round(Math.log2(randScale(next, lo, hi))) : randScale(next, lo, hi));
  const out = s(0.01, 0.2);
  let a, b;
  if (op === 'MUL') {
    a = s(0.005, 0.1);
    b = s(0.005, 0.1);
  } else if (path === 'xnn') {
    a = Math.fround(out * s(1 / 256, 8));
    b = Math.fround(out * s(1 / 256, 8));
  } else {
    a = Math.fround(out * s(1 / 4, 4));
    b = Math.fround(out * s(1e-6, 1e-4));
    if (next() % 2) [a, b] = [b, a];
  }
  return [a, b, out].map((scale) => ({ scale: [scale], zeroPoint: [randZp(next, type)] }));
}

test('8-bit ADD / SUB / MUL on the SIMD tier are bit-exact with the reference (broadcasts, activations, both arithmetics)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(2024);
  const cases = [];
  for (const type of ['int8', 'uint8']) {
    for (const op of ['ADD', 'SUB', 'MUL']) {
      for (const path of op === 'MUL' ? ['xnn'] : ['xnn', 'tflite']) {
        for (let i = 0; i < 16; i++) {
          const shapes = randomShapes(next);
          const quants = randomQuants(next, op, type, path, i % 5 === 4);
          const act = pick(next, [0, 0, 1, 2, 3]);
          cases.push(binaryCase(`${path} ${i}`, op, type, shapes, quants, { act, constant: pick(next, [-1, -1, 0, 1]) }));
        }
      }
    }
  }
  assertAllSimd(wasm, cases);
});

test('8-bit ADD / SUB / MUL: extreme values, zero points at the range ends, the models\' shapes', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(7);
  const cases = [];
  for (const type of ['int8', 'uint8']) {
    const [lo, hi] = RANGE[type];
    for (const op of ['ADD', 'SUB', 'MUL']) {
      // |x − zp| = 255 on both inputs: the largest products and sums.
      const extremes = [{ scale: [0.05], zeroPoint: [hi] }, { scale: [0.04], zeroPoint: [lo] }, { scale: [op === 'MUL' ? 10 : 0.06], zeroPoint: [lo + 3] }];
      cases.push(binaryCase('extremes', op, type, [[3, 37], [3, 37]], extremes, { ranges: [[lo, lo + 2], [hi - 1, hi + 1]] }));
      for (const act of [1, 2, 3]) cases.push(binaryCase('extremes', op, type, [[70], [70]], extremes, { act }));
    }
    // movenet: [1,192,192,3] − [1,1,1,3] const (TFLite rescaling, scale ratio 1e-6), a scalar MUL, a per-row SUB.
    const q = (scale, zeroPoint) => ({ scale: [scale], zeroPoint: [zeroPoint] });
    cases.push(binaryCase('movenet sub', 'SUB', type, [[1, 40, 40, 3], [1, 1, 1, 3]], [q(1, lo), q(1e-6, lo + 128), q(1, lo)], { constant: 1 }));
    cases.push(binaryCase('movenet mul', 'MUL', type, [[1, 40, 40, 3], []], [q(1, lo), q(3.076e-5, lo), q(0.007843, lo)], { constant: 1 }));
    cases.push(binaryCase('movenet sub rows', 'SUB', type, [[48, 48, 1], [1, 17]], [q(0.1843, lo), q(0.2101, lo), q(0.3882, lo + 138)], { constant: 0 }));
  }
  assertAllSimd(wasm, cases);
});

test('QUANTIZE, DEQUANTIZE and CAST between 8 bits and float32, and 8-bit LOGISTIC, on the SIMD tier are bit-exact', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(31337);
  const cases = [];
  const unary = (name, op, input, output) => ({ name: `${op} ${name}`, op, options: {}, inputs: [input], outputs: [output] });
  for (const type of ['int8', 'uint8']) {
    for (let i = 0; i < 10; i++) {
      const n = 1 + (next() % 200);
      const pow2 = i % 3 === 2;
      const scale = pow2 ? 2 ** -(next() % 8) : randScale(next, 0.002, 0.5);
      const zp = randZp(next, type);
      // Multiples of scale / 2 (ties, rounded away from zero) and values past the range.
      const data = Array.from({ length: n }, () => (pow2 ? ((next() % 1200) - 600) * scale / 2 : uniform(next, -300, 300) * scale));
      cases.push(unary(`float32 → ${type} ${i}`, 'QUANTIZE', { dtype: 'float32', shape: [n], data }, { dtype: type, quant: { scale: [scale], zeroPoint: [zp] } }));
      cases.push(unary(`${type} → float32 ${i}`, 'DEQUANTIZE', { dtype: type, shape: [1, n], quant: { scale: [scale], zeroPoint: [zp] } }, { dtype: 'float32' }));
      for (const to of ['int8', 'uint8']) {
        const ratio = pick(next, [1, 2 ** (next() % 5), uniform(next, 0.01, 0.99), uniform(next, 1.01, 40)]);
        cases.push(unary(`${type} → ${to} ${i} (ratio ${ratio})`, 'QUANTIZE', { dtype: type, shape: [n, 1], quant: { scale: [scale], zeroPoint: [zp] } },
          { dtype: to, quant: { scale: [Math.fround(scale / ratio)], zeroPoint: [randZp(next, to)] } }));
      }
    }
    const special = [NaN, Infinity, -Infinity, -0, 0, 1e30, -1e30, 2 ** 31, -(2 ** 31), 0.5, -0.5, 1.5, -1.5, 2.5, 127.5, -128.5, 255.5, ...Array(16).fill(3.5)];
    // Powers of two take a float32 path: overflow (2^-100) and underflow (2^100) of x / scale in float32.
    for (const scale of [1, 2 ** -100, 2 ** 100, 0.3]) {
      const data = [...special, ...special.map((v) => v * scale)];
      cases.push(unary(`float32 → ${type} special values, scale ${scale}`, 'QUANTIZE', { dtype: 'float32', shape: [data.length], data },
        { dtype: type, quant: { scale: [scale], zeroPoint: [RANGE[type][0] + 1] } }));
    }
    cases.push(unary(`${type} → float32`, 'CAST', { dtype: type, shape: [3, 67] }, { dtype: 'float32' }));
    for (const n of [5, 16, 300]) {
      cases.push(unary(`${type} [${n}]`, 'LOGISTIC', { dtype: type, shape: [n], quant: { scale: [randScale(next, 0.01, 0.2)], zeroPoint: [randZp(next, type)] } },
        { dtype: type, quant: { scale: [1 / 256], zeroPoint: [RANGE[type][0]] } }));
    }
  }
  assertAllSimd(wasm, cases);
});

test('float DIV and SQRT on the SIMD tier are bit-exact (broadcasts, zero divisors, activations, special values)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const cases = [
    [[1, 48, 48, 17], [48, 48, 17]], [[5, 7], []], [[], [33]], [[2, 3, 16], [16]], [[4, 9, 1], [4, 9, 1]],
  ].flatMap(([a, b], i) => [0, 1, 3].map((act) => ({
    name: `DIV [${a}] / [${b}] act ${act}`, op: 'DIV', options: { fusedActivationFunction: act },
    inputs: [{ dtype: 'float32', shape: a, range: [-4, 4] }, { dtype: 'float32', shape: b, range: i === 1 ? [0, 1] : [-2, 2] }],
    outputs: [{ dtype: 'float32' }],
  })));
  cases.push({
    name: 'DIV by zero', op: 'DIV', options: { fusedActivationFunction: 0 },
    inputs: [{ dtype: 'float32', shape: [6], data: [1, -1, 0, 3e38, 1e-45, NaN] }, { dtype: 'float32', shape: [6], data: [0, 0, 0, 1e-10, 3, 1] }],
    outputs: [{ dtype: 'float32' }],
  });
  for (const [name, input] of [['random', { shape: [48, 48, 17], range: [0, 100] }], ['special', { shape: [9], data: [-1, -0, 0, Infinity, NaN, 1e-45, 2, 3, 1e38] }]]) {
    cases.push({ name: `SQRT ${name}`, op: 'SQRT', options: {}, inputs: [{ dtype: 'float32', ...input }], outputs: [{ dtype: 'float32' }] });
  }
  assertAllSimd(wasm, cases);
});

test('8-bit RESIZE_BILINEAR (XNNPACK\'s Q11 arithmetic) and MEAN over H, W on the SIMD tier are bit-exact', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(4711);
  const cases = [];
  for (const type of ['int8', 'uint8']) {
    for (let i = 0; i < 14; i++) {
      const quant = { scale: [randScale(next, 0.01, 1)], zeroPoint: [randZp(next, type)] };
      const c = pick(next, [1, 3, 8, 16, 17, 24, 32, 40, 64]);
      const [inH, inW] = [1 + (next() % 12), 1 + (next() % 12)];
      const [outH, outW] = i % 4 === 3 ? [1 + (next() % 6), 1 + (next() % 6)] : [inH * (1 + (next() % 3)), inW * (1 + (next() % 3))];
      const mode = pick(next, [{ alignCorners: false, halfPixelCenters: true }, { alignCorners: true, halfPixelCenters: false }, { alignCorners: false, halfPixelCenters: false }]);
      cases.push({
        name: `RESIZE_BILINEAR ${type} [${inH},${inW},${c}] → [${outH},${outW}] ${JSON.stringify(mode)}`, op: 'RESIZE_BILINEAR', version: 3, options: mode,
        inputs: [{ dtype: type, shape: [1 + (i % 2), inH, inW, c], quant }, { dtype: 'int32', shape: [2], constant: true, data: [outH, outW] }],
        outputs: [{ dtype: type, quant }],
      });
      const keepDims = i % 2 === 0;
      const shape = i === 0 ? [1, 7, 7, 1280] : [1 + (i % 3), 1 + (next() % 9), 1 + (next() % 9), pick(next, [1, 5, 16, 24, 33, 100])];
      cases.push({
        name: `MEAN ${type} [${shape}] keep ${keepDims}`, op: 'MEAN', options: { keepDims },
        inputs: [{ dtype: type, shape, quant }, { dtype: 'int32', shape: [2], constant: true, data: pick(next, [[1, 2], [2, 1], [-3, -2]]) }],
        outputs: [{ dtype: type, quant: { scale: [randScale(next, 0.005, 1)], zeroPoint: [randZp(next, type)] } }],
      });
    }
  }
  assertAllSimd(wasm, cases);
});

test('8-bit element-wise kernels fall back to the reference where they do not apply', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const q = (scale, zeroPoint) => ({ scale: [scale], zeroPoint: [zeroPoint] });
  const cases = [
    // MUL whose product scale is outside XNNPACK's range: TFLite's fixed-point multiply (reference).
    binaryCase('tflite mul', 'MUL', 'int8', [[20], [20]], [q(1, 0), q(1, 0), q(1e-3, 0)]),
    // A broadcast alternating over 8 dims: 5^6 row calls, more than the SIMD path takes.
    binaryCase('alternating broadcast', 'ADD', 'int8', [[5, 1, 5, 1, 5, 1, 5, 1], [1, 5, 1, 5, 1, 5, 1, 5]], [q(0.1, 1), q(0.1, 2), q(0.2, 3)]),
    // Zero point outside the type's range (a hostile model): reference.
    binaryCase('zero point out of range', 'ADD', 'uint8', [[20], [20]], [q(0.1, 300), q(0.1, 0), q(0.1, 0)]),
    // Per-channel quantization: reference.
    { name: 'QUANTIZE per channel', op: 'QUANTIZE', options: {}, inputs: [{ dtype: 'float32', shape: [2, 3] }],
      outputs: [{ dtype: 'int8', shape: [2, 3], quant: { scale: [0.1, 0.2, 0.3], zeroPoint: [0, 1, 2], quantizedDimension: 1 } }] },
  ];
  for (const c of cases) {
    const counts = assertSameAsReference(wasm, c);
    assert.deepEqual([counts.simdPrepared, counts.simdEvals], [0, 0], c.name);
  }
});

test('TFLite ADD / SUB rescaling kernel on arbitrary fixed-point parameters matches the reference formula', { skip: !hasSimd }, async () => {
  // Realistic scales leave the rounding of a rescaled input far below an output step, so the
  // kernel's fixed-point steps are checked directly: random multipliers and shifts (output
  // exponents outside [0, 31] included), against util/quantized.ts's addSubGeneral.
  const { refAddSubKernel, q8ElementwiseExports } = await import('../dist/kernels/simd/elementwise_q8.js');
  const { addSubGeneral } = await import('../dist/kernels/util/quantized.js');
  const wasm = await loadWasmKernels();
  const next = mulberry32(77);
  const n = 203;
  const at = wasm.heap.alloc(3 * n + 64, 64);
  for (const type of ['int8', 'uint8']) {
    const T = type === 'int8' ? Int8Array : Uint8Array;
    for (let i = 0; i < 40; i++) {
      const sub = i % 2 === 1;
      const m = () => 2 ** 30 + (next() % 2 ** 30);
      const p = {
        pot: false, leftShift: 20,
        input1Offset: -randZp(next, type), input1Multiplier: m(), input1Shift: -(next() % 24),
        input2Offset: -randZp(next, type), input2Multiplier: m(), input2Shift: -(next() % 24),
        outputOffset: randZp(next, type), outputMultiplier: m(), outputShift: pick(next, [-20, -19, -15, -8, 0, 1, 3, -40]),
        actMin: RANGE[type][0] + (next() % 20), actMax: RANGE[type][1] - (next() % 20),
      };
      const a = new T(wasm.memory.buffer, at, n), b = new T(wasm.memory.buffer, at + n, n), out = new T(wasm.memory.buffer, at + 2 * n, n);
      for (let k = 0; k < n; k++) {
        a[k] = next();
        b[k] = next();
      }
      const expected = new T(n);
      addSubGeneral({ shape: [n], index: [null, null] }, a, b, expected, p, sub ? -1 : 1);
      refAddSubKernel(q8ElementwiseExports(wasm), type === 'uint8' ? 1 : 0, sub, p)(at, at + n, at + 2 * n, 1, n, 0, 1, 0, 1);
      assert.deepEqual(Array.from(out), Array.from(expected), `${type} ${sub ? 'SUB' : 'ADD'} ${JSON.stringify(p)}`);
    }
  }
  wasm.heap.freeBlock(at);
});
