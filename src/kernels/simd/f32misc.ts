// The f32misc SIMD kernels by builtin name (merged into SIMD_KERNELS by ./index.ts).
import type { BuiltinName } from '../../interpreter/op_resolver.js';
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import {
  absSimd, ceilSimd, divSimd, expSimd, floorSimd, logSimd, maximumSimd, minimumSimd, negSimd, roundSimd, rsqrtSimd,
  sqrtSimd, squareSimd, squaredDifferenceSimd, tanhSimd,
} from './math.js';
import { meanReduceSimd, reduceMaxSimd, reduceMinSimd, reduceProdSimd, sumSimd } from './reduce.js';

export const F32MISC_KERNELS: Readonly<Partial<Record<BuiltinName, (wasm: WasmKernels) => KernelRegistration>>> = {
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
};
