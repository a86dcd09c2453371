// SQUARED_DIFFERENCE: (a - b)^2 with numpy broadcasting: float32, int32, and quantized int8 (both
// inputs rescaled to a common scale with 7 extra bits, the squared difference rescaled to the output:
// squared_difference.cc).
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';
import { checkedMultiplier, type InputRescaling, requireQuantized } from './util/quantized.js';
import { multiplyByQuantizedMultiplierSmallerThanOneExp, quantizeMultiplierSmallerThanOneExp } from './util/quant_math.js';

export function squaredDifferenceFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array): void {
  mapBinary(plan, a, b, out, (x, y) => {
    const d = Math.fround(x - y);
    return d * d;
  });
}

export function squaredDifferenceInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array): void {
  mapBinary(plan, a, b, out, (x, y) => {
    const d = (x - y) | 0;
    return Math.imul(d, d);
  });
}

export interface SquaredDifferenceParams extends InputRescaling {
  readonly outputOffset: number;
  readonly outputMultiplier: number;
  readonly outputShift: number;
}

const LEFT_SHIFT = 7;

export function squaredDifferenceInt8(plan: BroadcastPlan, a: Int8Array, b: Int8Array, out: Int8Array, p: SquaredDifferenceParams): void {
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const s1 = multiplyByQuantizedMultiplierSmallerThanOneExp((p.input1Offset + x) << LEFT_SHIFT, p.input1Multiplier, p.input1Shift);
    const s2 = multiplyByQuantizedMultiplierSmallerThanOneExp((p.input2Offset + y) << LEFT_SHIFT, p.input2Multiplier, p.input2Shift);
    const d = s1 - s2;
    const r = multiplyByQuantizedMultiplierSmallerThanOneExp(Math.imul(d, d), p.outputMultiplier, p.outputShift) + p.outputOffset;
    return r < -128 ? -128 : r > 127 ? 127 : r;
  });
}

interface SquaredDifferenceData {
  plan: BroadcastPlan;
  quant: SquaredDifferenceParams | null;
}

export const SQUARED_DIFFERENCE: KernelRegistration<SquaredDifferenceData> = {
  prepare(ctx) {
    const plan = prepareBinary(ctx, ['float32', 'int32', 'int8']);
    const a = ctx.input(0);
    if (a.dtype !== 'int8') return { plan, quant: null };
    const b = ctx.input(1);
    const out = ctx.output(0);
    for (const t of [a, b, out]) {
      requireQuantized(ctx, t);
      if (t.zeroPoint < -128 || t.zeroPoint > 127) ctx.fail(`zero point ${t.zeroPoint} of '${t.name}' is outside the int8 range`);
    }
    const twiceMaxInputScale = 2 * Math.max(a.scale, b.scale);
    const real1 = a.scale / twiceMaxInputScale;
    const real2 = b.scale / twiceMaxInputScale;
    const realOut = (twiceMaxInputScale * twiceMaxInputScale) / (2 ** (2 * LEFT_SHIFT) * out.scale);
    const m1 = checkedMultiplier(ctx, quantizeMultiplierSmallerThanOneExp(real1), real1);
    const m2 = checkedMultiplier(ctx, quantizeMultiplierSmallerThanOneExp(real2), real2);
    const mo = checkedMultiplier(ctx, quantizeMultiplierSmallerThanOneExp(realOut), realOut);
    return {
      plan,
      quant: {
        input1Offset: -a.zeroPoint, input1Multiplier: m1.multiplier, input1Shift: m1.shift,
        input2Offset: -b.zeroPoint, input2Multiplier: m2.multiplier, input2Shift: m2.shift,
        outputOffset: out.zeroPoint, outputMultiplier: mo.multiplier, outputShift: mo.shift,
      },
    };
  },
  eval(ctx, { plan, quant }) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    if (quant !== null) squaredDifferenceInt8(plan, a.data as Int8Array, b.data as Int8Array, out as Int8Array, quant);
    else if (a.dtype === 'float32') squaredDifferenceFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array);
    else squaredDifferenceInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array);
  },
};
