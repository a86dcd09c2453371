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

/** Prepares subgraph `index` for `values`' shapes and copies them into its inputs. */
export function setSubgraphInputs(ctx: OpContext, index: number, values: readonly (TensorValue | Tensor)[]): void {
  const host = ctx.subgraphs;
  host.prepare(index, values.map((v) => v.shape));
  host.inputsOf(index).forEach((t, i) => copyBytes(ctx, t, values[i]!));
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
