// ELU: x < 0 ? e^x - 1 : x. float32; int8 through a 256-entry table of the float function, built
// as the official runtime's XNNPACK delegate builds it (util/xnnpack.ts: ties rounded to even).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, type QuantizedTable, lookupTable, requireQuantized } from './util/quantized.js';
import { xnnLut8 } from './util/xnnpack.js';

export function elu(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) {
    const v = x[i]!;
    out[i] = v < 0 ? Math.expm1(v) : v;
  }
}

const eluFloat = (v: number): number => (v < 0 ? Math.fround(Math.expm1(v)) : v);

export const ELU: KernelRegistration<QuantizedTable | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int8']);
    const x = ctx.input(0);
    if (x.dtype !== 'int8') return null;
    requireQuantized(ctx, x);
    requireQuantized(ctx, ctx.output(0));
    return xnnLut8('int8', x, ctx.output(0), eluFloat);
  },
  eval(ctx, lut) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (lut !== null) lookupTable(x as QuantizedArray, lut, out as QuantizedArray);
    else elu(x as Float32Array, out as Float32Array);
  },
};
