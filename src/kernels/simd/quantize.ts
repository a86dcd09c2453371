// QUANTIZE, DEQUANTIZE and CAST between 8-bit and float32 tensors, SIMD tier
// (wasm/assembly/elementwise_q8.ts), bit-exact with the reference kernels: QUANTIZE float32 →
// int8 / uint8 per tensor and int8 / uint8 → int8 / uint8 requantization; DEQUANTIZE int8 / uint8 →
// float32 per tensor; CAST int8 / uint8 → float32. Other types, per-channel parameters, zero points
// outside the type's range and tensors outside the heap run the reference kernels.
import type { KernelRegistration } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { QUANTIZE } from '../quantize.js';
import { DEQUANTIZE } from '../dequantize.js';
import { CAST } from '../cast.js';
import { inHeapAtEval, simdKernel } from './tier.js';
import { isQ8InRange, q8ElementwiseExports, rdbpotArgs } from './elementwise_q8.js';

type QuantizeData = ReturnType<typeof QUANTIZE.prepare>;
type DequantizeData = ReturnType<typeof DEQUANTIZE.prepare>;

/** One call over the whole tensor: input and output byte offsets, element count. */
type UnaryCall = (x: number, out: number, n: number) => void;

/** A one-input SIMD registration: `callOf` picks the wasm call for a node (null: the reference runs it). */
function unarySimd<Ref>(
  wasm: WasmKernels, reference: KernelRegistration<Ref>, callOf: (x: Tensor, out: Tensor, ref: Ref) => UnaryCall | null,
): KernelRegistration {
  return simdKernel<Ref, UnaryCall>(wasm, reference, {
    inPlace: [0],
    prepare(ctx, ref) {
      const x = ctx.input(0);
      return inHeapAtEval(x) ? callOf(x, ctx.output(0), ref) : null;
    },
    eval(ctx, call) {
      const out = ctx.output(0);
      if (out.size > 0) call(ctx.input(0).heapByteOffset, out.heapByteOffset, out.size);
    },
  });
}

const u8Flag = (t: Tensor): number => (t.dtype === 'uint8' ? 1 : 0);

/** A power of two inside float32's normal range (where q8_quantize_f32 may multiply by 1 / scale in float32). */
function isPowerOfTwoScale(scale: number): boolean {
  const e = Math.round(Math.log2(scale));
  return e >= -126 && e <= 126 && scale === 2 ** e;
}

/** QUANTIZE float32 → 8 bits (per tensor) and 8 → 8 bits on the SIMD tier. */
export function quantizeSimd(wasm: WasmKernels): KernelRegistration {
  const q = q8ElementwiseExports(wasm);
  return unarySimd<QuantizeData>(wasm, QUANTIZE, (x, out, ref) => {
    if (!isQ8InRange(out)) return null;
    const uOut = u8Flag(out);
    if (ref.kind === 'affine' && x.dtype === 'float32') {
      const { scale, zeroPoint } = ref;
      const inv = isPowerOfTwoScale(scale) ? 1 / scale : 0;
      return (px, po, n) => q.q8_quantize_f32(uOut, px, po, n, scale, inv, zeroPoint);
    }
    if (ref.kind === 'requantize' && isQ8InRange(x)) {
      const { inputZeroPoint, multiplier, shift, outputZeroPoint } = ref;
      const uIn = u8Flag(x);
      // MultiplyByQuantizedMultiplier: a left shift for shift > 0, else a rounding right shift.
      const left = shift > 0 ? shift : 0;
      const [mask, k] = rdbpotArgs(shift > 0 ? 0 : -shift, false);
      return (px, po, n) => q.q8_requantize(uIn, uOut, px, po, n, inputZeroPoint, left, multiplier, mask, k, outputZeroPoint);
    }
    return null;
  });
}

/** DEQUANTIZE int8 / uint8 → float32 (per tensor) on the SIMD tier. */
export function dequantizeSimd(wasm: WasmKernels): KernelRegistration {
  const q = q8ElementwiseExports(wasm);
  return unarySimd<DequantizeData>(wasm, DEQUANTIZE, (x, out, ref) => {
    if (ref.perChannel !== null || !isQ8InRange(x) || out.dtype !== 'float32') return null;
    const u8 = u8Flag(x), zp = x.zeroPoint, scale = x.scale;
    return (px, po, n) => q.q8_dequantize(u8, px, po, n, zp, scale);
  });
}

/** CAST int8 / uint8 → float32 on the SIMD tier (a dequantization with zero point 0 and scale 1). */
export function castSimd(wasm: WasmKernels): KernelRegistration {
  const q = q8ElementwiseExports(wasm);
  return unarySimd<void>(wasm, CAST, (x, out) => {
    if ((x.dtype !== 'int8' && x.dtype !== 'uint8') || out.dtype !== 'float32') return null;
    const u8 = u8Flag(x);
    return (px, po, n) => q.q8_dequantize(u8, px, po, n, 0, 1);
  });
}
