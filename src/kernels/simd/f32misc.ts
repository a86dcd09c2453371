// The f32misc SIMD kernels by builtin name, installed into SIMD_KERNELS by ./index.ts.
import type { BuiltinName } from '../../interpreter/op_resolver.js';
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import {
  absSimd, ceilSimd, divSimd, expSimd, floorSimd, logSimd, maximumSimd, minimumSimd, negSimd, roundSimd, rsqrtSimd,
  sqrtSimd, squareSimd, squaredDifferenceSimd, tanhSimd,
} from './math.js';
import { meanReduceSimd, reduceMaxSimd, reduceMinSimd, reduceProdSimd, sumSimd } from './reduce.js';
import { gatherSimd, splitSimd } from './movement.js';
import { fuseConvPrelu } from './conv_prelu.js';
import { conv2dHybridSimd, depthwiseConv2dHybridSimd, fullyConnectedHybridSimd } from './hybrid.js';
import { BUILTIN_KERNELS } from '../builtin_ops.js';
import { fusePrelu, type GraphPass } from '../../interpreter/fusion.js';

type Factory = (wasm: WasmKernels) => KernelRegistration;

const KERNELS: Readonly<Partial<Record<BuiltinName, Factory>>> = {
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
  MEAN: meanReduceSimd,
  SPLIT: splitSimd,
  GATHER: gatherSimd,
};

/** Ops whose nodes of one kind (hybrid) are taken here, the others left to the op's previous registration. */
const WRAPPERS: Readonly<Partial<Record<BuiltinName, (wasm: WasmKernels, base: KernelRegistration) => KernelRegistration>>> = {
  FULLY_CONNECTED: fullyConnectedHybridSimd,
  CONV_2D: conv2dHybridSimd,
  DEPTHWISE_CONV_2D: depthwiseConv2dHybridSimd,
};

/** Adds this work's kernels to `table` (SIMD_KERNELS), wrapping the entries WRAPPERS names. */
export function addF32MiscKernels(table: Partial<Record<BuiltinName, Factory>>): void {
  Object.assign(table, KERNELS);
  for (const [name, wrap] of Object.entries(WRAPPERS) as [BuiltinName, NonNullable<(typeof WRAPPERS)[BuiltinName]>][]) {
    const previous = table[name];
    table[name] = (wasm) => wrap(wasm, previous ? previous(wasm) : BUILTIN_KERNELS[name]!);
  }
}

/**
 * Graph passes of the SIMD resolver over `wasm`: PReLU spelled as RELU/NEG/MUL/ADD runs as one
 * PRELU; a CONV_2D followed by PRELU or LEAKY_RELU as one convolution.
 */
export const f32miscPasses = (wasm: WasmKernels): GraphPass[] => [fusePrelu, fuseConvPrelu(wasm)];
