// PRELU: x >= 0 ? x : alpha * x, alpha broadcast against x. float32; quantized uint8 / int8 with the
// alpha tensor quantized too: s_in / s_out for x >= 0, s_in * s_alpha / s_out on the product otherwise
// (activations.cc). The broadcast may not grow x: the output has x's shape.
import type { KernelRegistration } from './registration.js';
import { sameShape } from './kernel_util.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';
import { multiplierOf, requireQuantized } from './util/quantized.js';
import { multiplyByQuantizedMultiplier, quantizedRange } from './util/quant_math.js';

export function prelu(plan: BroadcastPlan, x: Float32Array, alpha: Float32Array, out: Float32Array): void {
  mapBinary(plan, x, alpha, out, (v, a) => (v >= 0 ? v : v * a));
}

export interface PreluParams {
  readonly inputOffset: number;
  readonly alphaOffset: number;
  readonly outputOffset: number;
  readonly multiplier1: number;
  readonly shift1: number;
  readonly multiplier2: number;
  readonly shift2: number;
  readonly qmin: number;
  readonly qmax: number;
}

export function preluQuantized(plan: BroadcastPlan, x: Uint8Array | Int8Array, alpha: Uint8Array | Int8Array, out: Uint8Array | Int8Array, p: PreluParams): void {
  mapBinary<number, number>(plan, x, alpha, out, (v, a) => {
    const input = p.inputOffset + v;
    const r = p.outputOffset + (input >= 0
      ? multiplyByQuantizedMultiplier(input, p.multiplier1, p.shift1)
      : multiplyByQuantizedMultiplier(input * (p.alphaOffset + a), p.multiplier2, p.shift2));
    return r < p.qmin ? p.qmin : r > p.qmax ? p.qmax : r;
  });
}

interface PreluData {
  plan: BroadcastPlan;
  quant: PreluParams | null;
}

export const PRELU: KernelRegistration<PreluData> = {
  prepare(ctx) {
    const plan = prepareBinary(ctx, ['float32', 'uint8', 'int8']);
    const x = ctx.input(0);
    if (!sameShape(plan.shape, x.shape)) ctx.fail(`alpha [${ctx.input(1).shape}] must broadcast to the input's shape [${x.shape}]`);
    if (x.dtype === 'float32') return { plan, quant: null };
    const input = requireQuantized(ctx, x);
    const alpha = requireQuantized(ctx, ctx.input(1));
    const output = requireQuantized(ctx, ctx.output(0));
    // float32 arithmetic, as PreluPrepare computes the ratios.
    const f = Math.fround;
    const m1 = multiplierOf(ctx, f(input.scale / output.scale));
    const m2 = multiplierOf(ctx, f(f(input.scale * alpha.scale) / output.scale));
    const [qmin, qmax] = quantizedRange(x.dtype as 'uint8' | 'int8');
    return {
      plan,
      quant: {
        inputOffset: -input.zeroPoint, alphaOffset: -alpha.zeroPoint, outputOffset: output.zeroPoint,
        multiplier1: m1.multiplier, shift1: m1.shift, multiplier2: m2.multiplier, shift2: m2.shift, qmin, qmax,
      },
    };
  },
  eval(ctx, { plan, quant }) {
    const x = ctx.input(0).data;
    const alpha = ctx.input(1).data;
    const out = ctx.output(0).data;
    if (quant !== null) preluQuantized(plan, x as Int8Array, alpha as Int8Array, out as Int8Array, quant);
    else prelu(plan, x as Float32Array, alpha as Float32Array, out as Float32Array);
  },
};
