// WHILE: repeats body(values) while cond(values) is true; the loop values are inputs and outputs.
import type { WhileOptions } from '../schema/generated.js';
import type { Tensor } from '../interpreter/tensor.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { sameShape } from './kernel_util.js';
import { checkSignature, sameShapes, setNodeOutputs, setSubgraphInputs, snapshot, type TensorValue } from './util/control_flow.js';

interface WhileData {
  args: readonly Tensor[];
  condIn: readonly Tensor[];
  condUsed: readonly boolean[];
  condOut: Tensor;
  bodyIn: readonly Tensor[];
  bodyUsed: readonly boolean[];
  bodyOut: readonly Tensor[];
  /**
   * The loop values can be read from where the body left them (its outputs) until the next body
   * run: no body output is another position's body input, so filling the inputs in order
   * overwrites no value still to be read.
   */
  inPlace: boolean;
}

export const WHILE: KernelRegistration<WhileData, WhileOptions> = {
  prepare(ctx) {
    const { condSubgraphIndex: cond, bodySubgraphIndex: body } = ctx.options;
    const host = ctx.subgraphs;
    const args = ctx.inputs.map((_, i) => ctx.input(i));
    if (ctx.numOutputs !== args.length) ctx.fail(`${args.length} loop inputs but ${ctx.numOutputs} outputs`);
    checkSignature(ctx, cond, args, null, 'cond');
    checkSignature(ctx, body, args, ctx.outputs, 'body');
    const condOut = host.outputsOf(cond);
    if (condOut.length !== 1 || condOut[0]!.dtype !== 'bool') ctx.fail(`cond subgraph ${cond} must have one bool output`);
    const shapes = args.map((t) => t.shape);
    host.prepare(cond, shapes);
    host.prepare(body, shapes);
    // Outputs are static only when the body keeps every loop value's shape.
    const bodyIn = host.inputsOf(body), bodyOut = host.outputsOf(body);
    args.forEach((t, i) => {
      const o = bodyOut[i]!;
      if (o.allocation !== 'dynamic' && sameShape(o.shape, t.shape)) ctx.resizeOutput(i, t.shape);
      else ctx.markDynamic(i);
    });
    const inPlace = cond !== body && bodyOut.every((o, j) => bodyIn.every((t, i) => i === j || t !== o));
    return {
      args, condIn: host.inputsOf(cond), condUsed: host.inputsUsed(cond), condOut: condOut[0]!,
      bodyIn, bodyUsed: host.inputsUsed(body), bodyOut, inPlace,
    };
  },
  eval(ctx, d) {
    const { condSubgraphIndex: cond, bodySubgraphIndex: body } = ctx.options;
    const host = ctx.subgraphs;
    if (d.inPlace && fixedShapes(d)) {
      loopFixed(ctx, d);
      return;
    }
    let values: readonly (Tensor | TensorValue)[] = d.args;
    for (let iteration = 0; ; iteration++) {
      // Preparing a subgraph again (new shapes) may re-plan the body's arena: detach the values first.
      if (!d.inPlace || !sameShapes(values, d.condIn) || !sameShapes(values, d.bodyIn)) values = values.map(snapshotOf);
      setSubgraphInputs(ctx, cond, values, d.condIn, d.condUsed);
      host.invoke(cond);
      if (!d.condOut.data[0]) break;
      if (iteration >= host.maxLoopIterations) ctx.fail(`loop ran ${iteration} iterations, more than maxLoopIterations`);
      setSubgraphInputs(ctx, body, values, d.bodyIn, d.bodyUsed);
      host.invoke(body);
      values = d.bodyOut;
    }
    setNodeOutputs(ctx, values);
  },
};

function snapshotOf(v: Tensor | TensorValue): TensorValue {
  return 'index' in v ? snapshot(v) : v;
}

/**
 * Whether every loop value keeps its shape: the subgraphs are prepared for the node's inputs and
 * the body's outputs are static with those shapes. Then the loop needs no shape checks.
 */
function fixedShapes(d: WhileData): boolean {
  return sameShapes(d.args, d.condIn) && sameShapes(d.args, d.bodyIn) && sameShapes(d.args, d.bodyOut)
    && d.bodyOut.every((t) => t.allocation !== 'dynamic');
}

/** The loop when the values keep their shapes (fixedShapes) and can be read in place (inPlace). */
function loopFixed(ctx: OpContext, d: WhileData): void {
  const { condSubgraphIndex: cond, bodySubgraphIndex: body } = ctx.options as WhileOptions;
  const host = ctx.subgraphs;
  let values: readonly Tensor[] = d.args;
  for (let iteration = 0; ; iteration++) {
    copyUsed(d.condIn, values, d.condUsed);
    host.invoke(cond);
    if (!d.condOut.data[0]) break;
    if (iteration >= host.maxLoopIterations) ctx.fail(`loop ran ${iteration} iterations, more than maxLoopIterations`);
    copyUsed(d.bodyIn, values, d.bodyUsed);
    host.invoke(body);
    values = d.bodyOut;
  }
  setNodeOutputs(ctx, values);
}

/** dst[i] ← src[i] where used and not the same tensor (same shapes and dtypes: checked by the caller). */
function copyUsed(dst: readonly Tensor[], src: readonly Tensor[], used: readonly boolean[]): void {
  for (let i = 0; i < dst.length; i++) {
    const t = dst[i]!, v = src[i]!;
    if (used[i] && t !== v) t.bytes.set(v.bytes);
  }
}
