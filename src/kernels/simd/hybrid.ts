// Hybrid (dynamic-range: float activations, int8 weights) FULLY_CONNECTED, pointwise CONV_2D and
// DEPTHWISE_CONV_2D, SIMD tier (wasm/assembly/hybrid_f32.ts): the input quantized per row
// (FULLY_CONNECTED, symmetric or asymmetric as the node says), per pixel (a 1×1 stride-1
// convolution) or per image (depthwise), int8 products, the reference's float epilogue; bit-exact
// with the reference kernels. Activations other than the clamps (TANH, SIGN_BIT), other hybrid
// convolutions, depthwise with fewer than 8 channels or a depth multiplier, and computed weights
// run the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { Conv2DOptions, DepthwiseConv2DOptions, FullyConnectedOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { Activation, activationRange } from '../kernel_util.js';
import { FULLY_CONNECTED } from '../fully_connected.js';
import { CONV_2D } from '../conv_2d.js';
import { DEPTHWISE_CONV_2D } from '../depthwise_conv_2d.js';
import type { ConvParams } from '../util/conv_util.js';
import { inHeapAtEval, packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';

interface HybridExports {
  /** See wasm/assembly/hybrid_f32.ts. Offsets and strides in bytes. */
  hybrid_gemm_f32(
    mode: number, x: number, lda: number, m: number, n: number, k: number, asym: number, w: number, scratch: number, tileRows: number,
    c: number, ldc: number, lo: number, hi: number, hasBias: number,
  ): void;
  hybrid_dwconv_f32(
    input: number, output: number, w: number, scratch: number,
    batches: number, inH: number, inW: number, c: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number, pH: number, pW: number,
    lo: number, hi: number, hasBias: number,
  ): void;
}

const MODE_FC = 0;
const MODE_CONV = 1;
const NR = 8;
const HEADER = 64;
/** Rows quantized per GEMM tile: about 32 KiB of i16 rows. */
const TILE_BYTES = 32 * 1024;

/**
 * Packs int8 weights [n, k] (uint8 bytes read as int8, as TFLite's hybrid kernels do), the float
 * bias [n] (zeros when absent) and per-column scales into hybrid_gemm_f32's panels.
 */
function packHybridWeights(wasm: WasmKernels, weights: Tensor, bias: Tensor | null, scales: Float32Array, n: number, k: number): number {
  const kp = (k + 1) >> 1;
  const panels = Math.ceil(n / NR);
  const panelBytes = HEADER + kp * 32;
  return packConstants(wasm, `hybrid ${n}x${k} ${scales.join(',')}`, [weights, bias], panels * panelBytes, (buffer, offset) => {
    const src = weights.data as Int8Array | Uint8Array;
    const w = src instanceof Int8Array ? src : new Int8Array(src.buffer, src.byteOffset, src.length);
    const b = bias === null ? null : (bias.data as Float32Array);
    new Uint8Array(buffer, offset, panels * panelBytes).fill(0);
    for (let p = 0; p < panels; p++) {
      const base = offset + p * panelBytes;
      const head = new Float32Array(buffer, base, 16);
      const body = new Int16Array(buffer, base + HEADER, kp * 16);
      for (let c = 0; c < Math.min(NR, n - p * NR); c++) {
        const j = p * NR + c;
        head[c] = b === null ? 0 : b[j]!;
        head[8 + c] = scales[j]!;
        for (let d = 0; d < k; d++) body[(d >> 1) * 16 + c * 2 + (d & 1)] = w[j * k + d]!;
      }
    }
  });
}

interface HybridSimd {
  mode: number;
  m: number;
  n: number;
  k: number;
  asym: number;
  weights: number;
  scratch: Scratch;
  tileRows: number;
  lo: number;
  hi: number;
  hasBias: number;
}

/** The scratch rows and their bytes for depth k. */
function tiling(wasm: WasmKernels, k: number): { scratch: Scratch; tileRows: number } {
  const rowBytes = ((k + 1) >> 1) * 4 + 4;
  const tileRows = Math.max(4, Math.floor(TILE_BYTES / rowBytes) & ~3);
  const scratch = scratchOf(wasm);
  scratch.reserve(tileRows * rowBytes + 16);
  return { scratch, tileRows };
}

function evalHybrid(wasm: WasmKernels, ctx: OpContext, d: HybridSimd): void {
  if (d.m === 0 || d.n === 0) return;
  (wasm.exports as unknown as HybridExports).hybrid_gemm_f32(
    d.mode, ctx.input(0).heapByteOffset, d.k * 4, d.m, d.n, d.k, d.asym, d.weights, d.scratch.offset, d.tileRows,
    ctx.output(0).heapByteOffset, d.n * 4, d.lo, d.hi, d.hasBias,
  );
}

/** The clamp of a fused activation, or null for those the kernel does not fuse (TANH, SIGN_BIT). */
function clampOf(activation: number): [number, number] | null {
  const clamps: number[] = [Activation.NONE, Activation.RELU, Activation.RELU_N1_TO_1, Activation.RELU6];
  return clamps.includes(activation) ? activationRange(activation) : null;
}

type FcRef = ReturnType<typeof FULLY_CONNECTED.prepare>;

function hybridFullyConnected(wasm: WasmKernels): KernelRegistration {
  return simdKernel<FcRef, HybridSimd>(wasm, FULLY_CONNECTED, {
    inPlace: [0],
    prepare(ctx: OpContext<FullyConnectedOptions>, ref) {
      if (ref.kind !== 'hybrid') return null;
      const weights = ctx.input(1), bias = ctx.optionalInput(2);
      const clamp = clampOf(ref.p.activation);
      if (clamp === null || !weights.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(ctx.input(0))) return null;
      const { rows, depth, units } = ref.p;
      const scales = ref.p.channelScales ?? new Float32Array(units).fill(ref.p.filterScale);
      return {
        mode: MODE_FC, m: rows, n: units, k: depth, asym: ref.p.asymmetric ? 1 : 0,
        weights: packHybridWeights(wasm, weights, bias, scales, units, depth), ...tiling(wasm, depth),
        lo: clamp[0], hi: clamp[1], hasBias: 1,
      };
    },
    eval: (ctx, d) => evalHybrid(wasm, ctx, d),
  });
}

type ConvRef = ReturnType<typeof CONV_2D.prepare>;

function hybridPointwiseConv(wasm: WasmKernels): KernelRegistration {
  return simdKernel<ConvRef, HybridSimd>(wasm, CONV_2D, {
    inPlace: [0],
    prepare(ctx: OpContext<Conv2DOptions>, ref) {
      if (ref.mode !== 'hybrid' || !ref.pixelwise) return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2);
      if (!filter.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const [batches, h, w, inC] = input.shape as [number, number, number, number];
      const outC = filter.shape[0]!;
      return {
        mode: MODE_CONV, m: batches * h * w, n: outC, k: inC, asym: 1,
        weights: packHybridWeights(wasm, filter, bias, ref.channelScales!, outC, inC), ...tiling(wasm, inC),
        lo: ref.params.actMin, hi: ref.params.actMax, hasBias: bias === null ? 0 : 1,
      };
    },
    eval: (ctx, d) => evalHybrid(wasm, ctx, d),
  });
}

type DwRef = ReturnType<typeof DEPTHWISE_CONV_2D.prepare>;

interface HybridDepthwise {
  params: ConvParams;
  weights: number;
  scratch: Scratch;
  /** The zero-padded quantized image: pH × pW pixels. */
  pH: number;
  pW: number;
  hasBias: number;
}

/** Per block of 8 channels (the last at C − 8): [cs f32[8], bias f32[8]], then kH · kW taps of 8 i16. */
function packHybridDepthwise(wasm: WasmKernels, filter: Tensor, bias: Tensor | null, scales: Float32Array, c: number, taps: number): number {
  const blocks = Math.ceil(c / 8);
  const blockBytes = 64 + taps * 16;
  return packConstants(wasm, `hybrid dw ${c}x${taps} ${scales.join(',')}`, [filter, bias], blocks * blockBytes, (buffer, offset) => {
    const f = filter.data as Int8Array;
    const b = bias === null ? null : (bias.data as Float32Array);
    for (let j = 0; j < blocks; j++) {
      const c0 = Math.min(j * 8, c - 8), base = offset + j * blockBytes;
      const head = new Float32Array(buffer, base, 16);
      const body = new Int16Array(buffer, base + 64, taps * 8);
      for (let l = 0; l < 8; l++) {
        head[l] = scales[c0 + l]!;
        head[8 + l] = b === null ? 0 : b[c0 + l]!;
        for (let t = 0; t < taps; t++) body[t * 8 + l] = f[t * c + c0 + l]!;
      }
    }
  });
}

function hybridDepthwise(wasm: WasmKernels): KernelRegistration {
  return simdKernel<DwRef, HybridDepthwise>(wasm, DEPTHWISE_CONV_2D, {
    inPlace: [0],
    prepare(ctx: OpContext<DepthwiseConv2DOptions>, ref) {
      if (ref.mode !== 'hybrid') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2);
      const [, inH, inW, c] = input.shape as [number, number, number, number];
      const [, kH, kW, outC] = filter.shape as [number, number, number, number];
      if (outC !== c || c < 8 || !filter.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const p = ref.params;
      // The windows' extent, the image at (padH, padW).
      const pH = Math.max(inH + p.padH, (p.outH - 1) * p.strideH + (kH - 1) * p.dilationH + 1);
      const pW = Math.max(inW + p.padW, (p.outW - 1) * p.strideW + (kW - 1) * p.dilationW + 1);
      const scratch = scratchOf(wasm);
      scratch.reserve(pH * pW * c * 2 + 16);
      return { params: p, weights: packHybridDepthwise(wasm, filter, bias, ref.channelScales!, c, kH * kW), scratch, pH, pW, hasBias: bias === null ? 0 : 1 };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0), filter = ctx.input(1);
      const [batches, inH, inW, c] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      if (batches * outH * outW === 0) return;
      const p = d.params;
      (wasm.exports as unknown as HybridExports).hybrid_dwconv_f32(
        input.heapByteOffset, output.heapByteOffset, d.weights, d.scratch.offset, batches, inH, inW, c, outH, outW,
        filter.shape[1]!, filter.shape[2]!, p.strideH, p.strideW, p.dilationH, p.dilationW, p.padH, p.padW,
        d.pH, d.pW, p.actMin, p.actMax, d.hasBias,
      );
    },
  });
}

