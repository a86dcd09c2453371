// ADD_N: the elementwise sum of two or more tensors of one shape (float32, int32), added in input order.
import type { KernelRegistration } from './registration.js';
import { checkType, sameShape } from './kernel_util.js';

export function addNFloat(inputs: readonly Float32Array[], out: Float32Array): void {
  out.set(inputs[0]!);
  for (let j = 1; j < inputs.length; j++) {
    const x = inputs[j]!;
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + x[i]!;
  }
}

export function addNInt32(inputs: readonly Int32Array[], out: Int32Array): void {
  out.set(inputs[0]!);
  for (let j = 1; j < inputs.length; j++) {
    const x = inputs[j]!;
    for (let i = 0; i < out.length; i++) out[i] = (out[i]! + x[i]!) | 0;
  }
}

export const ADD_N: KernelRegistration<void> = {
  prepare(ctx) {
    if (ctx.numInputs < 2) ctx.fail(`expected at least 2 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const first = ctx.input(0);
    checkType(ctx, first, 'float32', 'int32');
    for (let i = 1; i < ctx.numInputs; i++) {
      const t = ctx.input(i);
      if (t.dtype !== first.dtype) ctx.fail(`input ${i} is ${t.dtype}, input 0 is ${first.dtype}`);
      if (!sameShape(t.shape, first.shape)) ctx.fail(`input ${i} has shape [${t.shape}], input 0 has [${first.shape}]`);
    }
    checkType(ctx, ctx.output(0), first.dtype);
    ctx.resizeOutput(0, first.shape);
  },
  eval(ctx) {
    const inputs = Array.from({ length: ctx.numInputs }, (_, i) => ctx.input(i).data);
    if (ctx.input(0).dtype === 'float32') addNFloat(inputs as Float32Array[], ctx.output(0).data as Float32Array);
    else addNInt32(inputs as Int32Array[], ctx.output(0).data as Int32Array);
  },
};
