#!/usr/bin/env node
// BATCH_MATMUL and SOFTMAX one-op models (bench/simd-matmul-softmax.md): the reference tier, the
// SIMD tier on one thread and on two, in one process.
//   node bench/simd-matmul-softmax.mjs [--rounds R] [--sample-ms MS] [--filter TEXT]
// Needs `npm run build` first. Each side gets its own interpreter (the SIMD ones on their own wasm
// instance) and the same seeded inputs; a sample times as many invokes as fill about --sample-ms
// (calibrated per side after a warm-up), the sides alternating in order every round; the figure is
// the median over the rounds of the wall time per invoke. The outputs of the sides are compared
// first: 8-bit ones must be bit-identical, float ones within 1e-5 relative.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, median } from './lib.mjs';

const { values: opt } = parseArgs({ options: { rounds: { type: 'string' }, 'sample-ms': { type: 'string' }, filter: { type: 'string' } } });
const ROUNDS = Number(opt.rounds ?? 9);
const SAMPLE_MS = Number(opt['sample-ms'] ?? 15);
const tfl = await import(path.join(ROOT, 'dist/index.js'));
const { buildCase } = await import(path.join(ROOT, 'test/harness/model_builder.mjs'));

const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const i8 = (shape, zeroPoint, extra = {}) => ({ dtype: 'int8', shape, quant: { scale: 0.02, zeroPoint }, ...extra });
const out8 = [{ dtype: 'int8', quant: { scale: 0.3, zeroPoint: 2 } }];
const bmm = (name, adjX, adjY, inputs, outputs = [{ dtype: 'float32' }]) => ({
  name, op: 'BATCH_MATMUL', version: 1, options: { adjX, adjY, asymmetricQuantizeInputs: false }, inputs, outputs,
});
const sm = (name, input, output = { dtype: 'float32' }) => ({ name, op: 'SOFTMAX', version: 1, options: { beta: 1 }, inputs: [input], outputs: [output] });
const u8Out = { dtype: 'uint8', quant: { scale: 1 / 256, zeroPoint: 0 } };
const i8Out = { dtype: 'int8', quant: { scale: 1 / 256, zeroPoint: -128 } };

const CASES = [
  bmm('f32 [1,1,5,257] × const [257,32] (melspectrogram)', false, false, [f32([1, 1, 5, 257], { range: [0, 50] }), f32([257, 32], { constant: true })]),
  bmm('f32 [1,128,256] × const [256,256]', false, false, [f32([1, 128, 256]), f32([256, 256], { constant: true })]),
  bmm('f32 [1,256] × const [256,256] (GEMV)', false, false, [f32([1, 256]), f32([256, 256], { constant: true })]),
  bmm('f32 [1,256] × [256,256] (GEMV, computed rhs)', false, false, [f32([1, 256]), f32([256, 256])]),
  bmm('f32 [4,256] × [256,256] (computed rhs)', false, false, [f32([4, 256]), f32([256, 256])]),
  bmm('f32 [1,8,64,64] × [1,8,64,64]ᵀ (attention scores)', false, true, [f32([1, 8, 64, 64]), f32([1, 8, 64, 64])]),
  bmm('f32 [1,8,64,64] × [1,8,64,64] (attention values)', false, false, [f32([1, 8, 64, 64]), f32([1, 8, 64, 64])]),
  bmm('f32 [4,64,32]ᵀ × [4,64,48] (adj_x)', true, false, [f32([4, 64, 32]), f32([4, 64, 48])]),
  bmm('int8 [1,128,256] × const [256,256]', false, false, [i8([1, 128, 256], 3), i8([256, 256], 0, { constant: true })], out8),
  bmm('int8 [1,256] × [256,256] (GEMV, computed rhs)', false, false, [i8([1, 256], 3), i8([256, 256], -1)], out8),
  bmm('int8 [1,8,64,64] × [1,8,64,64]ᵀ (attention scores)', false, true, [i8([1, 8, 64, 64], 3), i8([1, 8, 64, 64], -1)], out8),
  bmm('int8 [1,8,64,64] × [1,8,64,64] (attention values)', false, false, [i8([1, 8, 64, 64], 3), i8([1, 8, 64, 64], -1)], out8),
  sm('f32 [1,1001] (classifier)', f32([1, 1001], { range: [-10, 10] })),
  sm('f32 [8,64,64] (attention)', f32([8, 64, 64], { range: [-5, 5] })),
  sm('uint8 [1,1001] (classifier)', { dtype: 'uint8', shape: [1, 1001], quant: { scale: 0.130833, zeroPoint: 96 } }, u8Out),
  sm('int8 [1,1001] (classifier)', { dtype: 'int8', shape: [1, 1001], quant: { scale: 0.063365, zeroPoint: -53 } }, i8Out),
  sm('int8 [8,64,64] (attention)', i8([8, 64, 64], -3, { quant: { scale: 0.05, zeroPoint: -3 } }), i8Out),
];