/** Whether a node is hybrid: float input, 8-bit weights (input 1). */
function isHybrid(ctx: OpContext): boolean {
  const w = ctx.inputs[1]?.dtype;
  return ctx.inputs[0]?.dtype === 'float32' && (w === 'int8' || w === 'uint8');
}

/** A registration that prepares and runs hybrid nodes with `hybrid`, all others with `base`. */
function withHybrid(hybrid: KernelRegistration, base: KernelRegistration): KernelRegistration {
  const mine = new WeakSet<object>();
  return {
    prepare(ctx) {
      if (!isHybrid(ctx)) return base.prepare(ctx);
      const data = hybrid.prepare(ctx) as object;
      mine.add(data);
      return data;
    },
    eval(ctx, data) {
      if (mine.has(data as object)) hybrid.eval(ctx, data);
      else base.eval(ctx, data);
    },
  };
}

/** FULLY_CONNECTED: hybrid nodes here, the others to `base` (the op's other SIMD registration). */
export const fullyConnectedHybridSimd = (wasm: WasmKernels, base: KernelRegistration): KernelRegistration =>
  withHybrid(hybridFullyConnected(wasm), base);

/** CONV_2D: hybrid nodes here (pointwise ones in wasm), the others to `base`. */
export const conv2dHybridSimd = (wasm: WasmKernels, base: KernelRegistration): KernelRegistration =>
  withHybrid(hybridPointwiseConv(wasm), base);

/** DEPTHWISE_CONV_2D: hybrid nodes here, the others to `base`. */
export const depthwiseConv2dHybridSimd = (wasm: WasmKernels, base: KernelRegistration): KernelRegistration =>
  withHybrid(hybridDepthwise(wasm), base);
