// The SIMD tier: every builtin reference kernel, with the wasm SIMD128 kernels in place of theirs.
// To add one: write src/kernels/simd/<op>.ts exporting a factory (wasm) => KernelRegistration built
// with simdKernel() (it falls back to the reference kernel for what it does not handle), and list
// it in SIMD_KERNELS. Each factory is also exported on its own, so that an application registering
// only some ops (MutableOpResolver) bundles only their kernels.
import { MutableOpResolver, type BuiltinName } from '../../interpreter/op_resolver.js';
import { BUILTIN_KERNELS } from '../builtin_ops.js';
import { registerCustomOps } from '../custom/index.js';
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { conv2dSimd as conv2dF32Q8 } from './conv_2d.js';
import { fullyConnectedSimd as fullyConnectedF32Q8 } from './fully_connected.js';
import { depthwiseConv2dQ8 } from './depthwise_conv_2d_q8.js';
import { depthwiseConv2dF32Simd } from './depthwise_conv_2d.js';
import {
  addSimd as addF32, subSimd as subF32, mulSimd as mulF32, preluSimd, reluSimd, relu6Simd, reluN1To1Simd, leakyReluSimd, hardSwishSimd,
  logisticSimd as logisticF32,
} from './elementwise.js';
import {
  absSimd, ceilSimd, divSimd, expSimd, floorSimd, logSimd, maximumSimd, minimumSimd, negSimd, roundSimd, rsqrtSimd,
  sqrtSimd, squareSimd, squaredDifferenceSimd, tanhSimd,
} from './math.js';
import { meanReduceSimd, reduceMaxSimd, reduceMinSimd, reduceProdSimd, sumSimd } from './reduce.js';
import { gatherSimd, splitSimd } from './movement.js';
import { conv2dHybridSimd, depthwiseConv2dHybridSimd, fullyConnectedHybridSimd } from './hybrid.js';
import { fuseConvPrelu } from './conv_prelu.js';
import { fusePrelu } from '../../interpreter/fusion.js';
import { averagePool2dSimd, maxPool2dSimd, resizeBilinearSimd as resizeBilinearF32 } from './pool.js';
import { addQ8, subQ8, mulQ8 } from './elementwise_q8.js';
import { quantizeSimd as quantizeF32Q8, dequantizeSimd, castSimd as castQ8 } from './quantize.js';
import { withI16 } from './gemm_i16.js';
import { conv2dI16 } from './conv_2d_i16.js';
import { depthwiseConv2dI16 } from './depthwise_conv_2d_i16.js';
import { fullyConnectedI16 } from './fully_connected_i16.js';
import { addI16, meanI16, quantizeI16, subI16 } from './elementwise_i16.js';
import { resizeBilinearQ8, meanQ8 } from './pool_q8.js';
import { logisticQ8 } from './lut_q8.js';
import { concatenationSimd, padSimdKernel, padV2SimdKernel } from './data_movement.js';
import { transposeConvSimd } from './transpose_conv.js';
import { argMaxSimd, argMinSimd } from './arg_max.js';
import { castI64 } from './cast_i64.js';
import { unidirectionalSequenceLstmSimd } from './lstm_integer.js';
import { batchMatMulSimd } from './batch_matmul.js';
import { softmaxSimd } from './softmax.js';

export { simdKernel, packConstants, packGemmWeights, scratchOf, inHeapAtEval } from './tier.js';
export type { SimdImpl, TierData } from './tier.js';
export {
  preluSimd, reluSimd, relu6Simd, reluN1To1Simd, leakyReluSimd, hardSwishSimd, averagePool2dSimd, maxPool2dSimd,
  concatenationSimd, padSimdKernel, padV2SimdKernel, transposeConvSimd, dequantizeSimd,
  absSimd, ceilSimd, divSimd, expSimd, floorSimd, logSimd, maximumSimd, minimumSimd, negSimd, roundSimd, rsqrtSimd,
  sqrtSimd, squareSimd, squaredDifferenceSimd, tanhSimd, reduceMaxSimd, reduceMinSimd, reduceProdSimd, sumSimd,
  gatherSimd, splitSimd,
};
export { convolution2DTransposeBiasSimd } from './transpose_conv.js';
export { argMaxSimd, argMinSimd } from './arg_max.js';
export { unidirectionalSequenceLstmSimd } from './lstm_integer.js';
export { batchMatMulSimd } from './batch_matmul.js';
export { softmaxSimd } from './softmax.js';
export { registerSimdMediaPipeOps, SIMD_MEDIAPIPE_OPS } from './mediapipe.js';

