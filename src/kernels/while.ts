// WHILE: repeats body(values) while cond(values) is true; the loop values are inputs and outputs.
import type { WhileOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { sameShape } from './kernel_util.js';
import { checkSignature, setNodeOutputs, setSubgraphInputs, snapshot, type TensorValue } from './util/control_flow.js';

export const WHILE: KernelRegistration<void, WhileOptions> = {
  prepare(ctx) {
    const { condSubgraphIndex: cond, bodySubgraphIndex: body } = ctx.options;
    const args = ctx.inputs.map((_, i) => ctx.input(i));
    if (ctx.numOutputs !== args.length) ctx.fail(`${args.length} loop inputs but ${ctx.numOutputs} outputs`);
    checkSignature(ctx, cond, args, null, 'cond');
    checkSignature(ctx, body, args, ctx.outputs, 'body');
    const condOut = ctx.subgraphs.outputsOf(cond);
    if (condOut.length !== 1 || condOut[0]!.dtype !== 'bool') ctx.fail(`cond subgraph ${cond} must have one bool output`);
    const shapes = args.map((t) => t.shape);
    ctx.subgraphs.prepare(cond, shapes);
    ctx.subgraphs.prepare(body, shapes);
    // Outputs are static only when the body keeps every loop value's shape.
    const bodyOut = ctx.subgraphs.outputsOf(body);
    args.forEach((t, i) => {
      const o = bodyOut[i]!;
      if (o.allocation !== 'dynamic' && sameShape(o.shape, t.shape)) ctx.resizeOutput(i, t.shape);
      else ctx.markDynamic(i);
    });
  },
  eval(ctx) {
    const { condSubgraphIndex: cond, bodySubgraphIndex: body } = ctx.options;
    const host = ctx.subgraphs;
    let values: TensorValue[] = ctx.inputs.map((_, i) => snapshot(ctx.input(i)));
    for (let iteration = 0; ; iteration++) {
      setSubgraphInputs(ctx, cond, values);
      host.invoke(cond);
      if (!host.outputsOf(cond)[0]!.data[0]) break;
      if (iteration >= host.maxLoopIterations) ctx.fail(`loop ran ${iteration} iterations, more than maxLoopIterations`);
      setSubgraphInputs(ctx, body, values);
      host.invoke(body);
      values = host.outputsOf(body).map(snapshot);
    }
    setNodeOutputs(ctx, values);
  },
};
