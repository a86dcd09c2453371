// Helpers shared by the SIMD-tier tests (test/simd*.test.mjs): running a built case on an
// interpreter, instrumenting tier kernels to count which path ran, and comparing the SIMD tier's
// outputs against the reference tier's.
import assert from 'node:assert/strict';
import { Interpreter, createSimdResolver } from '../../dist/index.js';
import { buildCase } from './model_builder.mjs';

export const pick = (next, xs) => xs[next() % xs.length];

/** Runs a built model on a fresh interpreter with `inputs` (buildCase's); returns every output. */
export function run(bytes, inputs, options) {
  const it = new Interpreter(bytes, options);
  it.allocateTensors();
  const details = it.getInputDetails();
  inputs.forEach((x, i) => it.setTensor(details[i].index, x.values));
  it.invoke();
  return it.getOutputDetails().map((d) => it.getTensor(d.index));
}

/** Builds case `c` and runs it with `ours` (interpreter options) and on `refResolver`. */
export function runBothTiers(c, ours, refResolver) {
  const built = buildCase(c);
  return {
    ours: run(built.bytes, built.inputs, ours),
    ref: run(built.bytes, built.inputs, { opResolver: refResolver }),
  };
}

export const newCounts = () => ({ simdPrepared: 0, refPrepared: 0, simdEvals: 0 });

/**
 * Wraps a tier kernel to count, in `counts`, prepares that chose wasm (`isSimd(data)`) and evals
 * that ran it (input `input` in the wasm memory).
 */
export function watchKernel(kernel, wasm, counts, { input = 0, isSimd = (d) => d.simd !== null } = {}) {
  return {
    prepare(ctx) {
      const d = kernel.prepare(ctx);
      if (isSimd(d)) counts.simdPrepared++;
      else counts.refPrepared++;
      return d;
    },
    eval(ctx, d) {
      if (isSimd(d) && ctx.input(input).data.buffer === wasm.memory.buffer) counts.simdEvals++;
      kernel.eval(ctx, d);
    },
  };
}

/** Makes `resolver.findBuiltin` return `wrap(kernel)` for the builtin codes in `codes`. */
export function wrapBuiltins(resolver, codes, wrap) {
  const find = resolver.findBuiltin.bind(resolver);
  resolver.findBuiltin = (code, version) => {
    const k = find(code, version);
    return codes.has(code) ? wrap(k) : k;
  };
  return resolver;
}

/**
 * The largest difference of `ours` from `ref` relative to max(1, max|reference|) (Infinity where
 * one side is NaN). With `skipEqual`, identical values (infinities, NaN with NaN) count as no
 * difference and non-finite reference values do not enter the maximum. `message` labels the
 * output-length check.
 */
export function worstRelativeDiff(ours, ref, { skipEqual = false, message } = {}) {
  let worst = 0;
  ref.forEach((r, k) => {
    assert.equal(ours[k].length, r.length, message);
    let maxRef = 0;
    for (const v of r) if (!skipEqual || Number.isFinite(v)) maxRef = Math.max(maxRef, Math.abs(v));
    for (let i = 0; i < r.length; i++) {
      if (skipEqual && (Object.is(ours[k][i], r[i]) || ours[k][i] === r[i])) continue;
      const d = Math.abs(ours[k][i] - r[i]) / Math.max(1, maxRef);
      if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
    }
  });
  return worst;
}

/** A SIMD resolver over `wasm` whose wasm exports count their calls (`calls[name]`). */
export function countingResolver(wasm) {
  const calls = {};
  const exports = {};
  for (const [name, fn] of Object.entries(wasm.exports)) {
    exports[name] = typeof fn !== 'function' ? fn : (...args) => {
      calls[name] = (calls[name] ?? 0) + 1;
      return fn(...args);
    };
  }
  return { resolver: createSimdResolver({ ...wasm, exports }), calls };
}
