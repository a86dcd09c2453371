// BROADCAST_TO: numpy-broadcasts the input to a shape tensor's values, rank up to 8 (TFLite broadcast_to.cc).
import type { BroadcastToOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { tile } from './tile.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, checkShape, readIndexTensor } from './util/data_movement.js';

const MAX_RANK = 8;

/**
 * The input shape left-padded with 1s to the target rank and the multiples that tile it to
 * `target`; an error message when `inShape` cannot broadcast to `target`.
 */
export function broadcastToPlan(inShape: readonly number[], target: readonly number[]): { inShape: number[]; multiples: number[] } | string {
  if (target.length > MAX_RANK) return `target rank ${target.length} exceeds ${MAX_RANK}`;
  if (inShape.length > target.length) return `cannot broadcast [${inShape}] to lower rank [${target}]`;
  const padded = new Array<number>(target.length - inShape.length).fill(1).concat(inShape);
  const multiples: number[] = [];
  for (let i = 0; i < target.length; i++) {
    const d = padded[i]!;
    const t = target[i]!;
    if (d === t) multiples.push(1);
    else if (d === 1) multiples.push(t);
    else return `cannot broadcast [${inShape}] to [${target}]`;
  }
  return { inShape: padded, multiples };
}

interface BroadcastToData {
  dynamic: boolean;
  plan: { inShape: number[]; multiples: number[] } | null;
}

function resolve(ctx: OpContext): { inShape: number[]; multiples: number[] } {
  const target = readIndexTensor(ctx, ctx.input(1), 'shape');
  checkShape(ctx, target, 'target shape');
  const plan = broadcastToPlan(ctx.input(0).shape, target);
  if (typeof plan === 'string') ctx.fail(plan);
  ctx.resizeOutput(0, target);
  return plan;
}

export const BROADCAST_TO: KernelRegistration<BroadcastToData, BroadcastToOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 2);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    const shape = ctx.input(1);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, ctx.output(0));
    if (input.shape.length > MAX_RANK) ctx.fail(`input rank ${input.shape.length} exceeds ${MAX_RANK}`);
    if (shape.dtype !== 'int32' && shape.dtype !== 'int64') ctx.fail(`shape has type ${shape.dtype}, expected int32 or int64`);
    if (shape.shape.length !== 1) ctx.fail(`shape must be 1-D, got [${shape.shape}]`);
    if (!shape.isConstant) {
      ctx.markDynamic(0);
      return { dynamic: true, plan: null };
    }
    return { dynamic: false, plan: resolve(ctx) };
  },
  eval(ctx, data) {
    const plan = data.plan ?? resolve(ctx);
    tile(plan.inShape, plan.multiples, ctx.input(0).data, ctx.output(0).data);
  },
};
