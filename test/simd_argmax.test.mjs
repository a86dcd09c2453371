// The SIMD tier's ARG_MAX / ARG_MIN on int8 / uint8 along the innermost axis
// (wasm/assembly/argmax_q8.ts) and CAST int64 → int32 / uint32 (wasm/assembly/cast_i64.ts), against
// the reference kernels and a plain re-statement of the op on random shapes (short and long rows,
// many ties, trailing unit dims, int32 and int64 indices): identical outputs, and the wasm path ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuiltinOpResolver, BuiltinOperator, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { pick, runBothTiers, newCounts, watchKernel, wrapBuiltins } from './harness/simd.mjs';

const hasSimd = probeSimd();

function runCase(wasm, c, op) {
  const counts = newCounts();
  const resolver = wrapBuiltins(createSimdResolver(wasm), new Set([BuiltinOperator[op]]), (k) => watchKernel(k, wasm, counts));
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, new BuiltinOpResolver());
  assert.deepEqual([counts.refPrepared, counts.simdEvals], [0, 1], `${c.name}: the wasm kernel did not run (${JSON.stringify(counts)})`);
  return { ours: ours[0], ref: ref[0] };
}

/** The op restated: first index of the extreme along the last axis of `values` (rows of `n`). */
function expectedArg(values, n, isMax) {
  const out = [];
  for (let r = 0; r < values.length / n; r++) {
    let best = 0;
    for (let i = 1; i < n; i++) if (isMax ? values[r * n + i] > values[r * n + best] : values[r * n + i] < values[r * n + best]) best = i;
    out.push(best);
  }
  return out;
}

test('8-bit ARG_MAX / ARG_MIN on the SIMD tier give the reference indices (innermost axis, ties, int32 / int64)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(41);
  for (let k = 0; k < 160; k++) {
    const op = k % 2 ? 'ARG_MIN' : 'ARG_MAX';
    const dtype = pick(next, ['uint8', 'int8']);
    const n = pick(next, [1, 2, 7, 15, 16, 17, 21, 31, 32, 33, 48, 64, 70, 255, 300]);
    const lead = [[1 + (next() % 40)], [1 + (next() % 5), 1 + (next() % 7)], [1, 1 + (next() % 9), 1 + (next() % 9)]][next() % 3];
    const trailing = next() % 4 === 0 ? [1] : [];
    const shape = [...lead, n, ...trailing];
    const axis = lead.length - (next() % 2 ? 0 : lead.length + trailing.length + 1); // positive or negative
    // Narrow ranges give many ties (the first index must win); full ranges, the type's extremes.
    const range = pick(next, [null, [0, 3], dtype === 'int8' ? [-128, -126] : [254, 256]]);
    const outputType = pick(next, [2, 4]);
    const c = {
      name: `${op} ${dtype} [${shape}] axis ${axis} → ${outputType === 4 ? 'int64' : 'int32'}${range ? ` range [${range}]` : ''}`,
      op, options: { outputType },
      inputs: [{ dtype, shape, ...(range ? { range } : {}) }, { dtype: 'int32', shape: [], data: [axis], constant: true }],
      outputs: [{ dtype: outputType === 4 ? 'int64' : 'int32' }],
    };
    const { ours, ref } = runCase(wasm, c, op);
    assert.deepEqual(Array.from(ours, Number), Array.from(ref, Number), c.name);
    // The reference itself (it writes int64 indices as int32 words) against the op restated.
    const values = Array.from(buildCase(c).inputs[0].values);
    assert.deepEqual(Array.from(ref, Number), expectedArg(values, n, op === 'ARG_MAX'), `${c.name}: reference`);
  }
});

test('CAST int64 → int32 / uint32 on the SIMD tier keeps the low 32 bits, as the reference', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(43);
  const big = () => (BigInt(next()) << 32n | BigInt(next())) - (1n << 63n);
  for (let k = 0; k < 40; k++) {
    const n = pick(next, [1, 3, 4, 5, 8, 63, 64, 1000, 1 + (next() % 5000)]);
    const data = Array.from({ length: n }, () => pick(next, [big(), BigInt(next() % 1000) - 500n, 2n ** 31n, -(2n ** 31n) - 1n, 2n ** 32n + 7n]));
    const to = pick(next, ['int32', 'uint32']);
    const c = { name: `CAST int64 [${n}] → ${to}`, op: 'CAST', inputs: [{ dtype: 'int64', shape: [n], data }], outputs: [{ dtype: to, shape: [n] }] };
    const { ours, ref } = runCase(wasm, c, 'CAST');
    const wrap = to === 'int32' ? (v) => Number(BigInt.asIntN(32, v)) : (v) => Number(BigInt.asUintN(32, v));
    assert.deepEqual(Array.from(ref), data.map(wrap), `${c.name}: reference`);
    assert.deepEqual(Array.from(ours), Array.from(ref), c.name);
  }
});
