// ARG_MAX / ARG_MIN (TFLite arg_min_max.cc): the index of the largest/smallest value along
// one axis; ties keep the first index, as the comparison is strict.
import type { ArgMaxOptions } from '../../schema/generated.js';
import type { TypedArray } from '../../types.js';
import type { KernelRegistration, OpContext } from '../registration.js';
import { checkType, isConstant } from '../kernel_util.js';
import { checkCounts, readIntTensor } from './reduce.js';

/** TensorType codes accepted as `output_type`. */
const OUTPUT_TYPES: Record<number, 'int32' | 'int64'> = { 2: 'int32', 4: 'int64' };

interface ArgData {
  /** -1 while the axis tensor is not constant. */
  axis: number;
}

/** Reference kernel: `outer` x `axisSize` x `inner` input, `outer` x `inner` indices. */
export function argMinMax(isMax: boolean, outer: number, axisSize: number, inner: number, input: TypedArray, output: Int32Array | BigInt64Array): void {
  const x = input as Float32Array;
  // int64 indices are written as two int32 words, low (little-endian) then 0: no BigInt per value.
  const big = output instanceof BigInt64Array;
  const words = big ? new Int32Array(output.buffer, output.byteOffset, 2 * output.length) : output;
  const step = big ? 2 : 1;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * axisSize * inner + k;
      let best = x[base]!;
      let index = 0;
      for (let i = 1; i < axisSize; i++) {
        const v = x[base + i * inner]!;
        if (isMax ? v > best : v < best) {
          best = v;
          index = i;
        }
      }
      const at = (o * inner + k) * step;
      words[at] = index;
      if (big) words[at + 1] = 0;
    }
  }
}

function resolveAxis(ctx: OpContext<ArgMaxOptions>): number {
  const input = ctx.input(0);
  const rank = input.shape.length;
  const v = readIntTensor(ctx, ctx.input(1), 'axis')[0]!;
  const a = v < 0 ? v + rank : v;
  if (a < 0 || a >= rank) ctx.fail(`axis ${v} out of range for rank ${rank}`);
  ctx.resizeOutput(0, input.shape.filter((_, i) => i !== a));
  return a;
}

export function argMinMaxKernel(isMax: boolean): KernelRegistration<ArgData, ArgMaxOptions> {
  return {
    prepare(ctx) {
      checkCounts(ctx, 2, 1);
      const input = ctx.input(0);
      const axis = ctx.input(1);
      const output = ctx.output(0);
      checkType(ctx, axis, 'int32', 'int64');
      if (axis.size !== 1) ctx.fail(`axis tensor '${axis.name}' must hold one value, has shape [${axis.shape}]`);
      const outType = OUTPUT_TYPES[ctx.options.outputType];
      if (outType === undefined) ctx.fail(`unsupported output_type ${ctx.options.outputType}: expected int32 (2) or int64 (4)`);
      if (output.dtype !== outType) ctx.fail(`output '${output.name}' is ${output.dtype}, output_type says ${outType}`);
      checkType(ctx, input, 'float32', 'uint8', 'int8', 'int32', 'bool');
      if (input.shape.length < 1) ctx.fail('input must have rank 1 or more');
      if (!isConstant(axis)) {
        ctx.markDynamic(0);
        return { axis: -1 };
      }
      return { axis: resolveAxis(ctx) };
    },
    eval(ctx, data) {
      const a = data.axis >= 0 ? data.axis : resolveAxis(ctx);
      const input = ctx.input(0);
      const shape = input.shape;
      let outer = 1;
      let inner = 1;
      for (let i = 0; i < a; i++) outer *= shape[i]!;
      for (let i = a + 1; i < shape.length; i++) inner *= shape[i]!;
      const axisSize = shape[a]!;
      // An empty axis has no index to give; TFLite reads past the data, we write 0.
      const out = ctx.output(0).data as Int32Array | BigInt64Array;
      if (axisSize === 0) {
        if (out instanceof BigInt64Array) out.fill(0n);
        else out.fill(0);
        return;
      }
      argMinMax(isMax, outer, axisSize, inner, input.data, out);
    },
  };
}
