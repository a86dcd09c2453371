// EXP: e^x. float32; int8 and int16 through TFLite's tables of the float function (int16: 513
// interpolated entries, zero points baked in).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, type QuantizedTable, lookupTable, prepareTable } from './util/quantized.js';

export function exp(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(x[i]!);
}

const expFloat = (v: number): number => Math.fround(Math.exp(v));

export const EXP: KernelRegistration<QuantizedTable | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int8', 'int16']);
    return ctx.input(0).dtype === 'float32' ? null : prepareTable(ctx, expFloat);
  },
  eval(ctx, lut) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (lut !== null) lookupTable(x as QuantizedArray, lut, out as QuantizedArray);
    else exp(x as Float32Array, out as Float32Array);
  },
};
