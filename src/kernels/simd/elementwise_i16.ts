// ADD / SUB, QUANTIZE and MEAN, SIMD tier, 16x8 (wasm/assembly/elementwise_i16.ts), bit-exact with
// the reference kernels: quantized int16 ADD/SUB on the general path with inputs of one shape;
// float32 → int16 QUANTIZE per tensor; int16 MEAN over contiguous axes with a constant axis tensor.
// Everything else (broadcasting, the power-of-two ADD, per-channel QUANTIZE, other axes) runs the
// reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { AddOptions, ReducerOptions, SubOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { ADD } from '../add.js';
import { SUB } from '../sub.js';
import { QUANTIZE } from '../quantize.js';
import { MEAN } from '../mean.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';

interface I16ElementwiseExports {
  i16_addsub(
    a: number, b: number, out: number, count: number, sub: number,
    m1: number, e1: number, m2: number, e2: number, mo: number, eo: number, lo: number, hi: number,
  ): void;
  i16_quantize(x: number, out: number, count: number, scale: number, zp: number, lo: number, hi: number): void;
  i16_mean(
    input: number, output: number, sums: number, o0: number, rows: number, reduce: number, inner: number,
    m: number, shift: number, offset: number, bias: number, lo: number, hi: number,
  ): void;
}

const exportsOf = (wasm: WasmKernels): I16ElementwiseExports => wasm.exports as unknown as I16ElementwiseExports;

interface AddSubI16 {
  sub: number;
  m1: number; e1: number; m2: number; e2: number; mo: number; eo: number;
  lo: number; hi: number;
}

const isShift = (e: number): boolean => e >= 0 && e <= 31;
const isMultiplier = (m: number): boolean => m >= 0 && m < 2 ** 31;

function addSubI16(wasm: WasmKernels, reference: typeof ADD | typeof SUB, sub: number): KernelRegistration {
  const x = exportsOf(wasm);
  return simdKernel<ReturnType<typeof ADD.prepare>, AddSubI16>(wasm, reference as typeof ADD, {
    inPlace: [0, 1],
    prepare(ctx: OpContext<AddOptions | SubOptions>, ref) {
      const q = ref.quant;
      const a = ctx.input(0), b = ctx.input(1), out = ctx.output(0);
      if (q === null || q.pot || ref.xnn !== null || a.dtype !== 'int16' || b.dtype !== 'int16' || out.dtype !== 'int16') return null;
      if (ref.plan.index.some((ix) => ix !== null) || !inHeapAtEval(a) || !inHeapAtEval(b)) return null; // broadcasting
      if (q.leftShift !== 15 || q.input1Offset !== 0 || q.input2Offset !== 0 || q.outputOffset !== 0) return null;
      const e1 = -q.input1Shift, e2 = -q.input2Shift, eo = -q.outputShift;
      if (![e1, e2, eo].every(isShift) || ![q.input1Multiplier, q.input2Multiplier, q.outputMultiplier].every(isMultiplier)) return null;
      return {
        sub, m1: q.input1Multiplier, e1, m2: q.input2Multiplier, e2, mo: q.outputMultiplier, eo, lo: q.actMin, hi: q.actMax,
      };
    },
    eval(ctx, d) {
      const out = ctx.output(0);
      x.i16_addsub(
        ctx.input(0).heapByteOffset, ctx.input(1).heapByteOffset, out.heapByteOffset, out.size, d.sub,
        d.m1, d.e1, d.m2, d.e2, d.mo, d.eo, d.lo, d.hi,
      );
    },
  });
}

export const addI16 = (wasm: WasmKernels): KernelRegistration => addSubI16(wasm, ADD, 0);
export const subI16 = (wasm: WasmKernels): KernelRegistration => addSubI16(wasm, SUB, 1);

interface QuantizeI16 {
  scale: number;
  zeroPoint: number;
  lo: number;
  hi: number;
}

/** QUANTIZE float32 → int16 (per tensor). */
export function quantizeI16(wasm: WasmKernels): KernelRegistration {
  const x = exportsOf(wasm);
  return simdKernel<ReturnType<typeof QUANTIZE.prepare>, QuantizeI16>(wasm, QUANTIZE, {
    inPlace: [0],
    prepare(ctx, ref) {
      const input = ctx.input(0);
      if (ref.kind !== 'affine' || input.dtype !== 'float32' || ctx.output(0).dtype !== 'int16' || !inHeapAtEval(input)) return null;
      return { scale: ref.scale, zeroPoint: ref.zeroPoint, lo: ref.qmin, hi: ref.qmax };
    },
    eval(ctx, d) {
      const out = ctx.output(0);
      x.i16_quantize(ctx.input(0).heapByteOffset, out.heapByteOffset, out.size, d.scale, d.zeroPoint, d.lo, d.hi);
    },
  });
}

interface MeanI16 {
  outer: number;
  reduce: number;
  inner: number;
  multiplier: number;
  shift: number;
  offset: number;
  bias: number;
  lo: number;
  hi: number;
  scratch: Scratch;
}

/** MEAN of int16 over contiguous axes (e.g. H and W of NHWC), the axis tensor constant. */
export function meanI16(wasm: WasmKernels): KernelRegistration {
  const x = exportsOf(wasm);
  return simdKernel<ReturnType<typeof MEAN.prepare>, MeanI16>(wasm, MEAN, {
    inPlace: [0],
    prepare(ctx: OpContext<ReducerOptions>, ref) {
      const input = ctx.input(0), plan = ref.plan, p = ref.quant?.params;
      if (input.dtype !== 'int16' || plan === null || p?.kind !== 'fixed' || !inHeapAtEval(input) || input.size === 0) return null;
      const axes = [...plan.axes].sort((a, b) => a - b);
      const first = axes[0], last = axes[axes.length - 1];
      if (first === undefined || last === undefined || last - first + 1 !== axes.length) return null;
      if (p.shift < -31 || p.shift > 31 || p.multiplier < 0 || p.multiplier >= 2 ** 31) return null;
      const size = (from: number, to: number): number => input.shape.slice(from, to).reduce((s, d) => s * d, 1);
      const inner = size(last + 1, input.shape.length);
      const scratch = scratchOf(wasm);
      scratch.reserve(4 * inner);
      return {
        outer: size(0, first), reduce: size(first, last + 1), inner,
        multiplier: p.multiplier, shift: p.shift, offset: p.offset, bias: p.bias, lo: p.min, hi: p.max, scratch,
      };
    },
    eval(ctx, d) {
      x.i16_mean(
        ctx.input(0).heapByteOffset, ctx.output(0).heapByteOffset, d.scratch.offset, 0, d.outer, d.reduce, d.inner,
        d.multiplier, d.shift, d.offset, d.bias, d.lo, d.hi,
      );
    },
  });
}
