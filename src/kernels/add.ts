// ADD: a + b with numpy broadcasting and a fused activation: float32, int32, int64, int16 without
// quantization, and quantized uint8 / int8 / int16: XNNPACK's arithmetic where the official runtime
// delegates the op to it (8-bit, see util/xnnpack.ts), TFLite's add.cc rescaling otherwise.
import type { AddOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import {
  type BroadcastPlan, clamp, clampBig, floatActivationRange, int32ActivationRange, int64ActivationRange, mapBinary,
  prepareBinary,
} from './util/elementwise.js';
import {
  type AddSubParams, type QuantizedArray, addSubGeneral, isQuantized, prepareAddSub, requireQuantized,
} from './util/quantized.js';
import { roundingDivideByPOT } from './util/quant_math.js';
import { type XnnAddParams, xnnAdd, xnnAddParams } from './util/xnnpack.js';

export function addFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array, activation: number): void {
  const [lo, hi] = floatActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(x + y, lo, hi));
}

export function addInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp((x + y) | 0, lo, hi));
}

/** Non-quantized int16: the result wraps to int16 before the activation clamps it. */
export function addInt16(plan: BroadcastPlan, a: Int16Array, b: Int16Array, out: Int16Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(((x + y) << 16) >> 16, lo, hi));
}

export function addInt64(plan: BroadcastPlan, a: BigInt64Array, b: BigInt64Array, out: BigInt64Array, activation: number): void {
  const [lo, hi] = int64ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clampBig(BigInt.asIntN(64, x + y), lo, hi));
}

/** Quantized uint8/int8/int16 ADD (general rescaling, or int16's power-of-two path). */
export function addQuantized(plan: BroadcastPlan, a: QuantizedArray, b: QuantizedArray, out: QuantizedArray, p: AddSubParams): void {
  if (p.pot) addInt16PowerOfTwo(a as Int16Array, b as Int16Array, out as Int16Array, p);
  else addSubGeneral(plan, a, b, out, p, 1);
}

/**
 * int16 power-of-two ADD (no broadcasting): the shifted input rounded right onto the output scale,
 * then a saturating int16 add and the activation clamp.
 */
export function addInt16PowerOfTwo(a: Int16Array, b: Int16Array, out: Int16Array, p: AddSubParams): void {
  const firstShifted = p.input1Shift !== 0;
  const shifted = firstShifted ? a : b;
  const kept = firstShifted ? b : a;
  const rightShift = firstShifted ? -p.input1Shift : -p.input2Shift;
  for (let i = 0; i < out.length; i++) {
    let s = roundingDivideByPOT(shifted[i]!, rightShift) + kept[i]!;
    s = s > 32767 ? 32767 : s < -32768 ? -32768 : s;
    out[i] = s < p.actMin ? p.actMin : s > p.actMax ? p.actMax : s;
  }
}

interface AddData {
  plan: BroadcastPlan;
  quant: AddSubParams | null;
  xnn: XnnAddParams | null;
}

function prepareQuantized(ctx: OpContext<AddOptions>, plan: BroadcastPlan): AddSubParams {
  for (const t of [ctx.input(0), ctx.input(1), ctx.output(0)]) requireQuantized(ctx, t);
  const p = prepareAddSub(ctx, false, ctx.options.fusedActivationFunction, ctx.options.potScaleInt16);
  if (p.pot && plan.index.some((ix) => ix !== null)) ctx.fail('power-of-two int16 ADD does not broadcast');
  return p;
}

export const ADD: KernelRegistration<AddData, AddOptions> = {
  prepare(ctx) {
    const plan = prepareBinary(ctx, ['float32', 'int32', 'int64', 'int16', 'uint8', 'int8']);
    const a = ctx.input(0);
    const quantized = a.dtype === 'uint8' || a.dtype === 'int8' || (a.dtype === 'int16' && isQuantized(a));
    if (!quantized) return { plan, quant: null, xnn: null };
    const quant = prepareQuantized(ctx, plan);
    return { plan, quant, xnn: xnnAddParams(a, ctx.input(1), ctx.output(0), ctx.options.fusedActivationFunction, false) };
  },
  eval(ctx, { plan, quant, xnn }) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const act = ctx.options.fusedActivationFunction;
    if (xnn !== null) xnnAdd(plan, a.data as Int8Array, b.data as Int8Array, out as Int8Array, xnn);
    else if (quant !== null) addQuantized(plan, a.data as QuantizedArray, b.data as QuantizedArray, out as QuantizedArray, quant);
    else if (a.dtype === 'float32') addFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array, act);
    else if (a.dtype === 'int32') addInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array, act);
    else if (a.dtype === 'int16') addInt16(plan, a.data as Int16Array, b.data as Int16Array, out as Int16Array, act);
    else addInt64(plan, a.data as BigInt64Array, b.data as BigInt64Array, out as BigInt64Array, act);
  },
};
