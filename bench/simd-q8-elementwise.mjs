#!/usr/bin/env node
// The SIMD tier's 8-bit element-wise kernels (bench/simd-q8-elementwise.md): whole models on the
// SIMD tier without them ("before": ADD / SUB / MUL / LOGISTIC / RESIZE_BILINEAR / MEAN on the
// float kernels, which hand 8-bit nodes to the reference, and QUANTIZE / DEQUANTIZE / CAST / DIV /
// SQRT on the reference kernels, as the tier was before this work) and with them ("after").
//   node bench/simd-q8-elementwise.mjs [--rounds R] [--batch B] [MODEL...]
// Needs `npm run build` first. Per round, `--batch` runs of each side in alternating order, one
// thread, each in its own wasm instance; per run the process CPU time and, through the
// interpreter's profiler hook, the wall time per op type. Medians over all runs; the outputs of
// the two sides must be bit-identical.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, SHARED_MODELS, median, cpuMs } from './lib.mjs';

const { values: opt, positionals } = parseArgs({
  options: { rounds: { type: 'string' }, batch: { type: 'string' } },
  allowPositionals: true,
});
const ROUNDS = Number(opt.rounds ?? 15);
const BATCH = Number(opt.batch ?? 3);
const tfl = await import(path.join(ROOT, 'dist/index.js'));
const { BUILTIN_KERNELS } = await import(path.join(ROOT, 'dist/kernels/builtin_ops.js'));
const f32 = await import(path.join(ROOT, 'dist/kernels/simd/elementwise.js'));
const pool = await import(path.join(ROOT, 'dist/kernels/simd/pool.js'));
const { fillSeeded, mulberry32 } = await import(path.join(ROOT, 'dist/tools/io_json.js'));

const DEFAULT_MODELS = [
  'coral/movenet_single_pose_lightning_ptq.tflite', 'coral/tf2_mobilenet_v2_1.0_224_ptq.tflite', 'coral/mobilenet_v2_1.0_224_quant.tflite',
];
const TYPED = { float32: Float32Array, int32: Int32Array, uint8: Uint8Array, int8: Int8Array };

/** The SIMD tier as it was before this work: these builtins resolve to the kernels they had then. */
function beforeKernels(wasm) {
  return {
    ADD: f32.addSimd(wasm), SUB: f32.subSimd(wasm), MUL: f32.mulSimd(wasm), LOGISTIC: f32.logisticSimd(wasm),
    RESIZE_BILINEAR: pool.resizeBilinearSimd(wasm), MEAN: pool.meanSimd(wasm),
    DIV: BUILTIN_KERNELS.DIV, SQRT: BUILTIN_KERNELS.SQRT, QUANTIZE: BUILTIN_KERNELS.QUANTIZE,
    DEQUANTIZE: BUILTIN_KERNELS.DEQUANTIZE, CAST: BUILTIN_KERNELS.CAST,
  };
}

async function side(bytes, before) {
  const wasm = await tfl.loadWasmKernels({ numThreads: 1 });
  const resolver = tfl.createSimdResolver(wasm);
  if (before) {
    const kernels = beforeKernels(wasm);
    const names = Object.fromEntries(Object.entries(tfl.BuiltinOperator).map(([k, v]) => [v, k]));
    const find = resolver.findBuiltin.bind(resolver);
    resolver.findBuiltin = (code, version) => kernels[names[code]] ?? find(code, version);
  }
  const it = new tfl.Interpreter(bytes, { opResolver: resolver, heap: wasm.heap });
  it.allocateTensors();
  const next = mulberry32(1);
  const inputs = it.getInputDetails().map((d) => {
    const a = new TYPED[d.dtype](d.shape.reduce((x, y) => x * y, 1));
    fillSeeded(d.dtype, a, next);
    return a;
  });
  const s = { cpu: [], byOp: new Map(), first: it.run(inputs).map((x) => x.slice()) };
  const end = performance.now() + 2000;
  for (let i = 0; i < 5 || performance.now() < end; i++) it.run(inputs);
  s.time = () => {
    const run = new Map();
    it.profiler = (t) => run.set(t.op, (run.get(t.op) ?? 0) + t.ms);
    const c0 = cpuMs();
    it.run(inputs);
    s.cpu.push(cpuMs() - c0);
    it.profiler = null;
    for (const [op, ms] of run) {
      if (!s.byOp.has(op)) s.byOp.set(op, []);
      s.byOp.get(op).push(ms);
    }
  };
  return s;
}

async function benchModel(file) {
  const model = path.isAbsolute(file) ? file : path.join(SHARED_MODELS, file);
  const bytes = new Uint8Array(fs.readFileSync(model));
  const before = await side(bytes, true), after = await side(bytes, false);
  const exact = after.first.every((o, k) => o.length === before.first[k].length && o.every((v, i) => Object.is(v, before.first[k][i])));
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of r % 2 ? [after, before] : [before, after]) for (let i = 0; i < BATCH; i++) s.time();
  }
  console.log(`\n${path.relative(SHARED_MODELS, model)}: CPU ms per run, median of ${ROUNDS * BATCH}: before ${median(before.cpu).toFixed(2)}, ` +
    `after ${median(after.cpu).toFixed(2)} (${(median(before.cpu) / median(after.cpu)).toFixed(2)}× faster); outputs ${exact ? 'bit-identical' : 'DIFFER'}`);
  const ops = [...before.byOp.keys()].sort((a, b) => median(before.byOp.get(b)) - median(before.byOp.get(a)));
  console.log('| op | before [ms] | after [ms] | speedup |\n|---|---|---|---|');
  for (const op of ops) {
    const b = median(before.byOp.get(op)), a = median(after.byOp.get(op) ?? [0]);
    if (b < 0.02 && a < 0.02) continue;
    console.log(`| ${op} | ${b.toFixed(3)} | ${a.toFixed(3)} | ${(b / a).toFixed(1)}× |`);
  }
}

for (const m of positionals.length ? positionals : DEFAULT_MODELS) await benchModel(m);
