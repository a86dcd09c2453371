// RSQRT: 1 / sqrt(x). float32, both steps in float; int8 with TFLite's fixed-point inverse square
// root; int16 (zero points 0) through a 513-entry table (elementwise.cc). Quantized inputs below the
// zero point fail.
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import {
  type QuantizedArray, lookupTable, multiplierOf, prepareTable, unaryQuantization,
} from './util/quantized.js';
import { getInvSqrtQuantizedMultiplierExp, multiplyByQuantizedMultiplier } from './util/quant_math.js';

export function rsqrt(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = 1 / Math.fround(Math.sqrt(x[i]!));
}

/** Shift keeping the intermediate 1/sqrt value an integer. */
const K_SHIFT = 20;

/**
 * int8: 1/sqrt(x - zero point) as a multiplier (0 maps to the maximum), applied to 1 with 20 extra
 * bits, then rescaled by 1 / (sqrt(s_in) * s_out) without them.
 */
export function rsqrtInt8(x: Int8Array, out: Int8Array, inputOffset: number, outputOffset: number, multiplier: number, shift: number): void {
  for (let i = 0; i < out.length; i++) {
    const v = x[i]! - inputOffset;
    if (v === 0) {
      out[i] = 127;
      continue;
    }
    const inv = getInvSqrtQuantizedMultiplierExp(v, -1);
    const data = multiplyByQuantizedMultiplier(1, inv.multiplier, inv.shift + K_SHIFT);
    const r = multiplyByQuantizedMultiplier(data, multiplier, shift - K_SHIFT) + outputOffset;
    out[i] = r < -128 ? -128 : r > 127 ? 127 : r;
  }
}

type RsqrtData =
  | { kind: 'float' }
  | { kind: 'int8'; inputOffset: number; outputOffset: number; multiplier: number; shift: number }
  | { kind: 'int16'; lut: Int16Array };

export const RSQRT: KernelRegistration<RsqrtData> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int8', 'int16']);
    const x = ctx.input(0);
    if (x.dtype === 'float32') return { kind: 'float' };
    const { input, output } = unaryQuantization(ctx);
    if (x.dtype === 'int16') {
      // Non-positive inputs give the output's maximum.
      const max = Math.fround(32767 * output.scale);
      return { kind: 'int16', lut: prepareTable(ctx, (v) => (v <= 0 ? max : Math.fround(1 / Math.fround(Math.sqrt(v))))) as Int16Array };
    }
    // 1 / (sqrt(s_in) * s_out), the product in float.
    const m = multiplierOf(ctx, 1 / Math.fround(Math.fround(Math.sqrt(input.scale)) * output.scale));
    return { kind: 'int8', inputOffset: input.zeroPoint, outputOffset: output.zeroPoint, multiplier: m.multiplier, shift: m.shift };
  },
  eval(ctx, data) {
    const x = ctx.input(0);
    const out = ctx.output(0).data;
    if (data.kind === 'float') {
      rsqrt(x.data as Float32Array, out as Float32Array);
      return;
    }
    const zeroPoint = x.zeroPoint;
    for (const v of x.data as Int8Array) if (v < zeroPoint) ctx.fail('RSQRT is only defined for positive values');
    if (data.kind === 'int8') rsqrtInt8(x.data as Int8Array, out as Int8Array, data.inputOffset, data.outputOffset, data.multiplier, data.shift);
    else lookupTable(x.data as QuantizedArray, data.lut, out as QuantizedArray);
  },
};
