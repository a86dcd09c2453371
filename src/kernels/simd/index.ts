// The SIMD tier: every builtin reference kernel, with the wasm SIMD128 kernels in place of theirs.
// To add one: write src/kernels/simd/<op>.ts exporting a factory (wasm) => KernelRegistration built
// with simdKernel() (it falls back to the reference kernel for what it does not handle), and list
// it in SIMD_KERNELS.
import { MutableOpResolver, type BuiltinName } from '../../interpreter/op_resolver.js';
import { BUILTIN_KERNELS } from '../builtin_ops.js';
import { registerCustomOps } from '../custom/index.js';
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { conv2dSimd } from './conv_2d.js';
import { fullyConnectedSimd } from './fully_connected.js';
import { depthwiseConv2dQ8 } from './depthwise_conv_2d_q8.js'; // q8
import { depthwiseConv2dSimd } from './depthwise_conv_2d.js'; // f32
import { addSimd, subSimd, mulSimd, preluSimd, reluSimd, relu6Simd, reluN1To1Simd, leakyReluSimd, hardSwishSimd, logisticSimd } from './elementwise.js'; // f32
import { averagePool2dSimd, maxPool2dSimd, meanSimd, resizeBilinearSimd } from './pool.js'; // f32
import { concatenationSimd, padSimdKernel, padV2SimdKernel } from './data_movement.js'; // f32

export { simdKernel, packConstants, packGemmWeights, scratchOf, inHeapAtEval } from './tier.js';
export type { SimdImpl, TierData } from './tier.js';
export { conv2dSimd, fullyConnectedSimd };

/** SIMD kernel factories by builtin name. */
export const SIMD_KERNELS: Readonly<Partial<Record<BuiltinName, (wasm: WasmKernels) => KernelRegistration>>> = {
  CONV_2D: conv2dSimd,
  FULLY_CONNECTED: fullyConnectedSimd,
  // q8: 8-bit DEPTHWISE_CONV_2D; other nodes go to its second argument (default: the reference kernel),
  // e.g. (wasm) => depthwiseConv2dQ8(wasm, depthwiseConv2dF32Simd(wasm)) for a float SIMD kernel.
  DEPTHWISE_CONV_2D: depthwiseConv2dQ8,
  // f32: element-wise, pooling and data movement (depthwise: composed with q8's below)
  ADD: addSimd,
  SUB: subSimd,
  MUL: mulSimd,
  PRELU: preluSimd,
  RELU: reluSimd,
  RELU6: relu6Simd,
  RELU_N1_TO_1: reluN1To1Simd,
  LEAKY_RELU: leakyReluSimd,
  HARD_SWISH: hardSwishSimd,
  LOGISTIC: logisticSimd,
  AVERAGE_POOL_2D: averagePool2dSimd,
  MAX_POOL_2D: maxPool2dSimd,
  MEAN: meanSimd,
  RESIZE_BILINEAR: resizeBilinearSimd,
  CONCATENATION: concatenationSimd,
  PAD: padSimdKernel,
  PADV2: padV2SimdKernel,
};
// f32: float DEPTHWISE_CONV_2D nodes run the f32 SIMD kernel, 8-bit ones q8's (its second argument is the fallback).
(SIMD_KERNELS as Partial<Record<BuiltinName, (wasm: WasmKernels) => KernelRegistration>>).DEPTHWISE_CONV_2D =
  (wasm) => depthwiseConv2dQ8(wasm, depthwiseConv2dSimd(wasm));

/**
 * A resolver with every builtin kernel (the SIMD ones bound to `wasm`) and TFLite's custom ops,
 * as BuiltinOpResolver. Use it with `{ heap: wasm.heap }`: the SIMD kernels run on tensors in
 * wasm.memory (elsewhere they fall back to the reference kernels).
 */
export function createSimdResolver(wasm: WasmKernels): MutableOpResolver {
  const resolver = new MutableOpResolver();
  for (const [name, kernel] of Object.entries(BUILTIN_KERNELS)) {
    const simd = SIMD_KERNELS[name as BuiltinName];
    resolver.addBuiltin(name as BuiltinName, simd ? simd(wasm) : kernel);
  }
  resolver.passes.push(...f32miscPasses(wasm)); // f32misc
  return registerCustomOps(resolver);
}

// tconv: float TRANSPOSE_CONV as GEMM + col2im (./transpose_conv.ts); MediaPipe's ops with its
// Convolution2DTransposeBias: registerSimdMediaPipeOps (./mediapipe.ts).
import { transposeConvSimd } from './transpose_conv.js'; // tconv
(SIMD_KERNELS as Partial<Record<BuiltinName, (wasm: WasmKernels) => KernelRegistration>>).TRANSPOSE_CONV = transposeConvSimd; // tconv
export { transposeConvSimd, convolution2DTransposeBiasSimd } from './transpose_conv.js'; // tconv
export { registerSimdMediaPipeOps, SIMD_MEDIAPIPE_OPS } from './mediapipe.js'; // tconv

// f32misc: float unary math, DIV/MAXIMUM/MINIMUM/SQUARED_DIFFERENCE (./math.ts), reductions (./reduce.ts),
// hybrid FULLY_CONNECTED, pointwise CONV_2D and DEPTHWISE_CONV_2D (./hybrid.ts), SPLIT and GATHER (./movement.ts).
import { addF32MiscKernels, f32miscPasses } from './f32misc.js'; // f32misc
addF32MiscKernels(SIMD_KERNELS as Partial<Record<BuiltinName, (wasm: WasmKernels) => KernelRegistration>>); // f32misc
