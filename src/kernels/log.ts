// LOG: natural logarithm. float32 (NaN below 0, -inf at 0); int8 and int16 (zero points 0) through
// TFLite's tables of the float function, inputs at or below 0 mapping to the output's minimum.
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import {
  type QuantizedArray, type QuantizedTable, lookupTable, prepareTable, requireQuantized, requireZeroPointZero,
} from './util/quantized.js';

export function log(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.log(x[i]!);
}

export const LOG: KernelRegistration<QuantizedTable | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int8', 'int16']);
    const x = ctx.input(0);
    if (x.dtype === 'float32') return null;
    const out = ctx.output(0);
    const output = requireQuantized(ctx, out);
    if (x.dtype === 'int16') {
      requireZeroPointZero(ctx, x);
      requireZeroPointZero(ctx, out);
    }
    // The real value of the output type's minimum, in float32.
    const min = Math.fround(((x.dtype === 'int8' ? -128 : -32768) - output.zeroPoint) * output.scale);
    return prepareTable(ctx, (v) => (v <= 0 ? min : Math.fround(Math.log(v))));
  },
  eval(ctx, lut) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (lut !== null) lookupTable(x as QuantizedArray, lut, out as QuantizedArray);
    else log(x as Float32Array, out as Float32Array);
  },
};
