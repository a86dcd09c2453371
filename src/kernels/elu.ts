// ELU: x < 0 ? e^x - 1 : x. float32; int8 through a 256-entry table of the float function.
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, type QuantizedTable, lookupTable, prepareTable } from './util/quantized.js';

export function elu(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, (v) => (v < 0 ? Math.expm1(v) : v));
}

const eluFloat = (v: number): number => (v < 0 ? Math.fround(Math.expm1(v)) : v);

export const ELU: KernelRegistration<QuantizedTable | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int8']);
    return ctx.input(0).dtype === 'int8' ? prepareTable(ctx, eluFloat) : null;
  },
  eval(ctx, lut) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (lut !== null) lookupTable(x as QuantizedArray, lut, out as QuantizedArray);
    else elu(x as Float32Array, out as Float32Array);
  },
};
