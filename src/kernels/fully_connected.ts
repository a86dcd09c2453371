// FULLY_CONNECTED: output = input · weightsᵀ + bias, weights [units, depth]
// (DEFAULT format). The input is flattened to [size / depth, depth]; with
// keep_num_dims the output keeps the input's leading dimensions.
import type { KernelRegistration, OpContext } from './registration.js';
import type { FullyConnectedOptions } from '../schema/generated.js';
import { Activation, activationRange, checkRank, checkType, numElements } from './kernel_util.js';

/** Reference float fully connected layer over `rows` input rows of `depth` values. */
export function fullyConnectedFloat(
  rows: number, depth: number, units: number,
  input: Float32Array, weights: Float32Array, bias: Float32Array | null,
  actMin: number, actMax: number, output: Float32Array,
): void {
  let o = 0;
  for (let r = 0; r < rows; r++) {
    const i0 = r * depth;
    for (let u = 0; u < units; u++) {
      const w0 = u * depth;
      let acc = 0;
      for (let d = 0; d < depth; d++) acc += input[i0 + d]! * weights[w0 + d]!;
      if (bias !== null) acc += bias[u]!;
      output[o++] = acc < actMin ? actMin : acc > actMax ? actMax : acc;
    }
  }
}

interface FcData {
  rows: number;
  depth: number;
  units: number;
  actMin: number;
  actMax: number;
}

function prepare(ctx: OpContext<FullyConnectedOptions>): FcData {
  if (ctx.numInputs < 2 || ctx.numInputs > 3) ctx.fail(`expected 2 or 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), weights = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  const o = ctx.options;
  if (o.weightsFormat !== 0) ctx.fail(`weights format ${o.weightsFormat} is not supported (only DEFAULT)`);
  checkType(ctx, input, 'float32');
  checkType(ctx, weights, 'float32');
  checkType(ctx, output, 'float32');
  checkRank(ctx, weights, 2);
  if (input.shape.length < 1) ctx.fail('input must have rank ≥ 1');
  const [units, depth] = weights.shape as [number, number];
  if (depth <= 0) ctx.fail(`weights have depth ${depth}`);
  const size = numElements(input.shape);
  if (size % depth !== 0) ctx.fail(`input of ${size} elements does not split into rows of ${depth}`);
  if (bias) {
    checkType(ctx, bias, 'float32');
    if (numElements(bias.shape) !== units) ctx.fail(`bias has ${numElements(bias.shape)} elements, expected ${units}`);
  }
  const rows = size / depth;
  if (o.keepNumDims) {
    const last = input.shape[input.shape.length - 1];
    if (last !== depth) ctx.fail(`keep_num_dims: input's last dimension ${last} differs from weights depth ${depth}`);
    ctx.resizeOutput(0, [...input.shape.slice(0, -1), units]);
  } else {
    ctx.resizeOutput(0, [rows, units]);
  }
  // TFLite's float kernel takes only the clipping activations.
  const act = o.fusedActivationFunction;
  if (act !== Activation.NONE && act !== Activation.RELU && act !== Activation.RELU_N1_TO_1 && act !== Activation.RELU6) {
    ctx.fail(`fused activation ${act} is not supported`);
  }
  const [actMin, actMax] = activationRange(act);
  return { rows, depth, units, actMin, actMax };
}

function evalFc(ctx: OpContext<FullyConnectedOptions>, d: FcData): void {
  const bias = ctx.optionalInput(2);
  fullyConnectedFloat(
    d.rows, d.depth, d.units, ctx.input(0).data as Float32Array, ctx.input(1).data as Float32Array,
    bias ? (bias.data as Float32Array) : null, d.actMin, d.actMax, ctx.output(0).data as Float32Array,
  );
}

export const FULLY_CONNECTED: KernelRegistration<FcData, FullyConnectedOptions> = { prepare, eval: evalFc };