async function side(name, bytes, inputs, threads) {
  const options = {};
  if (threads > 0) {
    const wasm = await tfl.loadWasmKernels({ numThreads: threads });
    if (threads > 1) await wasm.pool.ready;
    Object.assign(options, { heap: wasm.heap, opResolver: tfl.createSimdResolver(wasm) });
  } else {
    options.opResolver = new tfl.BuiltinOpResolver();
  }
  const it = new tfl.Interpreter(bytes, options);
  it.allocateTensors();
  it.getInputDetails().forEach((d, i) => it.setTensor(d.index, inputs[i].values));
  it.invoke();
  const out = it.getOutputDetails().map((d) => it.getTensor(d.index).slice());
  const burst = (n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) it.invoke();
    return performance.now() - t0;
  };
  // Warm-up (V8 tiers the JS and the wasm up), then the invokes per sample.
  let n = 1;
  const end = performance.now() + 400;
  while (performance.now() < end) if (burst(n) < SAMPLE_MS / 4) n *= 2;
  n = Math.max(1, Math.round((n * SAMPLE_MS) / Math.max(burst(n), 1e-3)));
  return { name, out, times: [], sample: () => burst(n) / n, dispose: () => it.dispose() };
}

function checkOutputs(c, sides) {
  const [ref, ...others] = sides;
  for (const s of others) {
    ref.out.forEach((r, k) => {
      const o = s.out[k];
      let maxRef = 1, worst = 0;
      for (const v of r) if (Number.isFinite(v)) maxRef = Math.max(maxRef, Math.abs(v));
      for (let i = 0; i < r.length; i++) worst = Math.max(worst, Math.abs(o[i] - r[i]) / maxRef);
      const tol = r instanceof Float32Array ? 1e-5 : 0;
      if (!(worst <= tol)) throw new Error(`${c.name}: ${s.name} differs from the reference by ${worst}`);
    });
  }
}

console.log(`${ROUNDS} rounds, ~${SAMPLE_MS} ms per sample; µs per invoke (median); speed-up = reference / SIMD`);
console.log('| case | reference µs | SIMD 1 thread µs | speed-up | SIMD 2 threads µs | 2 vs 1 thread |\n|---|---|---|---|---|---|');
for (const c of CASES) {
  if (opt.filter && !c.name.includes(opt.filter)) continue;
  const built = buildCase(c);
  const sides = [await side('reference', built.bytes, built.inputs, 0), await side('SIMD', built.bytes, built.inputs, 1), await side('SIMD 2', built.bytes, built.inputs, 2)];
  checkOutputs(c, sides);
  for (let r = 0; r < ROUNDS; r++) for (const s of r % 2 ? [...sides].reverse() : sides) s.times.push(s.sample());
  const [ref, one, two] = sides.map((s) => median(s.times) * 1000);
  console.log(`| ${c.op} ${c.name} | ${ref.toFixed(1)} | ${one.toFixed(1)} | ${(ref / one).toFixed(1)}× | ${two.toFixed(1)} | ${(one / two).toFixed(2)}× |`);
  for (const s of sides) s.dispose();
}
