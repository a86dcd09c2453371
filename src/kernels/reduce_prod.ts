// REDUCE_PROD: multiplies the elements along the axes in input 1 (TFLite reduce.cc, optimized ReduceGeneric).
// Quantized (uint8/int8/int16) variants need requantization and come with the quantized kernels.
import type { ReducerOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { reduceGeneric, reducer, type ReduceData } from './util/reduce.js';

export const REDUCE_PROD: KernelRegistration<ReduceData, ReducerOptions> = reducer({
  dtypes: ['float32', 'int32', 'int64'],
  run(ctx, plan) {
    const input = ctx.input(0);
    reduceGeneric('prod', input.dtype, plan, input.shape, input.data, ctx.output(0).data);
  },
});