type Factory = (wasm: WasmKernels) => KernelRegistration;

// Ops with kernels for several activation types: int16 nodes (16x8) on the i16 kernel, 8-bit ones
// on the q8 kernel, hybrid ones (float activations, 8-bit weights) on the hybrid kernel, the others
// on the f32 one (QUANTIZE: by its output type).
export const conv2dSimd: Factory = (wasm) => withI16(conv2dI16(wasm), conv2dHybridSimd(wasm, conv2dF32Q8(wasm)));
export const depthwiseConv2dSimd: Factory = (wasm) =>
  withI16(depthwiseConv2dI16(wasm), depthwiseConv2dHybridSimd(wasm, depthwiseConv2dQ8(wasm, depthwiseConv2dF32Simd(wasm))));
export const fullyConnectedSimd: Factory = (wasm) => withI16(fullyConnectedI16(wasm), fullyConnectedHybridSimd(wasm, fullyConnectedF32Q8(wasm)));
export const addSimd: Factory = (wasm) => withI16(addI16(wasm), addQ8(wasm, addF32(wasm)));
export const subSimd: Factory = (wasm) => withI16(subI16(wasm), subQ8(wasm, subF32(wasm)));
export const mulSimd: Factory = (wasm) => mulQ8(wasm, mulF32(wasm));
export const meanSimd: Factory = (wasm) => withI16(meanI16(wasm), meanQ8(wasm, meanReduceSimd(wasm)));
export const quantizeSimd: Factory = (wasm) => withI16(quantizeI16(wasm), quantizeF32Q8(wasm), 'output');
export const resizeBilinearSimd: Factory = (wasm) => resizeBilinearQ8(wasm, resizeBilinearF32(wasm));
export const logisticSimd: Factory = (wasm) => logisticQ8(wasm, logisticF32(wasm));
export const castSimd: Factory = (wasm) => castI64(wasm, castQ8(wasm));

/** SIMD kernel factories by builtin name. */
export const SIMD_KERNELS: Readonly<Partial<Record<BuiltinName, Factory>>> = {
  CONV_2D: conv2dSimd,
  FULLY_CONNECTED: fullyConnectedSimd,
  DEPTHWISE_CONV_2D: depthwiseConv2dSimd,
  TRANSPOSE_CONV: transposeConvSimd,
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
  QUANTIZE: quantizeSimd,
  DEQUANTIZE: dequantizeSimd,
  NEG: negSimd,
  ABS: absSimd,
  SQUARE: squareSimd,
  SQRT: sqrtSimd,
  RSQRT: rsqrtSimd,
  EXP: expSimd,
  LOG: logSimd,
  TANH: tanhSimd,
  CEIL: ceilSimd,
  FLOOR: floorSimd,
  ROUND: roundSimd,
  DIV: divSimd,
  MAXIMUM: maximumSimd,
  MINIMUM: minimumSimd,
  SQUARED_DIFFERENCE: squaredDifferenceSimd,
  SUM: sumSimd,
  REDUCE_MAX: reduceMaxSimd,
  REDUCE_MIN: reduceMinSimd,
  REDUCE_PROD: reduceProdSimd,
  SPLIT: splitSimd,
  GATHER: gatherSimd,
  CAST: castSimd,
  ARG_MAX: argMaxSimd,
  ARG_MIN: argMinSimd,
  UNIDIRECTIONAL_SEQUENCE_LSTM: unidirectionalSequenceLstmSimd,
  BATCH_MATMUL: batchMatMulSimd,
  SOFTMAX: softmaxSimd,
};

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
  // PReLU spelled as RELU/NEG/MUL/ADD runs as one PRELU; a CONV_2D followed by PRELU or LEAKY_RELU as one convolution.
  resolver.passes.push(fusePrelu, fuseConvPrelu(wasm));
  return registerCustomOps(resolver);
}
