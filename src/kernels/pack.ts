// PACK: stacks values_count same-shaped inputs along a new axis (TFLite pack.cc).
import type { PackOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { numElements } from './kernel_util.js';
import { checkMovable, checkOutputCount, checkSameQuantization, copyElements } from './util/data_movement.js';

/** Stacks `inputs` of shape `inShape` along new axis `axis` (in [0, rank]) into `output`. */
export function pack(axis: number, inShape: readonly number[], inputs: readonly TypedArray[], output: TypedArray): void {
  const outer = numElements(inShape.slice(0, axis));
  const inner = numElements(inShape.slice(axis));
  let o = 0;
  for (let b = 0; b < outer; b++) {
    for (const input of inputs) {
      copyElements(input, b * inner, output, o, inner);
      o += inner;
    }
  }
}

export const PACK: KernelRegistration<number, PackOptions> = {
  prepare(ctx) {
    const count = ctx.options.valuesCount;
    if (ctx.numInputs !== count) ctx.fail(`values_count is ${count} but the op has ${ctx.numInputs} inputs`);
    if (count < 1) ctx.fail('expected at least one input');
    checkOutputCount(ctx, 1);
    const t0 = ctx.input(0);
    checkMovable(ctx, t0);
    const rank = t0.shape.length;
    const axis = ctx.options.axis < 0 ? ctx.options.axis + rank + 1 : ctx.options.axis;
    if (!Number.isInteger(axis) || axis < 0 || axis > rank) ctx.fail(`axis ${ctx.options.axis} out of range for rank ${rank} inputs`);
    for (let i = 1; i < count; i++) {
      const t = ctx.input(i);
      if (t.dtype !== t0.dtype) ctx.fail(`input ${i} is ${t.dtype}, input 0 is ${t0.dtype}`);
      if (t.shape.length !== rank || t.shape.some((d, j) => d !== t0.shape[j])) ctx.fail(`input ${i} shape [${t.shape}] differs from input 0 shape [${t0.shape}]`);
    }
    if (ctx.output(0).dtype !== t0.dtype) ctx.fail(`output is ${ctx.output(0).dtype}, inputs are ${t0.dtype}`);
    // Quantized values are stacked as they are: every input must be quantized as the output.
    for (let i = 0; i < count; i++) checkSameQuantization(ctx, ctx.output(0), ctx.input(i));
    const outShape = t0.shape.slice();
    outShape.splice(axis, 0, count);
    ctx.resizeOutput(0, outShape);
    return axis;
  },
  eval(ctx, axis) {
    const inputs: TypedArray[] = [];
    for (let i = 0; i < ctx.numInputs; i++) inputs.push(ctx.input(i).data);
    pack(axis, ctx.input(0).shape, inputs, ctx.output(0).data);
  },
};
