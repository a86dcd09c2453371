// DEQUANTIZE (TFLite dequantize.cc): float16 -> float32 (how fp16 weights are stored), and
// uint8/int8/int16 -> float32 as (q - zeroPoint) * scale, per channel along
// quantizedDimension when the tensor carries several scales (uint8/int8 only, as TFLite).
import type { DequantizeOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { checkType, halfToFloat } from './kernel_util.js';
import { checkCounts } from './util/reduce.js';

/** Reference kernel: per-tensor affine dequantization, computed in double and rounded to float32 as TFLite. */
export function dequantize(input: Uint8Array | Int8Array | Int16Array, scale: number, zeroPoint: number, output: Float32Array): void {
  for (let i = 0; i < input.length; i++) output[i] = scale * (input[i]! - zeroPoint);
}

/**
 * Reference kernel: per-channel dequantization; `channel` is the quantized dimension's
 * size and `inner` the product of the dims after it.
 */
export function dequantizePerChannel(input: Uint8Array | Int8Array, scales: readonly number[], zeroPoints: readonly number[], channels: number, inner: number, output: Float32Array): void {
  for (let i = 0; i < input.length; i++) {
    const c = Math.floor(i / inner) % channels;
    output[i] = scales[c]! * (input[i]! - zeroPoints[c]!);
  }
}

/** Reference kernel: IEEE half bits to float32 (exact). */
export function dequantizeHalf(input: Uint16Array, output: Float32Array): void {
  for (let i = 0; i < input.length; i++) output[i] = halfToFloat(input[i]!);
}

interface DequantizeData {
  /** Per-channel layout, or null for per-tensor parameters. */
  perChannel: { channels: number; inner: number } | null;
}

export const DEQUANTIZE: KernelRegistration<DequantizeData, DequantizeOptions> = {
  prepare(ctx) {
    checkCounts(ctx, 1, 1);
    const input = ctx.input(0);
    const output = ctx.output(0);
    checkType(ctx, input, 'float16', 'uint8', 'int8', 'int16');
    checkType(ctx, output, 'float32');
    ctx.resizeOutput(0, input.shape);
    const q = input.quantization;
    if (input.dtype === 'float16' || q === null || q.scale.length <= 1) return { perChannel: null };
    if (input.dtype === 'int16') ctx.fail('per-channel dequantization supports uint8 and int8 only');
    const dim = q.quantizedDimension;
    if (!(Number.isInteger(dim) && dim >= 0 && dim < input.shape.length)) ctx.fail(`quantized dimension ${dim} out of range for rank ${input.shape.length}`);
    const channels = input.shape[dim]!;
    if (q.scale.length !== channels || q.zeroPoint.length !== channels) {
      ctx.fail(`per-channel quantization has ${q.scale.length} scales and ${q.zeroPoint.length} zero points for ${channels} channels`);
    }
    let inner = 1;
    for (let i = dim + 1; i < input.shape.length; i++) inner *= input.shape[i]!;
    return { perChannel: { channels, inner } };
  },
  eval(ctx, data) {
    const input = ctx.input(0);
    const out = ctx.output(0).data as Float32Array;
    if (input.dtype === 'float16') {
      dequantizeHalf(input.data as Uint16Array, out);
    } else if (data.perChannel !== null) {
      const q = input.quantization!;
      dequantizePerChannel(input.data as Int8Array, q.scale, q.zeroPoint, data.perChannel.channels, data.perChannel.inner, out);
    } else {
      dequantize(input.data as Int8Array, input.scale, input.zeroPoint, out);
    }
  },
};
