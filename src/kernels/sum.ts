// SUM: sums the elements along the axes in input 1 (TFLite reduce.cc EvalSum, optimized ReduceGeneric).
// uint8/int8/int16 rescale the raw sum to the output in float32 (optimized_ops::QuantizedMeanOrSum,
// compute_sum): clamp(round(sum * s + bias) + zero point), equal scales included.
import type { ReducerOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { numElements } from './kernel_util.js';
import { reduceGeneric, reducer, type ReduceData, type ReducePlan, sumRawValues } from './util/reduce.js';
import { floatToInt32, quantizedRange, tfliteRound } from './util/quant_math.js';

const f = Math.fround;

interface SumQuant {
  /** float32 input_scale / output_scale. */
  scale: number;
  /** float32 -input_zero_point * scale * count; 0 until the plan is known. */
  bias: number;
  outZp: number;
  min: number;
  max: number;
  /** int32 sums, one per output. */
  sums: Int32Array;
}

function sumQuant(ctx: OpContext<ReducerOptions>, plan: ReducePlan | null): SumQuant {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const scale = f(input.scale / output.scale);
  const [min, max] = quantizedRange(input.dtype as 'uint8' | 'int8' | 'int16');
  const q = { scale, bias: 0, outZp: output.zeroPoint, min, max, sums: new Int32Array(0) };
  if (plan === null) return q;
  q.bias = f(f(-input.zeroPoint * scale) * f(plan.count));
  q.sums = new Int32Array(numElements(plan.outShape));
  return q;
}

/** Rescales raw int32 sums to the output. */
export function rescaleSums(q: SumQuant, n: number, output: Int8Array | Uint8Array | Int16Array): void {
  for (let o = 0; o < n; o++) {
    const v = (floatToInt32(tfliteRound(f(f(f(q.sums[o]!) * q.scale) + q.bias))) + q.outZp) | 0;
    output[o] = v < q.min ? q.min : v > q.max ? q.max : v;
  }
}

export const SUM: KernelRegistration<ReduceData<SumQuant>, ReducerOptions> = reducer<SumQuant>({
  dtypes: ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16'],
  quantized: sumQuant,
  run(ctx, plan, _scratch, quant) {
    const input = ctx.input(0);
    const output = ctx.output(0).data;
    if (quant === null) {
      reduceGeneric('sum', input.dtype, plan, input.shape, input.data, output);
      return;
    }
    const n = numElements(plan.outShape);
    // An empty input leaves the outputs at 0.
    if (sumRawValues(input, plan, quant.sums, n, output)) rescaleSums(quant, n, output as Int8Array);
  },
});
