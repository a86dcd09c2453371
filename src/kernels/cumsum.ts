// CUMSUM: running sum along the axis in input 1 (TFLite cumsum.cc, an Eigen scan):
// `exclusive` leaves out the current element, `reverse` runs from the end.
import type { CumsumOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkType, isConstant } from './kernel_util.js';
import { checkCounts, checkSameDtype, readIntTensor } from './util/reduce.js';

/**
 * Reference kernel over an `outer` x `axisSize` x `inner` view. Sums keep the element
 * type: float32 rounds at each step, int32 and int64 wrap.
 */
export function cumsum(dtype: 'float32' | 'int32' | 'int64', outer: number, axisSize: number, inner: number, exclusive: boolean, reverse: boolean, input: TypedArray, output: TypedArray): void {
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * axisSize * inner + k;
      if (dtype === 'int64') {
        const x = input as BigInt64Array;
        const y = output as BigInt64Array;
        let acc = 0n;
        for (let s = 0; s < axisSize; s++) {
          const idx = base + (reverse ? axisSize - 1 - s : s) * inner;
          const v = x[idx]!;
          if (exclusive) y[idx] = acc;
          acc = BigInt.asIntN(64, acc + v);
          if (!exclusive) y[idx] = acc;
        }
      } else {
        const x = input as Float32Array;
        const y = output as Float32Array;
        const round = dtype === 'int32' ? (v: number) => v | 0 : Math.fround;
        let acc = 0;
        for (let s = 0; s < axisSize; s++) {
          const idx = base + (reverse ? axisSize - 1 - s : s) * inner;
          const v = x[idx]!;
          if (exclusive) y[idx] = acc;
          acc = round(acc + v);
          if (!exclusive) y[idx] = acc;
        }
      }
    }
  }
}

function axisOf(ctx: OpContext<CumsumOptions>): number {
  const rank = ctx.input(0).shape.length;
  const v = readIntTensor(ctx, ctx.input(1), 'axis')[0]!;
  const a = v < 0 ? v + rank : v;
  if (a < 0 || a >= rank) ctx.fail(`axis ${v} out of range for rank ${rank}`);
  return a;
}

export const CUMSUM: KernelRegistration<{ axis: number }, CumsumOptions> = {
  prepare(ctx) {
    checkCounts(ctx, 2, 1);
    const input = ctx.input(0);
    const axis = ctx.input(1);
    checkType(ctx, input, 'float32', 'int32', 'int64');
    checkSameDtype(ctx, input, ctx.output(0));
    checkType(ctx, axis, 'int32');
    if (axis.size !== 1) ctx.fail(`axis tensor '${axis.name}' must hold one value, has shape [${axis.shape}]`);
    if (input.shape.length < 1) ctx.fail('input must have rank 1 or more');
    ctx.resizeOutput(0, input.shape);
    return { axis: isConstant(axis) ? axisOf(ctx) : -1 };
  },
  eval(ctx, data) {
    const a = data.axis >= 0 ? data.axis : axisOf(ctx);
    const input = ctx.input(0);
    const shape = input.shape;
    let outer = 1;
    let inner = 1;
    for (let i = 0; i < a; i++) outer *= shape[i]!;
    for (let i = a + 1; i < shape.length; i++) inner *= shape[i]!;
    cumsum(input.dtype as 'float32' | 'int32' | 'int64', outer, shape[a]!, inner, ctx.options.exclusive === true, ctx.options.reverse === true, input.data, ctx.output(0).data);
  },
};
