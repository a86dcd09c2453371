// SUB: a - b with numpy broadcasting and a fused activation: float32, int32, int64, and quantized
// uint8 / int8 / int16: XNNPACK's arithmetic where the official runtime delegates the op to it (8-bit,
// see util/xnnpack.ts), TFLite's sub.cc rescaling otherwise.
import type { SubOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import {
  type BroadcastPlan, clamp, clampBig, floatActivationRange, int32ActivationRange, int64ActivationRange, mapBinary,
  prepareBinary,
} from './util/elementwise.js';
import { type AddSubParams, type QuantizedArray, addSubGeneral, prepareAddSub, requireQuantized } from './util/quantized.js';
import { roundingDivideByPOT } from './util/quant_math.js';
import { type XnnAddParams, xnnAdd, xnnAddParams } from './util/xnnpack.js';

export function subFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array, activation: number): void {
  const [lo, hi] = floatActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(x - y, lo, hi));
}

export function subInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp((x - y) | 0, lo, hi));
}

export function subInt64(plan: BroadcastPlan, a: BigInt64Array, b: BigInt64Array, out: BigInt64Array, activation: number): void {
  const [lo, hi] = int64ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clampBig(BigInt.asIntN(64, x - y), lo, hi));
}

/** Quantized uint8/int8/int16 SUB (general rescaling, or int16's power-of-two path). */
export function subQuantized(plan: BroadcastPlan, a: QuantizedArray, b: QuantizedArray, out: QuantizedArray, p: AddSubParams): void {
  if (p.pot) subInt16PowerOfTwo(plan, a as Int16Array, b as Int16Array, out as Int16Array, p);
  else addSubGeneral(plan, a, b, out, p, -1);
}

/** int16 power-of-two SUB: both inputs rounded right onto the output scale, subtracted, clamped. */
export function subInt16PowerOfTwo(plan: BroadcastPlan, a: Int16Array, b: Int16Array, out: Int16Array, p: AddSubParams): void {
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const d = roundingDivideByPOT(x, -p.input1Shift) - roundingDivideByPOT(y, -p.input2Shift);
    return d < p.actMin ? p.actMin : d > p.actMax ? p.actMax : d;
  });
}

interface SubData {
  plan: BroadcastPlan;
  quant: AddSubParams | null;
  xnn: XnnAddParams | null;
}

export const SUB: KernelRegistration<SubData, SubOptions> = {
  prepare(ctx) {
    const plan = prepareBinary(ctx, ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16']);
    const a = ctx.input(0);
    if (a.dtype !== 'uint8' && a.dtype !== 'int8' && a.dtype !== 'int16') return { plan, quant: null, xnn: null };
    for (const t of [a, ctx.input(1), ctx.output(0)]) requireQuantized(ctx, t);
    const act = ctx.options.fusedActivationFunction;
    const quant = prepareAddSub(ctx, true, act, ctx.options.potScaleInt16);
    return { plan, quant, xnn: xnnAddParams(a, ctx.input(1), ctx.output(0), act, true) };
  },
  eval(ctx, { plan, quant, xnn }) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const act = ctx.options.fusedActivationFunction;
    if (xnn !== null) xnnAdd(plan, a.data as Int8Array, b.data as Int8Array, out as Int8Array, xnn);
    else if (quant !== null) subQuantized(plan, a.data as QuantizedArray, b.data as QuantizedArray, out as QuantizedArray, quant);
    else if (a.dtype === 'float32') subFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array, act);
    else if (a.dtype === 'int32') subInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array, act);
    else subInt64(plan, a.data as BigInt64Array, b.data as BigInt64Array, out as BigInt64Array, act);
  },
};
