// STRIDED_SLICE with begin/end/ellipsis/new-axis/shrink masks and the offset option,
// following TFLite's strided_slice.cc (BuildStridedSliceParams) and strided_slice_logic.h.
import type { StridedSliceOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, readIndexTensor, stridedCopy } from './util/data_movement.js';

const MAX_RANK = 5;

export interface StridedSliceSpec {
  begin: readonly number[];
  end: readonly number[];
  strides: readonly number[];
  beginMask: number;
  endMask: number;
  ellipsisMask: number;
  newAxisMask: number;
  shrinkAxisMask: number;
  offset: boolean;
}

/** The spec rewritten over the effective input (ellipsis expanded, new axes inserted as size-1 dims). */
export interface EffectiveSlice {
  shape: number[];
  start: number[];
  stop: number[];
  strides: number[];
  beginMask: number;
  endMask: number;
  shrinkMask: number;
}

const bit = (i: number): number => (i < 31 ? 1 << i : 0);

/** TFLite's BuildStridedSliceParams; an error message when the spec does not fit the input. */
export function effectiveSlice(inShape: readonly number[], spec: StridedSliceSpec): EffectiveSlice | string {
  const inRank = inShape.length;
  const count = spec.begin.length;
  let numAddAxis = 0;
  for (let i = 0; i < count; i++) if (!(bit(i) & spec.ellipsisMask) && bit(i) & spec.newAxisMask) numAddAxis++;
  const dims = inRank + numAddAxis;
  if (dims > MAX_RANK) return `the slice has ${dims} dims including new axes, at most ${MAX_RANK} supported`;

  // Where the ellipsis expands to, and which effective dims are new axes.
  let ellipsisMask = 0;
  let newAxisMask = 0;
  let ellipsisStart = dims;
  let expanded = 0;
  for (let i = 0; i < dims;) {
    if (bit(i) & spec.ellipsisMask) {
      ellipsisStart = i;
      const ellipsisEnd = Math.max(i + 1, Math.min(i + 1 + numAddAxis + inRank - count, dims));
      expanded = ellipsisEnd - ellipsisStart - 1;
      for (; i < ellipsisEnd; i++) ellipsisMask |= bit(i);
      continue;
    }
    if (bit(i - expanded) & spec.newAxisMask) newAxisMask |= bit(i);
    i++;
  }

  const eff: EffectiveSlice = {
    shape: new Array<number>(dims), start: new Array<number>(dims).fill(0), stop: new Array<number>(dims).fill(0),
    strides: new Array<number>(dims).fill(1), beginMask: 0, endMask: 0, shrinkMask: 0,
  };
  let addedEllipsis = 0;
  let addedAxes = 0;
  const inDim = (i: number): number | string => {
    const d = inShape[i - addedAxes];
    return d === undefined ? `the slice spec does not fit the input shape [${inShape}]` : d;
  };
  for (let i = 0; i < dims; i++) {
    let dim: number | string;
    if (bit(i) & ellipsisMask) {
      addedEllipsis = Math.max(0, i - ellipsisStart);
      eff.beginMask |= bit(i);
      eff.endMask |= bit(i);
      dim = inDim(i);
    } else if (bit(i) & newAxisMask) {
      eff.stop[i] = 1;
      dim = 1;
      addedAxes++;
    } else if (i >= count + expanded) {
      eff.beginMask |= bit(i);
      eff.endMask |= bit(i);
      dim = inDim(i);
    } else {
      const orig = i - addedEllipsis;
      eff.start[i] = spec.begin[orig]!;
      eff.stop[i] = spec.end[orig]!;
      eff.strides[i] = spec.strides[orig]!;
      if (spec.beginMask & bit(orig)) eff.beginMask |= bit(i);
      if (spec.endMask & bit(orig)) eff.endMask |= bit(i);
      if (spec.shrinkAxisMask & bit(orig)) eff.shrinkMask |= bit(i);
      dim = inDim(i);
    }
    if (typeof dim === 'string') return dim;
    eff.shape[i] = dim;
    if (eff.strides[i] === 0) return 'stride values must be non-zero';
  }
  return eff;
}

const clamp = (v: number, lo: number, hi: number): number => (v > hi ? hi : v < lo ? lo : v);

/** TFLite's StridedSliceStartForAxis. */
export function startForAxis(eff: EffectiveSlice, axis: number): number {
  const size = eff.shape[axis]!;
  const stride = eff.strides[axis]!;
  let start = eff.start[axis]!;
  if (start < 0) start += size;
  start = stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
  if (eff.beginMask & bit(axis)) start = stride > 0 ? 0 : size - 1;
  return start;
}

/** TFLite's StridedSliceEndForAxis (one past the last index visited). */
export function endForAxis(eff: EffectiveSlice, axis: number, start: number, offset: boolean): number {
  const size = eff.shape[axis]!;
  if (eff.shrinkMask & bit(axis)) return start >= size ? start : start + 1;
  const stride = eff.strides[axis]!;
  let end = eff.stop[axis]!;
  if (offset) end += start;
  if (end < 0) end += size;
  end = stride > 0 ? clamp(end, 0, size) : clamp(end, -1, size - 1);
  if (eff.endMask & bit(axis)) end = stride > 0 ? size : -1;
  return end;
}

