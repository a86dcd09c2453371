// Case generators for the convolution-like ops (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED) shared
// by the SIMD-tier tests (test/simd_q8.test.mjs, test/simd_f32.test.mjs) and the thread tests
// (test/threads.test.mjs): 8-bit layers with realistic scales and zero points, float depthwise.
import { pick } from './simd.mjs';

const uniform = (next, lo, hi) => lo + ((hi - lo) * next()) / 4294967296;

/**
 * Quantization of an 8-bit layer with `k` taps per output: scales such that the outputs spread
 * over the type's range (with some clamping), or, with `pow2`, all powers of two, so that the
 * requantized values often fall exactly on .5 (round half to even is exercised).
 */
export function layerQuant(next, type, k, channels, perChannel, pow2) {
  const inScale = pow2 ? 2 ** -(next() % 4) : uniform(next, 0.005, 0.05);
  const fScales = Array.from({ length: perChannel ? channels : 1 }, () => (pow2 ? 2 ** -(2 + (next() % 3)) : uniform(next, 0.002, 0.03)));
  const accRange = 128 * 100 * Math.sqrt(k);
  const outScale = pow2 ? 2 ** (Math.round(Math.log2((inScale * fScales[0] * accRange) / 100))) : (inScale * fScales[0] * accRange) / uniform(next, 60, 250);
  const zp = () => (type === 'int8' ? (next() % 256) - 128 : next() % 256);
  return {
    input: { scale: inScale, zeroPoint: zp() },
    filter: { scale: fScales, zeroPoint: fScales.map(() => (type === 'uint8' ? next() % 256 : 0)) },
    output: { scale: outScale, zeroPoint: zp() },
    bias: { scale: fScales.map((s) => inScale * s), zeroPoint: fScales.map(() => 0) },
  };
}

export function randomConvQ8(next, i, type) {
  for (;;) {
    const kH = 1 + (next() % 4), kW = 1 + (next() % 4);
    const strideH = 1 + (next() % 3), strideW = 1 + (next() % 3);
    const dilationH = pick(next, [1, 1, 2]), dilationW = pick(next, [1, 1, 2, 3]);
    const padding = next() % 2;
    const batch = pick(next, [1, 1, 2, 3]);
    const h = 1 + (next() % 12), w = 1 + (next() % 12);
    const inC = pick(next, [1, 2, 3, 4, 5, 8, 13, 16, 24, 35]), outC = pick(next, [1, 3, 7, 8, 9, 16, 17, 24, 33]);
    if (padding === 1 && ((kH - 1) * dilationH + 1 > h || (kW - 1) * dilationW + 1 > w)) continue;
    const pointwise = next() % 3 === 0;
    return convCase(next, `conv ${type} ${i}`, type, [batch, h, w, inC], pointwise ? [outC, 1, 1, inC] : [outC, kH, kW, inC], {
      padding, strideW: pointwise ? 1 : strideW, strideH: pointwise ? 1 : strideH, fusedActivationFunction: pick(next, [0, 1, 3]),
      dilationWFactor: dilationW, dilationHFactor: dilationH,
    }, next() % 4 !== 0, next() % 5 === 0);
  }
}

export function convCase(next, name, type, input, filter, options = {}, bias = true, pow2 = false) {
  const [outC, kH, kW, inC] = filter;
  const q = layerQuant(next, type, kH * kW * inC, outC, type === 'int8', pow2);
  return {
    name: `${name}: [${input}] * [${filter}] ${JSON.stringify(options)}${bias ? '' : ' no bias'}${pow2 ? ' pow2' : ''}`,
    op: 'CONV_2D', version: 3,
    options: { padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1, ...options },
    inputs: [
      { dtype: type, shape: input, quant: q.input },
      { dtype: type, shape: filter, constant: true, quant: { ...q.filter, quantizedDimension: 0 }, range: type === 'int8' ? [-127, 128] : [0, 256] },
      bias ? { dtype: 'int32', shape: [outC], constant: true, quant: q.bias, range: [-30000, 30000] } : null,
    ],
    outputs: [{ dtype: type, quant: q.output }],
  };
}

