// DIV: a / b with numpy broadcasting and a fused activation: float32, int32, and quantized uint8 /
// int8 / int16 (div.cc). Integer division truncates toward zero and fails on a zero divisor, as
// TFLite does (quantized: a divisor equal to its zero point); float division by zero gives +-inf (or
// NaN for 0/0).
import type { DivOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import {
  type BroadcastPlan, clamp, floatActivationRange, int32ActivationRange, mapBinary, prepareBinary,
} from './util/elementwise.js';
import {
  type QuantizedArray, activationRange, multiplierOf, multiplySmallerThanOneExpAnyShift, requireQuantized,
} from './util/quantized.js';
import {
  countLeadingSignBits, floatToInt32, getReciprocal, multiplyByQuantizedMultiplierGreaterThanOne, tfliteRound,
} from './util/quant_math.js';

export function divFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array, activation: number): void {
  const [lo, hi] = floatActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(x / y, lo, hi));
}

/** The divisor must hold no zero. */
export function divInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp((x / y) | 0, lo, hi));
}

export interface DivQuantParams {
  readonly input1Offset: number;
  readonly input2Offset: number;
  readonly outputOffset: number;
  readonly multiplier: number;
  readonly shift: number;
  readonly actMin: number;
  readonly actMax: number;
  readonly input1: { scale: number; zeroPoint: number };
  readonly input2: { scale: number; zeroPoint: number };
  readonly output: { scale: number; zeroPoint: number };
}

/**
 * Quantized DIV (DivElementwise): the offset numerator times the divisor's fixed-point reciprocal
 * (signs moved onto the numerator), normalised by the numerator's headroom, then rescaled by
 * s1 / (s2 * s_out) and clamped. No divisor may equal its zero point.
 */
export function divQuantized(plan: BroadcastPlan, a: QuantizedArray, b: QuantizedArray, out: QuantizedArray, p: DivQuantParams): void {
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    let num = p.input1Offset + x;
    let den = p.input2Offset + y;
    if (den < 0) {
      num = -num;
      den = -den;
    }
    const { reciprocal, numBitsOverUnit } = getReciprocal(den, 31);
    const headroom = countLeadingSignBits(num);
    const quotient = multiplyByQuantizedMultiplierGreaterThanOne(num, reciprocal, headroom);
    const totalShift = p.shift - numBitsOverUnit - headroom;
    const v = p.outputOffset + multiplySmallerThanOneExpAnyShift(quotient, p.multiplier, totalShift);
    return v < p.actMin ? p.actMin : v > p.actMax ? p.actMax : v;
  });
}

/** int16 DIV without broadcasting (EvalDiv16AffineFloat): dequantized in float, divided, requantized. */
export function divInt16Float(a: Int16Array, b: Int16Array, out: Int16Array, p: DivQuantParams): void {
  const f = Math.fround;
  for (let i = 0; i < out.length; i++) {
    const lhs = f((a[i]! - p.input1.zeroPoint) * p.input1.scale);
    const rhs = f((b[i]! - p.input2.zeroPoint) * p.input2.scale);
    const q = floatToInt32(tfliteRound(f(f(lhs / rhs) / p.output.scale))) + p.output.zeroPoint;
    out[i] = q < p.actMin ? p.actMin : q > p.actMax ? p.actMax : q;
  }
}

interface DivData {
  plan: BroadcastPlan;
  quant: DivQuantParams | null;
}

export const DIV: KernelRegistration<DivData, DivOptions> = {
  prepare(ctx) {
    const plan = prepareBinary(ctx, ['float32', 'int32', 'uint8', 'int8', 'int16']);
    const a = ctx.input(0);
    if (a.dtype === 'float32' || a.dtype === 'int32') return { plan, quant: null };
    const b = ctx.input(1);
    const out = ctx.output(0);
    const input1 = requireQuantized(ctx, a);
    const input2 = requireQuantized(ctx, b);
    const output = requireQuantized(ctx, out);
    const [actMin, actMax] = activationRange(out, ctx.options.fusedActivationFunction);
    // s1 / (s2 * s_out) in float, as TFLite computes it.
    const m = multiplierOf(ctx, Math.fround(a.scale / Math.fround(b.scale * out.scale)));
    return {
      plan,
      quant: {
        input1Offset: -a.zeroPoint, input2Offset: -b.zeroPoint, outputOffset: out.zeroPoint,
        multiplier: m.multiplier, shift: m.shift, actMin, actMax, input1, input2, output,
      },
    };
  },
  eval(ctx, { plan, quant }) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const act = ctx.options.fusedActivationFunction;
    if (a.dtype === 'float32') {
      divFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array, act);
    } else if (quant === null) {
      if ((b.data as Int32Array).includes(0)) ctx.fail('division by zero');
      divInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array, act);
    } else {
      if ((b.data as Int8Array).includes(quant.input2.zeroPoint)) ctx.fail('division by zero');
      const broadcast = plan.index.some((ix) => ix !== null);
      if (a.dtype === 'int16' && !broadcast) divInt16Float(a.data as Int16Array, b.data as Int16Array, out as Int16Array, quant);
      else divQuantized(plan, a.data as QuantizedArray, b.data as QuantizedArray, out as QuantizedArray, quant);
    }
  },
};
