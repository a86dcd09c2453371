// SVDF (TFLite svdf.cc / reference_ops::EvalFloatSVDF): a fully connected layer compressed by a
// rank-`rank` factorization into feature filters and time filters over a memory of past
// activations. The state (input 4, [batch, memory_size * num_filters]) is a variable tensor.
// Variants as TFLite picks them: float; hybrid (float input and state, int8 weights: EvalHybridSVDF);
// full integer (int8 input/output, int8 feature and int16 time weights, int16 state: EvalIntegerSVDF).
import type { SVDFOptions } from '../schema/generated.js';
import { Activation, checkType } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { batchQuantizeFloats, hybridMatMulAcc, isZeroVector, rowSums } from './util/hybrid.js';
import { applyActivation } from './util/lstm_cell.js';
import { perTensorScale } from './util/lstm_check.js';
import { multiplyByQuantizedMultiplier, quantizeMultiplier } from './util/quant_math.js';

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
  svdfTimeBiasActivation(p, weightsTime, bias, state, scratch, output);
}

/** ApplyTimeWeightsBiasAndActivation: output = act(bias + per-unit sums of dot(weightsTime[f], state[b, f])). */
function svdfTimeBiasActivation(
  p: SvdfParams, weightsTime: Float32Array, bias: Float32Array | null, state: Float32Array, scratch: Float32Array, output: Float32Array,
): void {
  const { rank, batchSize, numFilters, numUnits, memorySize } = p;
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

/** Hybrid scratch: quantized input, scales, zero points, the dequantized time weights and row sums (made on first use, as TFLite). */
export interface SvdfHybrid {
  readonly featureScale: number;
  readonly timeScale: number;
  readonly asymmetric: boolean;
  readonly qInput: Int8Array;
  readonly sf: Float32Array;
  readonly zp: Int32Array;
  readonly floatWeightsTime: Float32Array;
  readonly rowSums: Int32Array;
  /** The two above are filled on the first eval, and kept. */
  ready: boolean;
}

/** Reference kernel, hybrid: the feature matmul on the per-row quantized input, the rest in float. */
export function svdfHybrid(
  p: SvdfParams, h: SvdfHybrid, input: Float32Array, weightsFeature: Int8Array, weightsTime: Int8Array, bias: Float32Array | null,
  state: Float32Array, scratch: Float32Array, output: Float32Array,
): void {
  const { batchSize, inputSize, numFilters, memorySize } = p;
  if (!h.ready) {
    for (let i = 0; i < weightsTime.length; i++) h.floatWeightsTime[i] = weightsTime[i]! * h.timeScale;
    rowSums(weightsFeature, numFilters, inputSize, h.rowSums);
    h.ready = true;
  }
  state.copyWithin(0, 1, batchSize * memorySize * numFilters);
  scratch.fill(0);
  if (!isZeroVector(input, 0, batchSize * inputSize)) {
    batchQuantizeFloats(input, 0, batchSize, inputSize, h.qInput, 0, h.sf, h.zp, 0, h.asymmetric);
    for (let b = 0; b < batchSize; b++) h.sf[b] = Math.fround(h.sf[b]! * h.featureScale);
    hybridMatMulAcc(weightsFeature, numFilters, inputSize, h.qInput, 0, batchSize, h.sf, h.asymmetric ? h.zp : null, h.rowSums, 0, scratch, 0);
  }
  for (let i = 0; i < batchSize * numFilters; i++) state[i * memorySize + memorySize - 1] = scratch[i]!;
  svdfTimeBiasActivation(p, h.floatWeightsTime, bias, state, scratch, output);
}

/** Full-integer rescaling: input*feature -> state (int16), state*time -> output (int8). */
export interface SvdfInteger {
  readonly scale1A: number;
  readonly scale1B: number;
  readonly scale2A: number;
  readonly scale2B: number;
  readonly inputZp: number;
  readonly outputZp: number;
  /** [batch, filters] dot products and [batch, units] sums. */
  readonly scratch: Int32Array;
  readonly outputTemp: Int32Array;
}

/**
 * Reference kernel, full integer (reference_ops::EvalIntegerSVDF). The state is taken as
 * symmetric, and the fused activation is not applied (TFLite requires RELU and ignores it).
 */
export function svdfInteger(
  p: SvdfParams, q: SvdfInteger, input: Int8Array, weightsFeature: Int8Array, weightsTime: Int16Array, bias: Int32Array | null,
  state: Int16Array, output: Int8Array,
): void {
  const { rank, batchSize, inputSize, numFilters, numUnits, memorySize } = p;
  state.copyWithin(0, 1, batchSize * memorySize * numFilters);
  for (let b = 0; b < batchSize; b++) {
    for (let f = 0; f < numFilters; f++) {
      let dot = 0;
      for (let c = 0; c < inputSize; c++) dot += weightsFeature[f * inputSize + c]! * (input[b * inputSize + c]! - q.inputZp);
      const v = multiplyByQuantizedMultiplier(dot | 0, q.scale1A, q.scale1B);
      state[(b * numFilters + f) * memorySize + memorySize - 1] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }
  }
  const scratch = q.scratch, temp = q.outputTemp;
  for (let b = 0; b < batchSize; b++) {
    for (let f = 0; f < numFilters; f++) {
      const s = (b * numFilters + f) * memorySize;
      let dot = 0;
      for (let m = 0; m < memorySize; m++) dot = (dot + weightsTime[f * memorySize + m]! * state[s + m]!) | 0;
      scratch[b * numFilters + f] = dot;
    }
  }
  for (let i = 0; i < batchSize * numUnits; i++) {
    let sum = 0;
    for (let r = 0; r < rank; r++) sum = (sum + scratch[i * rank + r]!) | 0;
    temp[i] = sum;
  }
  if (bias !== null) {
    for (let b = 0; b < batchSize; b++) {
      for (let u = 0; u < numUnits; u++) temp[b * numUnits + u] = (temp[b * numUnits + u]! + bias[u]!) | 0;
    }
  }
  for (let i = 0; i < batchSize * numUnits; i++) {
    const v = multiplyByQuantizedMultiplier(temp[i]!, q.scale2A, q.scale2B) + q.outputZp;
    output[i] = v > 127 ? 127 : v < -128 ? -128 : v;
  }
}

interface Data extends SvdfParams {
  readonly scratch: Float32Array;
  readonly variant: { readonly mode: 'float' } | { readonly mode: 'hybrid'; readonly hybrid: SvdfHybrid }
    | { readonly mode: 'integer'; readonly integer: SvdfInteger };
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
  const output = ctx.output(0);
  checkType(ctx, input, 'float32', 'int8');
  const mode = input.dtype === 'int8' ? 'integer' : weightsFeature.dtype === 'int8' ? 'hybrid' : 'float';
  // Types per variant: [feature weights, time weights, bias, state and output].
  const types = { float: ['float32', 'float32', 'float32', 'float32'], hybrid: ['int8', 'int8', 'float32', 'float32'], integer: ['int8', 'int16', 'int32', 'int16'] } as const;
  const [wfType, wtType, biasType, stateType] = types[mode];
  checkType(ctx, weightsFeature, wfType);
  checkType(ctx, weightsTime, wtType);
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
    checkType(ctx, bias, biasType);
    if (bias.shape.length !== 1 || bias.shape[0] !== numUnits) ctx.fail(`bias [${bias.shape}] must be [${numUnits}]`);
  }
  if (!state.isVariable) ctx.fail('state (input 4) must be a variable tensor');
  if (state.dtype !== stateType) ctx.fail(`state has type ${state.dtype}, expected ${stateType}`);
  if (state.shape.length !== 2 || state.shape[0] !== batchSize || state.shape[1] !== memorySize * numFilters) {
    ctx.fail(`state [${state.shape}] must be [${batchSize}, ${memorySize * numFilters}]`);
  }
  checkType(ctx, output, mode === 'integer' ? 'int8' : 'float32');
  ctx.resizeOutput(0, [batchSize, numUnits]);
  const act = ctx.options.fusedActivationFunction ?? 0;
  let variant: Data['variant'];
  if (mode === 'hybrid') {
    variant = {
      mode,
      hybrid: {
        featureScale: perTensorScale(ctx, weightsFeature), timeScale: perTensorScale(ctx, weightsTime),
        asymmetric: ctx.options.asymmetricQuantizeInputs ?? false,
        qInput: new Int8Array(batchSize * inputSize), sf: new Float32Array(batchSize), zp: new Int32Array(batchSize),
        floatWeightsTime: new Float32Array(numFilters * memorySize), rowSums: new Int32Array(numFilters), ready: false,
      },
    };
  } else if (mode === 'integer') {
    // TFLite supports only RELU here (and then applies no activation).
    if (act !== Activation.RELU) ctx.fail(`integer SVDF supports only the RELU activation, got ${act}`);
    const fr = Math.fround;
    const stateScale = perTensorScale(ctx, state);
    const m1 = quantizeMultiplier(fr(fr(perTensorScale(ctx, input) * perTensorScale(ctx, weightsFeature)) / stateScale));
    const m2 = quantizeMultiplier(fr(fr(stateScale * perTensorScale(ctx, weightsTime)) / perTensorScale(ctx, output)));
    if (m1 === null || m2 === null) return ctx.fail('effective scales are not finite');
    variant = {
      mode,
      integer: {
        scale1A: m1.multiplier, scale1B: m1.shift, scale2A: m2.multiplier, scale2B: m2.shift,
        inputZp: input.zeroPoint, outputZp: output.zeroPoint,
        scratch: new Int32Array(batchSize * numFilters), outputTemp: new Int32Array(batchSize * numUnits),
      },
    };
  } else {
    variant = { mode };
  }
  return {
    rank, batchSize, inputSize, numFilters, numUnits, memorySize,
    // TFLite maps unknown activation codes to NONE.
    activation: Number.isInteger(act) && act >= 0 && act <= 5 ? act : 0,
    scratch: new Float32Array(mode === 'integer' ? 0 : batchSize * numFilters),
    variant,
  };
}

