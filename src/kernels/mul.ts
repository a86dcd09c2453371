// MUL: a * b with numpy broadcasting and a fused activation: float32, int32, int64, int16 without
// quantization, quantized uint8 / int8 / int16 (XNNPACK's float32 requantization where the official
// runtime delegates the 8-bit op to it, see util/xnnpack.ts; else mul.cc: one fixed-point multiplier
// s1 * s2 / s_out), and int16 inputs in Q0.15 with a uint8/int8 output (the LSTM fixed-point
// product, no broadcasting).
import type { MulOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkType, sameShape } from './kernel_util.js';
import {
  type BroadcastPlan, clamp, clampBig, floatActivationRange, int32ActivationRange, int64ActivationRange, mapBinary,
  planBroadcast,
} from './util/elementwise.js';
import {
  type QuantizedArray, activationRange, isQuantized, multiplierOf, requireQuantized, requireZeroPointZero,
} from './util/quantized.js';
import { multiplyByQuantizedMultiplier, roundingDivideByPOT, saturatingRoundingDoublingHighMul16 } from './util/quant_math.js';
import { type XnnMulParams, xnnMul, xnnMulParams } from './util/xnnpack.js';

export function mulFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array, activation: number): void {
  const [lo, hi] = floatActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(x * y, lo, hi));
}

export function mulInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(Math.imul(x, y), lo, hi));
}

/** Non-quantized int16: the result wraps to int16 before the activation clamps it. */
export function mulInt16(plan: BroadcastPlan, a: Int16Array, b: Int16Array, out: Int16Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp((Math.imul(x, y) << 16) >> 16, lo, hi));
}

export function mulInt64(plan: BroadcastPlan, a: BigInt64Array, b: BigInt64Array, out: BigInt64Array, activation: number): void {
  const [lo, hi] = int64ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clampBig(BigInt.asIntN(64, x * y), lo, hi));
}

export interface MulQuantParams {
  readonly input1Offset: number;
  readonly input2Offset: number;
  readonly outputOffset: number;
  readonly multiplier: number;
  readonly shift: number;
  readonly actMin: number;
  readonly actMax: number;
}

/** Quantized MUL (same type in and out): the offset inputs' product rescaled to the output, clamped. */
export function mulQuantized(plan: BroadcastPlan, a: QuantizedArray, b: QuantizedArray, out: QuantizedArray, p: MulQuantParams): void {
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const v = p.outputOffset + multiplyByQuantizedMultiplier((p.input1Offset + x) * (p.input2Offset + y), p.multiplier, p.shift);
    return v < p.actMin ? p.actMin : v > p.actMax ? p.actMax : v;
  });
}

/**
 * int16 x int16 → uint8/int8: the Q0.15 product (rounding doubling high mul) rounded right by 8 bits,
 * clamped to the activation range around the output zero point.
 */
export function mulInt16To8(a: Int16Array, b: Int16Array, out: Uint8Array | Int8Array, p: MulQuantParams): void {
  const lo = p.actMin - p.outputOffset;
  const hi = p.actMax - p.outputOffset;
  for (let i = 0; i < out.length; i++) {
    const r = roundingDivideByPOT(saturatingRoundingDoublingHighMul16(a[i]!, b[i]!), 8);
    out[i] = p.outputOffset + (r > hi ? hi : r < lo ? lo : r);
  }
}

type MulPath = 'plain' | 'quantized' | 'int16To8';

interface MulData {
  plan: BroadcastPlan;
  path: MulPath;
  quant: MulQuantParams | null;
  xnn: XnnMulParams | null;
}

function quantParams(ctx: OpContext<MulOptions>, path: MulPath): MulQuantParams {
  const a = ctx.input(0);
  const b = ctx.input(1);
  const out = ctx.output(0);
  requireQuantized(ctx, out);
  if (path === 'quantized') {
    requireQuantized(ctx, a);
    requireQuantized(ctx, b);
    // int16 products would overflow int32 with offsets: TFLite takes symmetric int16 only.
    if (a.dtype === 'int16') for (const t of [a, b, out]) requireZeroPointZero(ctx, t);
  }
  const [actMin, actMax] = activationRange(out, ctx.options.fusedActivationFunction);
  // s1 * s2 / s_out in float, as TFLite computes it.
  const m = path === 'quantized' ? multiplierOf(ctx, Math.fround(Math.fround(a.scale * b.scale) / out.scale)) : { multiplier: 0, shift: 0 };
  return {
    input1Offset: -a.zeroPoint, input2Offset: -b.zeroPoint, outputOffset: out.zeroPoint,
    multiplier: m.multiplier, shift: m.shift, actMin, actMax,
  };
}

export const MUL: KernelRegistration<MulData, MulOptions> = {
  prepare(ctx) {
    if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0);
    checkType(ctx, a, 'float32', 'int32', 'int64', 'int16', 'uint8', 'int8');
    if (b.dtype !== a.dtype) ctx.fail(`input types differ: ${a.dtype} and ${b.dtype}`);
    let path: MulPath = 'plain';
    if (a.dtype === 'int16' && (out.dtype === 'uint8' || out.dtype === 'int8')) {
      path = 'int16To8';
      if (!sameShape(a.shape, b.shape)) ctx.fail(`int16 → ${out.dtype} MUL does not broadcast: [${a.shape}] vs [${b.shape}]`);
    } else {
      checkType(ctx, out, a.dtype);
      if (a.dtype === 'uint8' || a.dtype === 'int8' || (a.dtype === 'int16' && isQuantized(out))) path = 'quantized';
    }
    const plan = planBroadcast(ctx, [a, b]);
    const quant = path === 'plain' ? null : quantParams(ctx, path);
    const xnn = path === 'quantized' ? xnnMulParams(a, b, out, ctx.options.fusedActivationFunction) : null;
    return { plan, path, quant, xnn };
  },
  eval(ctx, { plan, path, quant, xnn }) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const act = ctx.options.fusedActivationFunction;
    if (xnn !== null) xnnMul(plan, a.data as Int8Array, b.data as Int8Array, out as Int8Array, xnn);
    else if (path === 'quantized') mulQuantized(plan, a.data as QuantizedArray, b.data as QuantizedArray, out as QuantizedArray, quant!);
    else if (path === 'int16To8') mulInt16To8(a.data as Int16Array, b.data as Int16Array, out as Int8Array, quant!);
    else if (a.dtype === 'float32') mulFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array, act);
    else if (a.dtype === 'int32') mulInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array, act);
    else if (a.dtype === 'int16') mulInt16(plan, a.data as Int16Array, b.data as Int16Array, out as Int16Array, act);
    else mulInt64(plan, a.data as BigInt64Array, b.data as BigInt64Array, out as BigInt64Array, act);
  },
};
