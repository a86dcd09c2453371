// IF: runs the then- or else-subgraph on inputs 1.. depending on the boolean input 0.
import type { IfOptions } from '../schema/generated.js';
import type { Tensor } from '../interpreter/tensor.js';
import type { KernelRegistration } from './registration.js';
import { checkType } from './kernel_util.js';
import { checkSignature, setNodeOutputs, setSubgraphInputs, sizeOutputs } from './util/control_flow.js';

interface Branch {
  index: number;
  inputs: readonly Tensor[];
  used: readonly boolean[];
  outputs: readonly Tensor[];
}

export const IF: KernelRegistration<{ args: readonly Tensor[]; then: Branch; else: Branch }, IfOptions> = {
  prepare(ctx) {
    const cond = ctx.input(0);
    checkType(ctx, cond, 'bool');
    if (cond.size !== 1) ctx.fail(`condition has ${cond.size} elements, expected 1`);
    const args = ctx.inputs.slice(1).map((_, i) => ctx.input(i + 1));
    const host = ctx.subgraphs;
    const [then, otherwise] = [ctx.options.thenSubgraphIndex, ctx.options.elseSubgraphIndex].map((index): Branch => {
      checkSignature(ctx, index, args, ctx.outputs, 'branch');
      host.prepare(index, args.map((t) => t.shape));
      return { index, inputs: host.inputsOf(index), used: host.inputsUsed(index), outputs: host.outputsOf(index) };
    }) as [Branch, Branch];
    sizeOutputs(ctx, [then.outputs, otherwise.outputs]);
    return { args, then, else: otherwise };
  },
  eval(ctx, d) {
    const b = ctx.input(0).data[0] ? d.then : d.else;
    setSubgraphInputs(ctx, b.index, d.args, b.inputs, b.used);
    ctx.subgraphs.invoke(b.index);
    setNodeOutputs(ctx, b.outputs);
  },
};
