// SVDF (TFLite svdf.cc / reference_ops::EvalFloatSVDF): a fully connected layer compressed by a
// rank-`rank` factorization into feature filters and time filters over a memory of past
// activations. The state (input 4, [batch, memory_size * num_filters]) is a variable tensor.
import type { SVDFOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { applyActivation } from './util/lstm_cell.js';

const INPUT = 0;
const WEIGHTS_FEATURE = 1;
const WEIGHTS_TIME = 2;
const BIAS = 3;
const STATE = 4;

export interface SvdfParams {
  readonly rank: number;
  readonly batchSize: number;
  readonly inputSize: number;
  readonly numFilters: number;
  readonly numUnits: number;
  readonly memorySize: number;
  /** Fused activation (TFLite ApplyActivationToVector semantics). */
  readonly activation: number;
}

/**
 * Reference kernel. Shifts the whole state left by one, writes each filter's new feature
 * activation into its last memory slot, then output[b, u] = act(bias[u] + sum over the unit's
 * `rank` filters of dot(weightsTime[f], state[b, f])). `scratch` holds batch*numFilters values.
 */
export function svdfFloat(
  p: SvdfParams, input: Float32Array, weightsFeature: Float32Array, weightsTime: Float32Array, bias: Float32Array | null,
  state: Float32Array, scratch: Float32Array, output: Float32Array,
): void {
  const { rank, batchSize, inputSize, numFilters, numUnits, memorySize } = p;
  state.copyWithin(0, 1, batchSize * memorySize * numFilters);
  for (let b = 0; b < batchSize; b++) {
    for (let f = 0; f < numFilters; f++) {
      let dot = 0;
      for (let i = 0; i < inputSize; i++) dot += weightsFeature[f * inputSize + i]! * input[b * inputSize + i]!;
      state[(b * numFilters + f) * memorySize + memorySize - 1] = dot;
    }
  }
  for (let b = 0; b < batchSize; b++) {
    for (let f = 0; f < numFilters; f++) {
      const s = (b * numFilters + f) * memorySize;
      let dot = 0;
      for (let m = 0; m < memorySize; m++) dot += weightsTime[f * memorySize + m]! * state[s + m]!;
      scratch[b * numFilters + f] = dot;
    }
  }
  for (let i = 0; i < batchSize * numUnits; i++) {
    let sum = 0;
    for (let r = 0; r < rank; r++) sum += scratch[i * rank + r]!;
    output[i] = sum;
  }
  if (bias !== null) {
    for (let b = 0; b < batchSize; b++) {
      for (let u = 0; u < numUnits; u++) output[b * numUnits + u] = output[b * numUnits + u]! + bias[u]!;
    }
  }
  applyActivation(p.activation, output, 0, output, 0, batchSize * numUnits);
}

interface Data extends SvdfParams {
  readonly scratch: Float32Array;
}

type Options = Partial<SVDFOptions>;

function prepare(ctx: OpContext<Options>): Data {
  if (ctx.numInputs !== 5) ctx.fail(`expects 5 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expects 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(INPUT);
  const weightsFeature = ctx.input(WEIGHTS_FEATURE);
  const weightsTime = ctx.input(WEIGHTS_TIME);
  const bias = ctx.optionalInput(BIAS);
  const state = ctx.input(STATE);
  if (input.dtype === 'int8') ctx.fail('integer SVDF is not supported yet');
  checkType(ctx, input, 'float32');
  for (const t of [weightsFeature, weightsTime]) {
    if (t.dtype === 'int8' || t.dtype === 'uint8') ctx.fail('hybrid (quantized-weight) SVDF is not supported yet');
    checkType(ctx, t, 'float32');
  }
  if (input.shape.length !== 2) ctx.fail(`input must have rank 2, got [${input.shape}]`);
  if (weightsFeature.shape.length !== 2 || weightsTime.shape.length !== 2) ctx.fail('feature and time weights must have rank 2');
  const rank = ctx.options.rank ?? 0;
  if (!Number.isInteger(rank) || rank <= 0) ctx.fail(`rank must be positive, got ${rank}`);
  const [batchSize, inputSize] = input.shape as [number, number];
  const numFilters = weightsFeature.shape[0]!;
  if (numFilters % rank !== 0) ctx.fail(`${numFilters} filters are not a multiple of rank ${rank}`);
  const numUnits = numFilters / rank;
  const memorySize = weightsTime.shape[1]!;
  if (weightsFeature.shape[1] !== inputSize) ctx.fail(`feature weights [${weightsFeature.shape}] do not match input size ${inputSize}`);
  if (weightsTime.shape[0] !== numFilters) ctx.fail(`time weights [${weightsTime.shape}] do not match ${numFilters} filters`);
  if (bias !== null) {
    checkType(ctx, bias, 'float32');
    if (bias.shape.length !== 1 || bias.shape[0] !== numUnits) ctx.fail(`bias [${bias.shape}] must be [${numUnits}]`);
  }
  if (!state.isVariable) ctx.fail('state (input 4) must be a variable tensor');
  checkType(ctx, state, 'float32');
  if (state.shape.length !== 2 || state.shape[0] !== batchSize || state.shape[1] !== memorySize * numFilters) {
    ctx.fail(`state [${state.shape}] must be [${batchSize}, ${memorySize * numFilters}]`);
  }
  checkType(ctx, ctx.output(0), 'float32');
  ctx.resizeOutput(0, [batchSize, numUnits]);
  const act = ctx.options.fusedActivationFunction ?? 0;
  return {
    rank, batchSize, inputSize, numFilters, numUnits, memorySize,
    // TFLite maps unknown activation codes to NONE.
    activation: Number.isInteger(act) && act >= 0 && act <= 5 ? act : 0,
    scratch: new Float32Array(batchSize * numFilters),
  };
}

function evaluate(ctx: OpContext<Options>, d: Data): void {
  svdfFloat(d,
    ctx.input(INPUT).data as Float32Array,
    ctx.input(WEIGHTS_FEATURE).data as Float32Array,
    ctx.input(WEIGHTS_TIME).data as Float32Array,
    (ctx.optionalInput(BIAS)?.data as Float32Array | undefined) ?? null,
    ctx.input(STATE).data as Float32Array,
    d.scratch,
    ctx.output(0).data as Float32Array);
}

export const SVDF: KernelRegistration<Data, Options> = { prepare, eval: evaluate };
