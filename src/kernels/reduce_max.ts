// REDUCE_MAX: takes the maximum of the elements along the axes in input 1 (TFLite reduce.cc, optimized ReduceGeneric).
// uint8/int8/int16 reduce their raw values, which needs equal input and output quantization.
import type { ReducerOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { reduceGeneric, reducer, type ReduceData } from './util/reduce.js';

export const REDUCE_MAX: KernelRegistration<ReduceData, ReducerOptions> = reducer({
  dtypes: ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16'],
  run(ctx, plan) {
    const input = ctx.input(0);
    reduceGeneric('max', input.dtype, plan, input.shape, input.data, ctx.output(0).data);
  },
});
