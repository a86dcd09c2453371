// The SIMD tier's 16x8 kernels (int16 activations): each wraps the op's other SIMD registration,
// which keeps every node whose input 0 (QUANTIZE: output 0) is not int16.
import type { BuiltinName } from '../../interpreter/op_resolver.js';
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { withI16 } from './gemm_i16.js';
import { conv2dI16 } from './conv_2d_i16.js';
import { depthwiseConv2dI16 } from './depthwise_conv_2d_i16.js';
import { fullyConnectedI16 } from './fully_connected_i16.js';
import { addI16, meanI16, quantizeI16, subI16 } from './elementwise_i16.js';

type Factory = (wasm: WasmKernels) => KernelRegistration;

const I16_KERNELS: Partial<Record<BuiltinName, Factory>> = {
  CONV_2D: conv2dI16,
  DEPTHWISE_CONV_2D: depthwiseConv2dI16,
  FULLY_CONNECTED: fullyConnectedI16,
  ADD: addI16,
  SUB: subI16,
  MEAN: meanI16,
  QUANTIZE: quantizeI16,
};

/** Puts the 16x8 kernels in front of `kernels`' factories (the reference kernel where an op has none). */
export function addI16Kernels(kernels: Partial<Record<BuiltinName, Factory>>, reference: Readonly<Record<string, KernelRegistration>>): void {
  for (const [name, i16] of Object.entries(I16_KERNELS) as [BuiltinName, Factory][]) {
    const base = kernels[name];
    const which = name === 'QUANTIZE' ? 'output' : 'input';
    kernels[name] = (wasm) => withI16(i16(wasm), base ? base(wasm) : reference[name]!, which);
  }
}