/** Output shape (shrunk axes dropped); with `offset` the end values are the sizes. */
export function stridedSliceShape(eff: EffectiveSlice, end: readonly number[], offset: boolean): number[] | string {
  const out: number[] = [];
  for (let i = 0; i < eff.shape.length; i++) {
    if (eff.shrinkMask & bit(i)) continue;
    let extent: number;
    if (offset) {
      // TFLite reads the end tensor at the effective index here.
      const e = end[i];
      if (e === undefined) return `end has no value for dim ${i}`;
      extent = e;
    } else {
      const s = startForAxis(eff, i);
      extent = endForAxis(eff, i, s, false) - s;
    }
    const n = Math.ceil(Math.fround(extent / eff.strides[i]!));
    out.push(n < 0 ? 0 : n);
  }
  return out;
}

/** Per-dim loop bounds over the effective input for `stridedCopy`. */
export function stridedSliceLoops(eff: EffectiveSlice, offset: boolean): { start: number[]; stop: number[] } {
  const start: number[] = [];
  const stop: number[] = [];
  for (let i = 0; i < eff.shape.length; i++) {
    const s = startForAxis(eff, i);
    start.push(s);
    stop.push(endForAxis(eff, i, s, offset));
  }
  return { start, stop };
}

/** Elements the loops visit. */
function loopElements(start: readonly number[], stop: readonly number[], strides: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < start.length; i++) {
    const s = strides[i]!;
    n *= Math.max(0, Math.ceil((s > 0 ? stop[i]! - start[i]! : start[i]! - stop[i]!) / Math.abs(s)));
  }
  return n;
}

interface Plan {
  shape: number[];
  start: number[];
  stop: number[];
  strides: number[];
}

interface StridedSliceData {
  /** The output shape depends on non-constant begin/end/strides. */
  dynamic: boolean;
  /** Precomputed loops when begin, end and strides are all constant. */
  plan: Plan | null;
}

function readSpec(ctx: OpContext<StridedSliceOptions>, withIndices: boolean): StridedSliceSpec {
  const o = ctx.options;
  const strides = readIndexTensor(ctx, ctx.input(3), 'strides');
  const end = readIndexTensor(ctx, ctx.input(2), 'end');
  const begin = withIndices ? readIndexTensor(ctx, ctx.input(1), 'begin') : end.map(() => 0);
  return {
    begin, end, strides, beginMask: o.beginMask, endMask: o.endMask, ellipsisMask: o.ellipsisMask,
    newAxisMask: o.newAxisMask, shrinkAxisMask: o.shrinkAxisMask, offset: o.offset,
  };
}

function effective(ctx: OpContext<StridedSliceOptions>, spec: StridedSliceSpec): EffectiveSlice {
  const eff = effectiveSlice(ctx.input(0).shape, spec);
  if (typeof eff === 'string') ctx.fail(eff);
  return eff;
}

function outputShape(ctx: OpContext<StridedSliceOptions>, withIndices: boolean): number[] {
  const spec = readSpec(ctx, withIndices);
  const shape = stridedSliceShape(effective(ctx, spec), spec.end, spec.offset);
  if (typeof shape === 'string') ctx.fail(shape);
  return shape;
}

function plan(ctx: OpContext<StridedSliceOptions>): Plan {
  const spec = readSpec(ctx, true);
  const eff = effective(ctx, spec);
  const { start, stop } = stridedSliceLoops(eff, spec.offset);
  for (let i = 0; i < eff.shape.length; i++) {
    if (!(eff.shrinkMask & bit(i))) continue;
    // TFLite writes nothing for these (the output keeps stale memory); fail instead.
    if (eff.strides[i]! < 0) ctx.fail(`shrunk dim ${i} has a negative stride`);
    if (start[i]! >= eff.shape[i]!) ctx.fail(`shrunk dim ${i}: index out of range for size ${eff.shape[i]}`);
  }
  return { shape: eff.shape, start, stop, strides: eff.strides };
}

export const STRIDED_SLICE: KernelRegistration<StridedSliceData, StridedSliceOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 4);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, ctx.output(0));
    if (input.shape.length > MAX_RANK) ctx.fail(`input rank ${input.shape.length} exceeds ${MAX_RANK}`);
    const [begin, end, strides] = [ctx.input(1), ctx.input(2), ctx.input(3)];
    for (const [t, what] of [[begin, 'begin'], [end, 'end'], [strides, 'strides']] as const) {
      if (t.dtype !== 'int32') ctx.fail(`${what} has type ${t.dtype}, expected int32`);
      if (t.shape.length !== 1) ctx.fail(`${what} must be 1-D, got shape [${t.shape}]`);
    }
    if (begin.size !== end.size || strides.size !== begin.size) ctx.fail(`begin, end and strides hold ${begin.size}, ${end.size} and ${strides.size} values`);
    if (begin.size > 31) ctx.fail(`begin holds ${begin.size} values, at most 31 supported`);
    const offset = ctx.options.offset;
    const shapeKnown = strides.isConstant && end.isConstant && (offset || begin.isConstant);
    if (!shapeKnown) {
      ctx.markDynamic(0);
      return { dynamic: true, plan: null };
    }
    ctx.resizeOutput(0, outputShape(ctx, !offset));
    return { dynamic: false, plan: begin.isConstant ? plan(ctx) : null };
  },
  eval(ctx, data) {
    if (data.dynamic) ctx.resizeOutput(0, outputShape(ctx, !ctx.options.offset));
    const p = data.plan ?? plan(ctx);
    const input = ctx.input(0);
    const output = ctx.output(0);
    // With offset the shape comes from the raw end values and can disagree with the clamped loops.
    const covered = loopElements(p.start, p.stop, p.strides);
    if (covered !== output.size) ctx.fail(`the slice covers ${covered} elements but the output shape [${output.shape}] needs ${output.size}`);
    stridedCopy(p.shape, p.start, p.stop, p.strides, input.data, output.data);
  },
};
