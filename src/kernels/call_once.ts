// CALL_ONCE: runs an initialization subgraph (typically assigning resource variables) on the first invoke.
import type { CallOnceOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';

export const CALL_ONCE: KernelRegistration<{ done: boolean }, CallOnceOptions> = {
  prepare(ctx) {
    const init = ctx.options.initSubgraphIndex;
    if (ctx.subgraphs.inputsOf(init).length !== 0 || ctx.subgraphs.outputsOf(init).length !== 0) {
      ctx.fail(`init subgraph ${init} must have no inputs and no outputs`);
    }
    ctx.subgraphs.prepare(init, []);
    return { done: false };
  },
  eval(ctx, state) {
    if (state.done) return;
    ctx.subgraphs.invoke(ctx.options.initSubgraphIndex);
    state.done = true;
  },
};
