// IF: runs the then- or else-subgraph on inputs 1.. depending on the boolean input 0.
import type { IfOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { checkType } from './kernel_util.js';
import { checkSignature, setNodeOutputs, setSubgraphInputs, sizeOutputs } from './util/control_flow.js';

export const IF: KernelRegistration<void, IfOptions> = {
  prepare(ctx) {
    const cond = ctx.input(0);
    checkType(ctx, cond, 'bool');
    if (cond.size !== 1) ctx.fail(`condition has ${cond.size} elements, expected 1`);
    const args = ctx.inputs.slice(1).map((_, i) => ctx.input(i + 1));
    const branches = [ctx.options.thenSubgraphIndex, ctx.options.elseSubgraphIndex];
    for (const b of branches) {
      checkSignature(ctx, b, args, ctx.outputs, 'branch');
      ctx.subgraphs.prepare(b, args.map((t) => t.shape));
    }
    sizeOutputs(ctx, branches.map((b) => ctx.subgraphs.outputsOf(b)));
  },
  eval(ctx) {
    const branch = ctx.input(0).data[0] ? ctx.options.thenSubgraphIndex : ctx.options.elseSubgraphIndex;
    setSubgraphInputs(ctx, branch, ctx.inputs.slice(1).map((_, i) => ctx.input(i + 1)));
    ctx.subgraphs.invoke(branch);
    setNodeOutputs(ctx, ctx.subgraphs.outputsOf(branch));
  },
};
