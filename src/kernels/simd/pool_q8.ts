// RESIZE_BILINEAR and MEAN (over H and W) on int8 / uint8 tensors, SIMD tier
// (wasm/assembly/pool_q8.ts), bit-exact with the reference kernels: the resize where the reference
// takes XNNPACK's Q11 arithmetic (quantized input, constant size), the mean's int32 sums in wasm
// and its requantization (requantizeMeans) in TypeScript. Other nodes go to `base` (the float
// kernels), other 8-bit cases to the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { ResizeBilinearOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { isConstant } from '../kernel_util.js';
import { RESIZE_BILINEAR, xnnpackAxis } from '../resize_bilinear.js';
import { MEAN, requantizeMeans, type QuantizedMeanParams } from '../mean.js';
import { isQuantized } from '../util/movement.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { isQ8, withQ8 } from './gemm_q8.js';

interface PoolQ8Exports {
  /** XNNPACK's bilinear resize; tables of [left, right, weight] per output column and [top, bottom, weight] per output row. */
  q8_resize_bilinear(u8: number, input: number, output: number, batches: number, imageBytes: number, c: number, outH: number, outW: number, xTab: number, yTab: number): void;
  /** int32 sums over H·W of each image's channels [0, c), pixels (and images' sums) `stride` apart. */
  q8_sum_hw(u8: number, input: number, sums: number, images: number, hw: number, c: number, stride: number): void;
}

const exportsOf = (wasm: WasmKernels): PoolQ8Exports => wasm.exports as unknown as PoolQ8Exports;

type ResizeRef = ReturnType<typeof RESIZE_BILINEAR.prepare>;

interface ResizeQ8 {
  /** The column then row tables, written to the scratch at eval. */
  tables: Int32Array;
  outW: number;
  scratch: Scratch;
}

/** 8-bit RESIZE_BILINEAR on the SIMD tier; other nodes go to `base`. */
export function resizeBilinearQ8(wasm: WasmKernels, base: KernelRegistration): KernelRegistration {
  const q = exportsOf(wasm);
  const reg = simdKernel<ResizeRef, ResizeQ8>(wasm, RESIZE_BILINEAR, {
    inPlace: [0],
    prepare(ctx: OpContext<ResizeBilinearOptions>, ref) {
      const input = ctx.input(0), g = ref.geometry;
      // The reference's condition for XNNPACK's arithmetic.
      if (g === null || !isQ8(input.dtype) || !isQuantized(input) || !isConstant(ctx.input(1)) || !inHeapAtEval(input)) return null;
      const p = { alignCorners: ctx.options.alignCorners === true, halfPixelCenters: ctx.options.halfPixelCenters === true };
      const xs = xnnpackAxis(g.inW, g.outW, p), ys = xnnpackAxis(g.inH, g.outH, p);
      const tables = new Int32Array(3 * (g.outW + g.outH));
      const rowBytes = g.inW * g.depth;
      for (let x = 0; x < g.outW; x++) tables.set([xs.lo[x]! * g.depth, xs.hi[x]! * g.depth, xs.weight[x]!], 3 * x);
      for (let y = 0; y < g.outH; y++) tables.set([ys.lo[y]! * rowBytes, ys.hi[y]! * rowBytes, ys.weight[y]!], 3 * (g.outW + y));
      const scratch = scratchOf(wasm);
      scratch.reserve(tables.byteLength);
      return { tables, outW: g.outW, scratch };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, c] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      if (output.size === 0) return;
      const at = d.scratch.offset;
      new Int32Array(wasm.memory.buffer, at, d.tables.length).set(d.tables);
      q.q8_resize_bilinear(input.dtype === 'uint8' ? 1 : 0, input.heapByteOffset, output.heapByteOffset, batches, inH * inW * c, c, outH, outW, at, at + 12 * d.outW);
    },
  });
  return withQ8(reg, base);
}

type MeanRef = ReturnType<typeof MEAN.prepare>;

interface MeanQ8 {
  params: QuantizedMeanParams;
  scratch: Scratch;
}

/** 8-bit MEAN over axes {1, 2} of a 4-D input (a constant axis tensor) on the SIMD tier; other nodes go to `base`. */
export function meanQ8(wasm: WasmKernels, base: KernelRegistration): KernelRegistration {
  const q = exportsOf(wasm);
  const reg = simdKernel<MeanRef, MeanQ8>(wasm, MEAN, {
    inPlace: [0],
    prepare(ctx, ref) {
      const input = ctx.input(0), axis = ctx.input(1);
      const params = ref.quant?.params ?? null;
      if (params === null || ref.plan === null || input.shape.length !== 4 || !axis.isConstant || !inHeapAtEval(input)) return null;
      const axes = new Set(Array.from(axis.data as ArrayLike<number | bigint>, (v) => (Number(v) + 4) % 4));
      if (axes.size !== 2 || !axes.has(1) || !axes.has(2)) return null;
      const [batches, h, w, c] = input.shape as [number, number, number, number];
      if (h * w === 0) return null;
      const scratch = scratchOf(wasm);
      scratch.reserve(Math.max(16, 4 * batches * c));
      return { params, scratch };
    },
    eval(ctx, d) {
      const input = ctx.input(0);
      const [batches, h, w, c] = input.shape as [number, number, number, number];
      const n = batches * c;
      if (n === 0) return;
      q.q8_sum_hw(input.dtype === 'uint8' ? 1 : 0, input.heapByteOffset, d.scratch.offset, batches, h * w, c, c);
      requantizeMeans(d.params, new Int32Array(wasm.memory.buffer, d.scratch.offset, n), n, ctx.output(0).data);
    },
  });
  return withQ8(reg, base);
}