function evaluate(ctx: OpContext<Options>, d: Data): void {
  const v = d.variant;
  const bias = ctx.optionalInput(BIAS)?.data ?? null;
  if (v.mode === 'integer') {
    svdfInteger(d, v.integer, ctx.input(INPUT).data as Int8Array, ctx.input(WEIGHTS_FEATURE).data as Int8Array,
      ctx.input(WEIGHTS_TIME).data as Int16Array, bias as Int32Array | null, ctx.input(STATE).data as Int16Array,
      ctx.output(0).data as Int8Array);
  } else if (v.mode === 'hybrid') {
    svdfHybrid(d, v.hybrid, ctx.input(INPUT).data as Float32Array, ctx.input(WEIGHTS_FEATURE).data as Int8Array,
      ctx.input(WEIGHTS_TIME).data as Int8Array, bias as Float32Array | null, ctx.input(STATE).data as Float32Array,
      d.scratch, ctx.output(0).data as Float32Array);
  } else {
    svdfFloat(d,
      ctx.input(INPUT).data as Float32Array,
      ctx.input(WEIGHTS_FEATURE).data as Float32Array,
      ctx.input(WEIGHTS_TIME).data as Float32Array,
      bias as Float32Array | null,
      ctx.input(STATE).data as Float32Array,
      d.scratch,
      ctx.output(0).data as Float32Array);
  }
}

export const SVDF: KernelRegistration<Data, Options> = { prepare, eval: evaluate };