export function dwCase(next, name, type, input, kH, kW, options, bias = true, pow2 = false) {
  const C = input[3];
  const q = layerQuant(next, type, kH * kW, C, type === 'int8', pow2);
  return {
    name: `${name}: [${input}] ${kH}x${kW} ${JSON.stringify(options)}${bias ? '' : ' no bias'}${pow2 ? ' pow2' : ''}`,
    op: 'DEPTHWISE_CONV_2D', version: 3,
    options: { padding: 0, strideW: 1, strideH: 1, depthMultiplier: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1, ...options },
    inputs: [
      { dtype: type, shape: input, quant: q.input },
      { dtype: type, shape: [1, kH, kW, C], constant: true, quant: { ...q.filter, quantizedDimension: 3 }, range: type === 'int8' ? [-127, 128] : [0, 256] },
      bias ? { dtype: 'int32', shape: [C], constant: true, quant: q.bias, range: [-30000, 30000] } : null,
    ],
    outputs: [{ dtype: type, quant: q.output }],
  };
}

export function fcCase(next, name, type, inShape, units, depth, options = {}, perChannel = false, bias = true) {
  const q = layerQuant(next, type, depth, units, perChannel, false);
  if (type === 'int8' && !perChannel && next() % 2) q.filter.zeroPoint = [(next() % 21) - 10]; // int8 per-tensor weights may have a zero point
  return {
    name: `${name}: [${inShape}] -> ${units} (depth ${depth})${perChannel ? ' per-channel' : ''}${bias ? '' : ' no bias'} ${JSON.stringify(options)}`,
    op: 'FULLY_CONNECTED', version: type === 'int8' ? 4 : 1,
    options: { fusedActivationFunction: 0, weightsFormat: 0, keepNumDims: false, asymmetricQuantizeInputs: false, ...options },
    inputs: [
      { dtype: type, shape: inShape, quant: q.input },
      { dtype: type, shape: [units, depth], constant: true, quant: { ...q.filter, quantizedDimension: 0 }, range: type === 'int8' ? [-127, 128] : [0, 256] },
      bias ? { dtype: 'int32', shape: [units], constant: true, quant: { scale: [q.bias.scale[0]], zeroPoint: [0] }, range: [-30000, 30000] } : null,
    ],
    outputs: [{ dtype: type, quant: q.output }],
  };
}

// ------------------------------------------------------------------ float32 DEPTHWISE_CONV_2D

export const dw = (name, input, [kH, kW], multiplier, options = {}, bias = true) => {
  const outC = input[3] * multiplier;
  return {
    name, op: 'DEPTHWISE_CONV_2D', version: 2,
    options: {
      padding: 0, strideW: 1, strideH: 1, depthMultiplier: multiplier, fusedActivationFunction: 0,
      dilationWFactor: 1, dilationHFactor: 1, ...options,
    },
    inputs: [
      { dtype: 'float32', shape: input },
      { dtype: 'float32', shape: [1, kH, kW, outC], constant: true },
      bias ? { dtype: 'float32', shape: [outC], constant: true, range: [-2, 2] } : null,
    ],
    outputs: [{ dtype: 'float32' }],
  };
};

export function randomDepthwise(next, i) {
  for (;;) {
    const k = pick(next, [[3, 3], [3, 3], [5, 5], [5, 5], [1, 1], [2, 3], [3, 1], [7, 7], [4, 4]]);
    const stride = pick(next, [1, 1, 2, 3]);
    const strideW = next() % 4 === 0 ? pick(next, [1, 2]) : stride;
    const dilation = pick(next, [1, 1, 1, 2, 3]);
    const dilationW = next() % 4 === 0 ? pick(next, [1, 2]) : dilation;
    const padding = next() % 3 === 0 ? 1 : 0;
    const batch = pick(next, [1, 1, 1, 2]);
    const h = 1 + (next() % 14), w = 1 + (next() % 14);
    const multiplier = pick(next, [1, 1, 1, 1, 2, 3, 4]);
    const inC = pick(next, multiplier === 1 ? [4, 5, 6, 7, 8, 12, 13, 16, 24, 42] : [1, 2, 3, 5, 8]);
    if (inC * multiplier < 4) continue;
    if (padding === 1 && ((k[0] - 1) * dilation + 1 > h || (k[1] - 1) * dilationW + 1 > w)) continue;
    const act = next() % 5;
    const bias = next() % 4 !== 0;
    const options = { padding, strideH: stride, strideW, dilationHFactor: dilation, dilationWFactor: dilationW, fusedActivationFunction: act };
    return dw(`dw ${i}: ${batch}x${h}x${w}x${inC} m${multiplier} ${k[0]}x${k[1]} s${stride},${strideW} d${dilation},${dilationW} ${padding ? 'VALID' : 'SAME'} act${act}${bias ? '' : ' no bias'}`,
      [batch, h, w, inC], k, multiplier, options, bias);
  }
}

