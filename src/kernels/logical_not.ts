// LOGICAL_NOT: !x over a bool tensor.
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function logicalNot(x: Uint8Array, out: Uint8Array): void {
  mapUnary(x, out, (v) => (v === 0 ? 1 : 0));
}

export const LOGICAL_NOT: KernelRegistration<void> = {
  prepare: (ctx) => prepareUnary(ctx, ['bool']),
  eval(ctx) {
    logicalNot(ctx.input(0).data as Uint8Array, ctx.output(0).data as Uint8Array);
  },
};
