// CONV_2D followed by PRELU or LEAKY_RELU, run as one convolution whose tile applies the slope
// (wasm/assembly/conv_f32.ts conv2d_prelu_f32): the SIMD resolver's graph pass fuseConvPrelu
// builds the node, so the activation costs no pass over the output. Equal to the two ops up to the
// sign of a zero. Where the wasm kernel does not apply (a computed filter, grouped convolution,
// tensors outside the heap) the node runs the reference convolution and then the slope in JS.
import { BuiltinOperator } from '../../schema/generated.js';
import type { Conv2DOptions } from '../../schema/generated.js';
import type { KernelRegistration, OpContext } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import type { Tensor } from '../../interpreter/tensor.js';
import { Node } from '../../interpreter/subgraph.js';
import type { GraphPass } from '../../interpreter/fusion.js';
import { CONV_2D } from '../conv_2d.js';
import { inHeapAtEval, packGemmWeights, scratchOf, simdKernel, type Scratch } from './tier.js';
import { parallelConv2dF32 } from '../../wasm/splits.js';

type ConvRef = ReturnType<typeof CONV_2D.prepare>;

interface ConvPreluSimd {
  params: ConvRef['params'];
  weights: number;
  scratch: Scratch;
  /** Bytes between the threads' blocks in `scratch`. */
  scratchStride: number;
}

interface PreluExports {
  conv2d_prelu_f32(
    input: number, output: number, w: number, scratch: number,
    batches: number, inH: number, inW: number, inC: number, outH: number, outW: number, outC: number,
    kH: number, kW: number, strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number,
    tileRows: number, lo: number, hi: number,
  ): void;
}

/** x ≥ 0 ? x : x · alpha[channel], in place over NHWC `out` with `alpha.length` channels. */
function preluChannels(out: Float32Array, alpha: Float32Array): void {
  const c = alpha.length;
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!(v >= 0)) out[i] = v * alpha[i % c]!;
  }
}

/** The fused node's kernel: CONV_2D (fused activation NONE) then the per-channel slopes `alpha`. */
export function conv2dPreluKernel(wasm: WasmKernels, alpha: Float32Array): KernelRegistration {
  const reference: KernelRegistration<ConvRef> = {
    prepare: (ctx) => CONV_2D.prepare(ctx),
    eval(ctx, d) {
      CONV_2D.eval(ctx, d);
      preluChannels(ctx.output(0).data as Float32Array, alpha);
    },
  };
  return simdKernel<ConvRef, ConvPreluSimd>(wasm, reference, {
    inPlace: [0],
    prepare(ctx: OpContext<Conv2DOptions>, ref) {
      if (ref.mode !== 'float') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2);
      if (filter.dtype !== 'float32' || !filter.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
      if (fC !== input.shape[3]) return null;
      const k = kH * kW * fC;
      const scratch = scratchOf(wasm);
      const scratchStride = Math.ceil((4 * k * 4) / 64) * 64; // four gathered im2col rows per thread of wasm.pool
      scratch.reserve(scratchStride * (wasm.pool?.threads ?? 1));
      return { params: ref.params, weights: packGemmWeights(wasm, filter, bias, outC, k, alpha), scratch, scratchStride };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0), filter = ctx.input(1);
      const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
      const [, outH, outW, outC] = output.shape as [number, number, number, number];
      if (batches * outH * outW === 0) return;
      const p = d.params, kH = filter.shape[1]!, kW = filter.shape[2]!;
      if (wasm.pool && parallelConv2dF32(wasm.pool, {
        input: input.heapByteOffset, output: output.heapByteOffset, weights: d.weights, scratch: d.scratch.offset, scratchStride: d.scratchStride,
        batches, inH, inW, inC, outH, outW, outC, kH, kW, strideH: p.strideH, strideW: p.strideW,
        dilationH: p.dilationH, dilationW: p.dilationW, padH: p.padH, padW: p.padW, tileRows: 4, lo: p.actMin, hi: p.actMax,
      }, 'conv2d_prelu_f32')) return;
      (wasm.exports as unknown as PreluExports).conv2d_prelu_f32(
        input.heapByteOffset, output.heapByteOffset, d.weights, d.scratch.offset, batches, inH, inW, inC, outH, outW, outC,
        kH, kW, p.strideH, p.strideW, p.dilationH, p.dilationW, p.padH, p.padW, 4, p.actMin, p.actMax,
      );
    },
  });
}

