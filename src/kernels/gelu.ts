// GELU: exact 0.5 x erfc(-x / sqrt 2), or with `approximate` the tanh form
// 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), rounding each step to float as TFLite does.
// float32; uint8/int8 through a 256-entry table of the float function.
import type { GeluOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, type QuantizedTable, lookupTable, prepareTable } from './util/quantized.js';

const f = Math.fround;
const SQRT_2_OVER_PI = f(Math.sqrt(2 / Math.PI));
const NEG_SQRT1_2 = f(-Math.SQRT1_2);
const C = f(0.044715);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * The complementary error function to about double precision: the Maclaurin series of erf below
 * |x| = 2 (where erfc > 4e-3, so 1 - erf loses no float precision), Laplace's continued fraction
 * (80 terms, converged from 1.5 on) above it.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  let v: number;
  if (ax < 2) {
    // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
    const x2 = ax * ax;
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * sum) break;
    }
    v = 1 - TWO_OVER_SQRT_PI * sum;
  } else {
    // erfc(x) = e^(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))), summed from the tail.
    let cf = ax;
    for (let k = 80; k >= 1; k--) cf = ax + k / 2 / cf;
    v = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / cf;
  }
  return x < 0 ? 2 - v : v;
}

export function geluValue(v: number): number {
  return f(f(0.5 * v) * f(erfc(f(v * NEG_SQRT1_2))));
}

export function geluApproximateValue(v: number): number {
  const cube = f(f(f(C * v) * v) * v);
  const inner = f(SQRT_2_OVER_PI * f(v + cube));
  return f(f(0.5 * v) * f(1 + f(Math.tanh(inner))));
}

export function gelu(x: Float32Array, out: Float32Array, approximate: boolean): void {
  const fn = approximate ? geluApproximateValue : geluValue;
  for (let i = 0; i < out.length; i++) out[i] = fn(x[i]!);
}

export const GELU: KernelRegistration<QuantizedTable | null, GeluOptions> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'uint8', 'int8']);
    if (ctx.input(0).dtype === 'float32') return null;
    return prepareTable(ctx, ctx.options.approximate ? geluApproximateValue : geluValue);
  },
  eval(ctx, lut) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (lut !== null) lookupTable(x as QuantizedArray, lut, out as QuantizedArray);
    else gelu(x as Float32Array, out as Float32Array, !!ctx.options.approximate);
  },
};
