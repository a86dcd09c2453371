// REDUCE_PROD: multiplies the elements along the axes in input 1 (TFLite reduce.cc EvalProd).
// Quantized int8/int16 (QuantizedReduceProd) rescale every partial product by
// input_scale / output_scale^(1/n), n the count of reduced elements, so the accumulator stays in range.
import type { ReducerOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { numElements } from './kernel_util.js';
import { forEachReduced, reduceGeneric, reducer, type ReduceData, type ReducePlan } from './util/reduce.js';
import { isQuantized } from './util/movement.js';
import { multiplyByQuantizedMultiplierInt64, quantizedRange, quantizeMultiplier } from './util/quant_math.js';

interface ProdQuant {
  /** Null for unquantized int8/int16, whose raw values multiply (wrapping). */
  rescale: {
    multiplier: number;
    shift: number;
    inZp: number;
    outZp: number;
    /** int32 partial products, one per output. */
    acc: Int32Array;
  } | null;
}

function prodQuant(ctx: OpContext<ReducerOptions>, plan: ReducePlan | null): ProdQuant {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (!isQuantized(input)) {
    if (input.scale !== output.scale || input.zeroPoint !== output.zeroPoint) ctx.fail('unquantized input and quantized output');
    return { rescale: null };
  }
  if (input.dtype === 'uint8') return ctx.fail('quantized uint8 is not supported, only int8 and int16');
  if (plan === null) return { rescale: { multiplier: 0, shift: 0, inZp: 0, outZp: 0, acc: new Int32Array(0) } };
  const inSize = numElements(input.shape);
  const outSize = numElements(plan.outShape);
  let multiplier = 0;
  let shift = 0;
  if (inSize !== 0 && outSize !== 0) {
    // GetQuantProdScaling, in double.
    const m = quantizeMultiplier(input.scale / Math.pow(output.scale, 1 / Math.trunc(inSize / outSize)));
    if (m === null) return ctx.fail(`invalid scales: input ${input.scale}, output ${output.scale}`);
    ({ multiplier, shift } = m);
  }
  return { rescale: { multiplier, shift, inZp: input.zeroPoint, outZp: output.zeroPoint, acc: new Int32Array(outSize) } };
}

export const REDUCE_PROD: KernelRegistration<ReduceData<ProdQuant>, ReducerOptions> = reducer<ProdQuant>({
  dtypes: ['float32', 'int32', 'int64', 'int8', 'int16', 'uint8'],
  quantized: prodQuant,
  run(ctx, plan, _scratch, quant) {
    const input = ctx.input(0);
    const output = ctx.output(0).data;
    const q = quant?.rescale ?? null;
    if (q === null) {
      reduceGeneric('prod', input.dtype, plan, input.shape, input.data, output);
      return;
    }
    const n = numElements(plan.outShape);
    // TFLite returns without writing when the input has a zero dimension; we write 0.
    if (numElements(input.shape) === 0) {
      (output as Int8Array).fill(0, 0, n);
      return;
    }
    const { multiplier, shift, inZp, outZp, acc } = q;
    const x = input.data as Int8Array;
    forEachReduced(input.shape, plan.outStrides, (i, o, first) => {
      acc[o] = first ? x[i]! - inZp : multiplyByQuantizedMultiplierInt64(acc[o]! * (x[i]! - inZp), multiplier, shift);
    });
    const [min, max] = quantizedRange(input.dtype as 'int8' | 'int16');
    const y = output as Int8Array;
    for (let o = 0; o < n; o++) {
      const v = multiplyByQuantizedMultiplierInt64(acc[o]!, multiplier, shift) + outZp;
      y[o] = v < min ? min : v > max ? max : v;
    }
  },
});