/**
 * CONV_2D (float32, no fused activation, constant filter) whose output only a PRELU or LEAKY_RELU
 * reads (and no graph output is) becomes one node running conv2dPreluKernel, in the activation's
 * place. PRELU's alpha must be constant, finite and vary along channels at most.
 */
export function fuseConvPrelu(wasm: WasmKernels): GraphPass {
  return (nodes, graph) => {
    const readers = new Map<Tensor, number>();
    for (const n of nodes) for (const t of n.inputs) if (t !== null) readers.set(t, (readers.get(t) ?? 0) + 1);
    const outputs = new Set(graph.outputs.map((i) => graph.tensors[i]));
    const producer = new Map<Tensor, Node>();
    for (const n of nodes) for (const t of n.outputs) producer.set(t, n);
    const removed = new Set<Node>();
    const fused = new Map<Node, Node>();
    for (const act of nodes) {
      if (act.builtinCode !== BuiltinOperator.PRELU && act.builtinCode !== BuiltinOperator.LEAKY_RELU) continue;
      const x = act.inputs[0], out = act.outputs[0];
      const conv = x ? producer.get(x) : undefined;
      if (!x || !out || !conv || conv.builtinCode !== BuiltinOperator.CONV_2D || readers.get(x) !== 1 || outputs.has(x)) continue;
      const filter = conv.inputs[1];
      if (x.dtype !== 'float32' || out.dtype !== 'float32' || conv.inputs[0]?.dtype !== 'float32' || !filter?.isConstant || filter.dtype !== 'float32') continue;
      if (((conv.options as { fusedActivationFunction?: number }).fusedActivationFunction ?? 0) !== 0 || x.shape.length !== 4) continue;
      const alpha = slopes(act, x.shape[3]!);
      if (alpha === null) continue;
      const node = new Node(graph, act.nodeIndex, 'CONV_2D', conv.version, null, BuiltinOperator.CONV_2D, {
        opcodeIndex: -1, inputs: conv.inputs.map((t) => (t === null ? -1 : t.index)), outputs: [out.index],
        builtinOptionsType: 0, builtinOptions: conv.options, builtinOptions2Type: 0, builtinOptions2: null,
        customOptions: null, customOptionsFormat: 0, mutatingVariableInputs: [], intermediates: [],
      });
      node.kernel = conv2dPreluKernel(wasm, alpha);
      removed.add(conv);
      fused.set(act, node);
    }
    return nodes.filter((n) => !removed.has(n)).map((n) => fused.get(n) ?? n);
  };
}

/** The activation's slope per channel, or null when PRELU's alpha is not a finite per-channel constant. */
function slopes(act: Node, channels: number): Float32Array | null {
  if (act.builtinCode === BuiltinOperator.LEAKY_RELU) {
    const a = Math.fround((act.options as { alpha?: number }).alpha ?? 0);
    return Number.isFinite(a) ? new Float32Array(channels).fill(a) : null;
  }
  const t = act.inputs[1];
  if (!t || !t.isConstant || t.dtype !== 'float32' || t.shape.length > 4) return null;
  const last = t.shape[t.shape.length - 1] ?? 1;
  if (t.shape.slice(0, -1).some((d) => d !== 1) || (last !== 1 && last !== channels)) return null;
  const data = t.data as Float32Array;
  if (data.length < last) return null;
  const alpha = Float32Array.from({ length: channels }, (_, c) => data[last === 1 ? 0 : c]!);
  return alpha.every(Number.isFinite) ? alpha : null;
}
