// Moving tensors in and out of called subgraphs (IF, WHILE, CALL_ONCE) and resource variables.
import type { Tensor } from '../../interpreter/tensor.js';
import type { OpContext } from '../registration.js';

/** A detached copy of a tensor's shape and bytes (loop-carried values outlive the body's arena). */
export interface TensorValue {
  readonly shape: number[];
  readonly bytes: Uint8Array;
}

export function snapshot(t: Tensor): TensorValue {
  return { shape: [...t.shape], bytes: t.bytes.slice() };
}

/** Copies `src` bytes into `dst`, whose shape must already match. */
export function copyBytes(ctx: OpContext, dst: Tensor, src: TensorValue | Tensor): void {
  if (dst.bytes.byteLength !== src.bytes.byteLength) {
    ctx.fail(`cannot copy ${src.bytes.byteLength} bytes into '${dst.name}' (${dst.bytes.byteLength} bytes)`);
  }
  dst.bytes.set(src.bytes);
}

/** Whether every value has its tensor's shape. */
export function sameShapes(values: readonly (TensorValue | Tensor)[], tensors: readonly Tensor[]): boolean {
  for (let i = 0; i < tensors.length; i++) {
    const a = values[i]!.shape, b = tensors[i]!.shape;
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  }
  return true;
}

/**
 * Prepares subgraph `index` for `values`' shapes when they changed, and copies into its inputs
 * the values it reads (`inputs`, `used`: the host's inputsOf and inputsUsed, cached by the caller).
 * An input that already is its value's tensor is left alone.
 */
export function setSubgraphInputs(
  ctx: OpContext, index: number, values: readonly (TensorValue | Tensor)[],
  inputs: readonly Tensor[] = ctx.subgraphs.inputsOf(index), used: readonly boolean[] = ctx.subgraphs.inputsUsed(index),
): void {
  if (!sameShapes(values, inputs)) ctx.subgraphs.prepare(index, values.map((v) => v.shape));
  for (let i = 0; i < inputs.length; i++) {
    const t = inputs[i]!, v = values[i]!;
    if (used[i] && t !== v) copyBytes(ctx, t, v);
  }
}

/** Writes `values` to the node's outputs, resizing them first. */
export function setNodeOutputs(ctx: OpContext, values: readonly (TensorValue | Tensor)[]): void {
  values.forEach((v, i) => {
    ctx.resizeOutput(i, v.shape);
    copyBytes(ctx, ctx.output(i), v);
  });
}

/** Checks that a called subgraph's inputs and outputs match the node's in count and type. */
export function checkSignature(ctx: OpContext, index: number, inputs: readonly Tensor[], outputs: readonly Tensor[] | null, what: string): void {
  const host = ctx.subgraphs;
  const gi = host.inputsOf(index), go = host.outputsOf(index);
  if (gi.length !== inputs.length) ctx.fail(`${what} subgraph ${index} takes ${gi.length} inputs, the node passes ${inputs.length}`);
  inputs.forEach((t, i) => {
    if (gi[i]!.dtype !== t.dtype) ctx.fail(`${what} subgraph ${index} input ${i} is ${gi[i]!.dtype}, the node passes ${t.dtype}`);
  });
  if (outputs === null) return;
  if (go.length !== outputs.length) ctx.fail(`${what} subgraph ${index} has ${go.length} outputs, the node has ${outputs.length}`);
  outputs.forEach((t, i) => {
    if (go[i]!.dtype !== t.dtype) ctx.fail(`${what} subgraph ${index} output ${i} is ${go[i]!.dtype}, the node's is ${t.dtype}`);
  });
}

/** Sets static output shapes when every called graph's outputs are static and agree; else marks them dynamic. */
export function sizeOutputs(ctx: OpContext, candidates: readonly (readonly Tensor[])[]): void {
  for (let i = 0; i < ctx.numOutputs; i++) {
    const shapes = candidates.map((c) => c[i]!);
    const first = shapes[0]!;
    const staticSame = shapes.every((t) => t.allocation !== 'dynamic' && t.shape.length === first.shape.length && t.shape.every((d, k) => d === first.shape[k]));
    if (staticSame) ctx.resizeOutput(i, first.shape);
    else ctx.markDynamic(i);
  }
}
