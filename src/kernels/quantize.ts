// QUANTIZE (TFLite quantize.cc). float32 → uint8/int8/int16: round(val / scale) half away from
// zero, cast to int32 (saturating), + zero point (wrapping), clamp; per tensor the division is in
// double (the optimized kernel), per channel along quantizedDimension in float32
// (reference_ops::PerChannelQuantize). Requantization uint8/int8 → uint8/int8, int16 →
// int8/int16/int32, int32 → int8/int16: (q - zpIn) * (scaleIn / scaleOut) as a double-rounding
// fixed-point multiplier, + zpOut, clamp. (LiteRT.js hands float32 → int8/uint8 and same-type 8-bit
// requantization to XNNPack, which rounds ties to even and rounds once: off by one on some values.)
import type { QuantizeOptions } from '../schema/generated.js';
import type { Tensor } from '../interpreter/tensor.js';
import type { DType } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkType } from './kernel_util.js';
import { checkCounts } from './util/reduce.js';
import { floatToInt32, isValidScale, multiplyByQuantizedMultiplier, quantizeMultiplier, quantizedRange, tfliteRound } from './util/quant_math.js';
import type { QuantizedType } from './util/quant_math.js';

type QuantizedArray = Uint8Array | Int8Array | Int16Array | Int32Array;

/** Reference kernel: per-tensor affine quantization of float32 values into [qmin, qmax]. */
export function affineQuantize(input: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number, output: QuantizedArray): void {
  for (let i = 0; i < input.length; i++) {
    const q = (floatToInt32(tfliteRound(input[i]! / scale)) + zeroPoint) | 0;
    output[i] = q < qmin ? qmin : q > qmax ? qmax : q;
  }
}

/**
 * Reference kernel: per-channel affine quantization, dividing in float32; `channels` is the
 * quantized dimension's size and `inner` the product of the dims after it.
 */
export function perChannelQuantize(input: Float32Array, scales: readonly number[], zeroPoints: readonly number[], channels: number, inner: number, qmin: number, qmax: number, output: QuantizedArray): void {
  for (let i = 0; i < input.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const q = (floatToInt32(tfliteRound(Math.fround(input[i]! / scales[c]!))) + zeroPoints[c]!) | 0;
    output[i] = q < qmin ? qmin : q > qmax ? qmax : q;
  }
}

/** Reference kernel: requantization with a quantized multiplier (reference_ops::Requantize). */
export function requantize(input: QuantizedArray, inputZeroPoint: number, multiplier: number, shift: number, outputZeroPoint: number, qmin: number, qmax: number, output: QuantizedArray): void {
  for (let i = 0; i < input.length; i++) {
    const q = (multiplyByQuantizedMultiplier((input[i]! - inputZeroPoint) | 0, multiplier, shift) + outputZeroPoint) | 0;
    output[i] = q < qmin ? qmin : q > qmax ? qmax : q;
  }
}

type QuantizeData =
  | { kind: 'affine'; scale: number; zeroPoint: number; qmin: number; qmax: number }
  | { kind: 'perChannel'; scales: readonly number[]; zeroPoints: readonly number[]; channels: number; inner: number; qmin: number; qmax: number }
  | { kind: 'requantize'; inputZeroPoint: number; multiplier: number; shift: number; outputZeroPoint: number; qmin: number; qmax: number };

const REQUANTIZE_TO: Partial<Record<DType, DType[]>> = {
  uint8: ['uint8', 'int8'],
  int8: ['uint8', 'int8'],
  int16: ['int8', 'int16', 'int32'],
  int32: ['int8', 'int16'],
};

/** The tensor's affine parameters, checked: finite positive scales with one integer zero point each. */
function affineParams(ctx: OpContext, t: Tensor): { scale: readonly number[]; zeroPoint: readonly number[] } {
  const q = t.quantization;
  if (q === null || q.scale.length === 0) return ctx.fail(`tensor '${t.name}' must be quantized`);
  if (q.zeroPoint.length !== q.scale.length) ctx.fail(`tensor '${t.name}' has ${q.scale.length} scales and ${q.zeroPoint.length} zero points`);
  if (!q.scale.every(isValidScale)) ctx.fail(`tensor '${t.name}' has a scale that is not a finite positive number`);
  if (!q.zeroPoint.every(Number.isInteger)) ctx.fail(`tensor '${t.name}' has a non-integer zero point`);
  return q;
}

export const QUANTIZE: KernelRegistration<QuantizeData, QuantizeOptions> = {
  prepare(ctx) {
    checkCounts(ctx, 1, 1);
    const input = ctx.input(0);
    const output = ctx.output(0);
    checkType(ctx, input, 'float32', 'uint8', 'int8', 'int16', 'int32');
    checkType(ctx, output, ...(input.dtype === 'float32' ? ['uint8', 'int8', 'int16'] as DType[] : REQUANTIZE_TO[input.dtype]!));
    const out = affineParams(ctx, output);
    ctx.resizeOutput(0, input.shape);
    if (input.dtype === 'float32') {
      const [qmin, qmax] = quantizedRange(output.dtype as QuantizedType);
      if (out.scale.length === 1) return { kind: 'affine', scale: out.scale[0]!, zeroPoint: out.zeroPoint[0]!, qmin, qmax };
      const dim = output.quantization!.quantizedDimension;
      const rank = input.shape.length;
      if (!(Number.isInteger(dim) && dim >= 0 && dim < rank)) ctx.fail(`quantized dimension ${dim} out of range for rank ${rank}`);
      const channels = input.shape[dim]!;
      if (out.scale.length !== channels) ctx.fail(`per-channel quantization has ${out.scale.length} scales for ${channels} channels`);
      let inner = 1;
      for (let i = dim + 1; i < rank; i++) inner *= input.shape[i]!;
      return { kind: 'perChannel', scales: out.scale, zeroPoints: out.zeroPoint, channels, inner, qmin, qmax };
    }
    const inp = affineParams(ctx, input);
    if (inp.scale.length !== 1 || out.scale.length !== 1) ctx.fail('requantization needs per-tensor quantization');
    if (input.dtype === 'int16' && output.dtype === 'int16' && (inp.zeroPoint[0] !== 0 || out.zeroPoint[0] !== 0)) {
      ctx.fail('int16 requantization needs zero points of 0');
    }
    const m = quantizeMultiplier(inp.scale[0]! / out.scale[0]!) ?? ctx.fail('the requantization multiplier is not finite');
    const [qmin, qmax] = quantizedRange(output.dtype as QuantizedType);
    return { kind: 'requantize', inputZeroPoint: inp.zeroPoint[0]!, multiplier: m.multiplier, shift: m.shift, outputZeroPoint: out.zeroPoint[0]!, qmin, qmax };
  },
  eval(ctx, data) {
    const input = ctx.input(0).data;
    const output = ctx.output(0).data as QuantizedArray;
    switch (data.kind) {
      case 'affine':
        affineQuantize(input as Float32Array, data.scale, data.zeroPoint, data.qmin, data.qmax, output);
        break;
      case 'perChannel':
        perChannelQuantize(input as Float32Array, data.scales, data.zeroPoints, data.channels, data.inner, data.qmin, data.qmax, output);
        break;
      case 'requantize':
        requantize(input as QuantizedArray, data.inputZeroPoint, data.multiplier, data.shift, data.outputZeroPoint, data.qmin, data.qmax, output);
        break;
    }
  },
};
