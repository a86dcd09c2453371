// CONCATENATION: joins inputs along an axis (TFLite concatenation.cc). TFLite's kernel rejects a fused
// activation and XNNPack ignores it; we apply it (float32 only), as the schema means.
// uint8 inputs whose quantization differs from the output's are requantized (ConcatenationWithScaling);
// int8 needs every input quantized as the output, int16 zero points of 0.
import type { ConcatenationOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { Activation, activationRange, checkActivation } from './kernel_util.js';
import { axisBlocks, checkMovable, checkOutputCount, copyElements } from './util/data_movement.js';
import { floatToInt32, tfliteRound } from './util/quant_math.js';

/**
 * Concatenates `inputs` (same rank, equal dims but `axis`) into `output`:
 * for each outer index, each input's contiguous axis*inner block in turn.
 */
export function concatenate(axis: number, inShapes: readonly (readonly number[])[], inputs: readonly TypedArray[], output: TypedArray): void {
  const { outer, inner } = axisBlocks(inShapes[0]!, axis);
  const blocks = inShapes.map((s) => s[axis]! * inner);
  let o = 0;
  for (let b = 0; b < outer; b++) {
    for (let i = 0; i < inputs.length; i++) {
      const n = blocks[i]!;
      copyElements(inputs[i]!, b * n, output, o, n);
      o += n;
    }
  }
}

const f = Math.fround;

/**
 * Per-input requantization to the output (uint8): value * scale + bias in float32, rounded half away
 * from zero, plus the output zero point, clamped; null where the input is quantized as the output.
 */
export interface ConcatRescale {
  scale: number;
  bias: number;
  outZp: number;
}

/** ConcatenationWithScaling's float path: scale = in_scale * (1 / out_scale), bias = -in_zp * scale. */
export function concatRescale(inScale: number, inZp: number, outScale: number, outZp: number): ConcatRescale | null {
  if (inScale === outScale && inZp === outZp) return null;
  const scale = f(inScale * f(1 / outScale));
  return { scale, bias: f(-inZp * scale), outZp };
}

/** Copies `n` uint8 values, requantized. */
export function rescaleUint8(src: Uint8Array, srcOff: number, dst: Uint8Array, dstOff: number, n: number, r: ConcatRescale): void {
  for (let j = 0; j < n; j++) {
    const v = floatToInt32(tfliteRound(f(f(src[srcOff + j]! * r.scale) + r.bias))) + r.outZp;
    dst[dstOff + j] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

/** `concatenate` with each uint8 input requantized where `rescales[i]` says so. */
export function concatenateUint8(axis: number, inShapes: readonly (readonly number[])[], inputs: readonly Uint8Array[], rescales: readonly (ConcatRescale | null)[], output: Uint8Array): void {
  const { outer, inner } = axisBlocks(inShapes[0]!, axis);
  const blocks = inShapes.map((s) => s[axis]! * inner);
  let o = 0;
  for (let b = 0; b < outer; b++) {
    for (let i = 0; i < inputs.length; i++) {
      const n = blocks[i]!;
      const r = rescales[i]!;
      if (r === null) copyElements(inputs[i]!, b * n, output, o, n);
      else rescaleUint8(inputs[i]!, b * n, output, o, n, r);
      o += n;
    }
  }
}

interface ConcatData {
  axis: number;
  activation: number;
  /** uint8 only, one per input; null when no input needs requantizing. */
  rescales: (ConcatRescale | null)[] | null;
}

export const CONCATENATION: KernelRegistration<ConcatData, ConcatenationOptions> = {
  prepare(ctx) {
    if (ctx.numInputs < 1) ctx.fail('expected at least one input');
    checkOutputCount(ctx, 1);
    const t0 = ctx.input(0);
    const output = ctx.output(0);
    checkMovable(ctx, t0);
    // Scalars (rank 0, axis 0) stack into a vector, as TFLite does for constant scalars.
    const scalars = t0.shape.length === 0;
    const shape0 = scalars ? [1] : t0.shape;
    const rank = t0.shape.length;
    const axis = ctx.options.axis < 0 ? ctx.options.axis + rank : ctx.options.axis;
    if (!Number.isInteger(axis) || axis < 0 || axis >= Math.max(rank, 1)) ctx.fail(`axis ${ctx.options.axis} out of range for rank ${rank}`);
    const activation = ctx.options.fusedActivationFunction;
    checkActivation(ctx, activation);
    if (activation !== Activation.NONE && t0.dtype !== 'float32') ctx.fail(`fused activation ${activation} needs float32, got ${t0.dtype}`);
    if (activation === Activation.TANH || activation === Activation.SIGN_BIT) ctx.fail(`fused activation ${activation} not supported`);
    const outShape = shape0.slice();
    for (let i = 1; i < ctx.numInputs; i++) {
      const t = ctx.input(i);
      if (t.dtype !== t0.dtype) ctx.fail(`input ${i} is ${t.dtype}, input 0 is ${t0.dtype}`);
      if (t.shape.length !== rank) ctx.fail(`input ${i} has rank ${t.shape.length}, input 0 has rank ${rank}`);
      const shape = scalars ? [1] : t.shape;
      for (let d = 0; d < shape.length; d++) {
        if (d === axis) outShape[d]! += shape[d]!;
        else if (shape[d] !== shape0[d]) ctx.fail(`input ${i} shape [${t.shape}] does not match input 0 shape [${t0.shape}] off axis ${axis}`);
      }
    }
    if (output.dtype !== t0.dtype) ctx.fail(`output is ${output.dtype}, inputs are ${t0.dtype}`);
    let rescales: (ConcatRescale | null)[] | null = null;
    for (let i = 0; i < ctx.numInputs; i++) {
      const t = ctx.input(i);
      if (t0.dtype === 'int8' && (t.scale !== output.scale || t.zeroPoint !== output.zeroPoint)) {
        ctx.fail(`int8 input ${i} (scale ${t.scale}, zero point ${t.zeroPoint}) must be quantized as the output (scale ${output.scale}, zero point ${output.zeroPoint})`);
      }
      if (t0.dtype === 'int16' && t.zeroPoint !== 0) ctx.fail(`int16 input ${i} has zero point ${t.zeroPoint}, expected 0`);
    }
    if (t0.dtype === 'int16' && output.zeroPoint !== 0) ctx.fail(`int16 output has zero point ${output.zeroPoint}, expected 0`);
    if (t0.dtype === 'uint8') {
      const r: (ConcatRescale | null)[] = [];
      for (let i = 0; i < ctx.numInputs; i++) r.push(concatRescale(ctx.input(i).scale, ctx.input(i).zeroPoint, output.scale, output.zeroPoint));
      if (r.some((x) => x !== null)) rescales = r;
    }
    ctx.resizeOutput(0, outShape);
    return { axis, activation, rescales };
  },
  eval(ctx, data) {
    const inputs: TypedArray[] = [];
    const shapes: number[][] = [];
    for (let i = 0; i < ctx.numInputs; i++) {
      const t = ctx.input(i);
      inputs.push(t.data);
      shapes.push(t.shape.length === 0 ? [1] : t.shape);
    }
    const out = ctx.output(0).data;
    if (data.rescales !== null) {
      concatenateUint8(data.axis, shapes, inputs as Uint8Array[], data.rescales, out as Uint8Array);
      return;
    }
    concatenate(data.axis, shapes, inputs, out);
    if (data.activation !== Activation.NONE) {
      const [lo, hi] = activationRange(data.activation);
      const f = out as Float32Array;
      for (let i = 0; i < f.length; i++) {
        const v = f[i]!;
        f[i] = v < lo ? lo : v > hi ? hi : v;
      }
    }
  },
};
