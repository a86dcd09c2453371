// HARD_SWISH: x * relu6(x + 3) / 6. float32, each step rounded to float as TFLite computes it; uint8 /
// int8 with reference_ops::HardSwish's 16-bit fixed point (activations.cc HardSwishPrepare params).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import { checkedMultiplier, requireQuantized } from './util/quantized.js';
import {
  downScaleInt32ToInt16Multiplier, quantizeMultiplier, quantizedRange, saturatingRoundingDoublingHighMul16,
} from './util/quant_math.js';

const f = Math.fround;

export function hardSwishValue(v: number): number {
  const t = f(v + 3);
  const r = t < 0 ? 0 : t > 6 ? 6 : t;
  return f(f(v * r) / 6);
}

export function hardSwish(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = hardSwishValue(x[i]!);
}

/** HardSwishParams. */
export interface HardSwishParams {
  readonly inputZeroPoint: number;
  readonly outputZeroPoint: number;
  /** Q0.15 multiplier and exponent from the 2^-7 "hires" input scale to the output scale. */
  readonly outputMultiplier: number;
  readonly outputExponent: number;
  /** Q0.15 multiplier and exponent from the hires input scale to 3/32768 (where 3.0 maps to 32768). */
  readonly reluishMultiplier: number;
  readonly reluishExponent: number;
  readonly qmin: number;
  readonly qmax: number;
}

const clamp16 = (v: number): number => (v > 32767 ? 32767 : v < -32768 ? -32768 : v);
const wrap16 = (v: number): number => (v << 16) >> 16;

/** gemmlowp's RoundingDivideByPOT on int16 values, whose mask (1ll << exponent) - 1 is cut to 16 bits. */
function roundingDivideByPOT16(x: number, exponent: number): number {
  const mask = exponent < 16 ? (1 << exponent) - 1 : -1;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + ((x & mask) > threshold ? 1 : 0);
}

/** SaturatingDoublingHighMul on int16 (ARM SQDMULH): (a * b) / 2^15 truncated toward zero. */
function saturatingDoublingHighMul16(a: number, b: number): number {
  if (a === -32768 && b === -32768) return 32767;
  return wrap16(Math.trunc((a * b) / 32768));
}

/**
 * Quantized hard swish: the input on a 2^7 finer scale, its "relu-ish" factor (x + 3) / 6 in [0, 1]
 * as Q0.15 (saturating rescale, then mapped from [-1, 1]), their product, and the output shift.
 */
export function hardSwishQuantized(x: Uint8Array | Int8Array, out: Uint8Array | Int8Array, p: HardSwishParams): void {
  for (let i = 0; i < out.length; i++) {
    const hires = wrap16((x[i]! - p.inputZeroPoint) * 128);
    const preshiftOutput = saturatingRoundingDoublingHighMul16(hires, p.outputMultiplier);
    let reluish = hires;
    if (p.reluishExponent > 0) reluish = clamp16(reluish * 2 ** (p.reluishExponent - 1));
    reluish = saturatingRoundingDoublingHighMul16(reluish, p.reluishMultiplier);
    if (p.reluishExponent > 0) reluish = clamp16(reluish * 2);
    if (p.reluishExponent < 0) reluish = roundingDivideByPOT16(reluish, -p.reluishExponent);
    reluish = (reluish + 32768) >> 1;
    const preshift = saturatingDoublingHighMul16(reluish, preshiftOutput);
    let v = wrap16(roundingDivideByPOT16(preshift, -p.outputExponent) + p.outputZeroPoint);
    v = v > p.qmax ? p.qmax : v < p.qmin ? p.qmin : v;
    out[i] = v;
  }
}

export const HARD_SWISH: KernelRegistration<HardSwishParams | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'uint8', 'int8']);
    const x = ctx.input(0);
    if (x.dtype === 'float32') return null;
    const input = requireQuantized(ctx, x);
    const output = requireQuantized(ctx, ctx.output(0));
    // float32 arithmetic, as HardSwishPrepare computes the ratios.
    const hiresInputScale = f(f(1 / 128) * input.scale);
    const outputReal = f(hiresInputScale / output.scale);
    const reluishReal = f(hiresInputScale / f(3 / 32768));
    const om = checkedMultiplier(ctx, quantizeMultiplier(outputReal), outputReal);
    const rm = checkedMultiplier(ctx, quantizeMultiplier(reluishReal), reluishReal);
    if (om.shift > 0) ctx.fail(`output scale ${output.scale} is too small for the input scale ${input.scale}`);
    const [qmin, qmax] = quantizedRange(x.dtype as 'uint8' | 'int8');
    return {
      inputZeroPoint: input.zeroPoint, outputZeroPoint: output.zeroPoint,
      outputMultiplier: downScaleInt32ToInt16Multiplier(om.multiplier), outputExponent: om.shift,
      reluishMultiplier: downScaleInt32ToInt16Multiplier(rm.multiplier), reluishExponent: rm.shift,
      qmin, qmax,
    };
  },
  eval(ctx, quant) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (quant !== null) hardSwishQuantized(x as Int8Array, out as Int8Array, quant);
    else hardSwish(x as Float32Array, out as Float32Array);
  },
};
