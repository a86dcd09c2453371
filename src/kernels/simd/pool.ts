// Pooling-like float32 ops, SIMD tier (wasm/assembly/pool_f32.ts), bit-exact with the reference:
// AVERAGE_POOL_2D and MAX_POOL_2D; MEAN over H and W of a 4-D input (a constant axis tensor
// naming axes 1 and 2, keep_dims or not) as one average window over the whole image;
// RESIZE_BILINEAR with a constant size (align_corners / half_pixel_centers as the reference).
// Other dtypes, axes and tensors outside the heap run the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Pool2DOptions, ResizeBilinearOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { AVERAGE_POOL_2D } from '../average_pool_2d.js';
import { MAX_POOL_2D } from '../max_pool_2d.js';
import { MEAN } from '../mean.js';
import { RESIZE_BILINEAR } from '../resize_bilinear.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { f32Exports, type F32KernelExports } from './f32_util.js';
import { ELEMENT_WORK, parallelRows } from '../../wasm/splits.js';

/** What the pooling kernels' prepare computes (the window and the fused activation's clamp). */
interface PoolWindow {
  strideH: number;
  strideW: number;
  padH: number;
  padW: number;
  filterH: number;
  filterW: number;
  actMin: number;
  actMax: number;
}

function poolSimd<Ref>(wasm: WasmKernels, reference: KernelRegistration<Ref>, isMax: number): KernelRegistration {
  return simdKernel<Ref, PoolWindow>(wasm, reference, {
    inPlace: [0],
    prepare(ctx: OpContext<Pool2DOptions>, ref) {
      const input = ctx.input(0);
      if (input.dtype !== 'float32' || !inHeapAtEval(input)) return null;
      const w = ref as unknown as PoolWindow;
      return {
        strideH: w.strideH, strideW: w.strideW, padH: w.padH, padW: w.padW,
        filterH: w.filterH, filterW: w.filterW, actMin: w.actMin, actMax: w.actMax,
      };
    },
    eval(ctx, w) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, c] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      if (batches * outH * outW * c === 0) return;
      f32Exports(wasm).pool_f32(
        isMax, input.heapByteOffset, output.heapByteOffset, batches, inH, inW, c, outH, outW,
        w.filterH, w.filterW, w.strideH, w.strideW, w.padH, w.padW, w.actMin, w.actMax,
      );
    },
  });
}

export const averagePool2dSimd = (wasm: WasmKernels): KernelRegistration => poolSimd(wasm, AVERAGE_POOL_2D, 0);
export const maxPool2dSimd = (wasm: WasmKernels): KernelRegistration => poolSimd(wasm, MAX_POOL_2D, 1);

/** MEAN over axes {1, 2} of a 4-D float32 input: the average pooling of one window per image. */
export function meanSimd(wasm: WasmKernels): KernelRegistration {
  return simdKernel<unknown, { ref: unknown }>(wasm, MEAN as KernelRegistration<unknown>, {
    inPlace: [0],
    prepare(ctx, ref) {
      const input = ctx.input(0), axis = ctx.input(1);
      if (input.dtype !== 'float32' || input.shape.length !== 4 || !axis.isConstant || !inHeapAtEval(input)) return null;
      const axes = new Set(Array.from(axis.data as ArrayLike<number | bigint>, (v) => (Number(v) + 4) % 4));
      if (axes.size !== 2 || !axes.has(1) || !axes.has(2)) return null;
      return { ref };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, h, w, c] = input.shape as [number, number, number, number];
      if (h * w === 0) {
        (MEAN as KernelRegistration<unknown>).eval(ctx, d.ref);
        return;
      }
      if (batches * c === 0) return;
      f32Exports(wasm).pool_f32(0, input.heapByteOffset, output.heapByteOffset, batches, h, w, c, 1, 1, h, w, 1, 1, 0, 0, -Infinity, Infinity);
    },
  });
}

interface ResizeSimd {
  hScale: number;
  wScale: number;
  halfPixel: number;
  /** 16 bytes per output column (sources and weights), per thread of wasm.pool. */
  scratch: Scratch;
  scratchStride: number;
}

/** The reference's float32 scale of one axis. */
function floatScale(inSize: number, outSize: number, alignCorners: boolean): number {
  return alignCorners && outSize > 1 ? Math.fround((inSize - 1) / (outSize - 1)) : Math.fround(inSize / outSize);
}

export function resizeBilinearSimd(wasm: WasmKernels): KernelRegistration {
  return simdKernel<unknown, ResizeSimd>(wasm, RESIZE_BILINEAR as KernelRegistration<unknown>, {
    inPlace: [0],
    prepare(ctx: OpContext<ResizeBilinearOptions>) {
      const input = ctx.input(0), output = ctx.output(0);
      if (input.dtype !== 'float32' || !ctx.input(1).isConstant || !inHeapAtEval(input)) return null;
      const [, inH, inW] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      const align = ctx.options.alignCorners === true;
      const scratch = scratchOf(wasm);
      const scratchStride = Math.ceil(Math.max(16, outW * 16) / 64) * 64;
      scratch.reserve(scratchStride * (wasm.pool?.threads ?? 1));
      return { hScale: floatScale(inH, outH, align), wScale: floatScale(inW, outW, align), halfPixel: ctx.options.halfPixelCenters ? 1 : 0, scratch, scratchStride };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, c] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      if (batches * outH * outW * c === 0) return;
      const resize = (inAt: number, outAt: number, images: number, y0: number, rows: number): number[] => [
        inAt, outAt, images, inH, inW, c, outH, outW, d.hScale, d.wScale, d.halfPixel, d.scratch.offset, y0, rows,
      ];
      // threads: split by output rows (each output row is computed on its own)
      if (wasm.pool && parallelRows(
        wasm.pool, 'resize_bilinear_f32',
        { batches, outH, inImageBytes: inH * inW * c * 4, outRowBytes: outW * c * 4, strideH: 1, padH: 0 },
        input.heapByteOffset, output.heapByteOffset, batches * outH * outW * c * ELEMENT_WORK.cheap,
        (inAt, outAt, images, rows, _padH, oy) => resize(inAt, outAt, images, oy, rows),
        { args: [11], stride: d.scratchStride },
      )) return;
      f32Exports(wasm).resize_bilinear_f32(...(resize(input.heapByteOffset, output.heapByteOffset, batches, 0, outH) as Parameters<F32KernelExports['resize_bilinear_f32']>));
    },
  });
}
