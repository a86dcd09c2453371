// REDUCE_ANY: ORs the elements along the axes in input 1 (TFLite reduce.cc, optimized ReduceGeneric).
import type { ReducerOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { reduceGeneric, reducer, type ReduceData } from './util/reduce.js';

export const REDUCE_ANY: KernelRegistration<ReduceData, ReducerOptions> = reducer({
  dtypes: ['bool'],
  run(ctx, plan) {
    const input = ctx.input(0);
    reduceGeneric('any', input.dtype, plan, input.shape, input.data, ctx.output(0).data);
  },
});
