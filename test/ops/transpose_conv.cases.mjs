// TRANSPOSE_CONV (float32, and quantized below): output_shape input, padding, strides, optional bias (v3), fused activation.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const w = (shape, extra = {}) => f32(shape, { constant: true, ...extra });
const shape = (s, extra = {}) => ({ dtype: 'int32', shape: [4], constant: true, data: s, ...extra });
const opts = (o = {}) => ({ padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, ...o });
import { quantSpecs } from './conv_2d.cases.mjs';

const tc = (name, version, o, inputs, extra = {}) => ({ name, op: 'TRANSPOSE_CONV', version, options: opts(o), inputs, outputs: [{ dtype: 'float32' }], ...extra });

const floatCases = [
  tc('same stride 2 3x3', 1, { strideW: 2, strideH: 2 }, [shape([1, 8, 8, 2]), w([2, 3, 3, 4]), f32([1, 4, 4, 4])]),
  tc('valid stride 2 3x3', 1, { padding: 1, strideW: 2, strideH: 2 }, [shape([1, 9, 9, 2]), w([2, 3, 3, 3]), f32([1, 4, 4, 3])]),
  tc('same stride 1', 1, {}, [shape([1, 5, 5, 3]), w([3, 3, 3, 2]), f32([1, 5, 5, 2])]),
  tc('valid stride 1', 1, { padding: 1 }, [shape([1, 6, 7, 2]), w([2, 3, 3, 2]), f32([1, 4, 5, 2])]),
  tc('same stride 2 odd output 7x7', 1, { strideW: 2, strideH: 2 }, [shape([1, 7, 7, 2]), w([2, 3, 3, 2]), f32([1, 4, 4, 2])]),
  tc('same 2x2 stride 2 batch 2', 1, { strideW: 2, strideH: 2 }, [shape([2, 6, 8, 3]), w([3, 2, 2, 2]), f32([2, 3, 4, 2])]),
  tc('same 4x4 stride 2', 1, { strideW: 2, strideH: 2 }, [shape([1, 8, 8, 1]), w([1, 4, 4, 3]), f32([1, 4, 4, 3])]),
  tc('strides 3x2 valid', 1, { padding: 1, strideH: 3, strideW: 2 }, [shape([1, 11, 7, 2]), w([2, 3, 3, 2]), f32([1, 3, 3, 2])]),
  tc('v3 bias', 3, { strideW: 2, strideH: 2 }, [shape([1, 8, 8, 2]), w([2, 3, 3, 4]), f32([1, 4, 4, 4]), w([2])]),
  tc('v3 omitted bias (-1)', 3, { strideW: 2, strideH: 2 }, [shape([1, 8, 8, 2]), w([2, 3, 3, 4]), f32([1, 4, 4, 4]), null]),
  tc('v3 bias relu', 3, { strideW: 2, strideH: 2, fusedActivationFunction: 1 }, [shape([1, 8, 8, 3]), w([3, 3, 3, 2]), f32([1, 4, 4, 2]), w([3])]),
  tc('v3 bias relu6 valid', 3, { padding: 1, strideW: 2, strideH: 2, fusedActivationFunction: 3 },
    [shape([1, 9, 9, 2]), w([2, 3, 3, 2]), f32([1, 4, 4, 2], { range: [-5, 5] }), w([2])]),
  tc('non-constant weights', 1, { strideW: 2, strideH: 2 }, [shape([1, 6, 6, 2]), f32([2, 3, 3, 2]), f32([1, 3, 3, 2])]),
  tc('non-constant output_shape (dynamic output)', 1, { strideW: 2, strideH: 2 },
    [shape([1, 6, 6, 2], { constant: false }), w([2, 3, 3, 2]), f32([1, 3, 3, 2])], { oracle: 'tfjs-tflite' }),
  tc('v3 fused tanh', 3, { strideW: 2, strideH: 2, fusedActivationFunction: 4 }, [shape([1, 6, 6, 2]), w([2, 3, 3, 2]), f32([1, 3, 3, 2], { range: [-3, 3] }), w([2])]),
  tc('larger 16x16x8 -> 32x32x4', 3, { strideW: 2, strideH: 2 }, [shape([1, 32, 32, 4]), w([4, 3, 3, 8]), f32([1, 16, 16, 8]), w([4])]),
  tc('error: output channels differ from weights', 1, {}, [shape([1, 5, 5, 4]), w([3, 3, 3, 2]), f32([1, 5, 5, 2])], { error: 'channels' }),
  tc('error: input channels differ from weights', 1, {}, [shape([1, 5, 5, 3]), w([3, 3, 3, 4]), f32([1, 5, 5, 2])], { error: 'channels' }),
  tc('error: output_shape of 3 values', 1, {}, [shape([1, 5, 3], { shape: [3] }), w([3, 3, 3, 2]), f32([1, 5, 5, 2])], { error: 'output_shape' }),
  tc('error: float output_shape', 1, {}, [{ dtype: 'float32', shape: [4], constant: true, data: [1, 5, 5, 3] }, w([3, 3, 3, 2]), f32([1, 5, 5, 2])], { error: 'type' }),
  tc('error: stride 0', 1, { strideW: 0 }, [shape([1, 5, 5, 3]), w([3, 3, 3, 2]), f32([1, 5, 5, 2])], { error: 'stride' }),
];

// Quantized: uint8 (per-tensor, weights zero point), int8 (per-channel along dimension 0), 16x8
// (int64 bias, or int32 with quantized_bias_type INT32); seeded scales from quantSpecs.
const VERSION = { uint8: 2, int8: 3, int16: 4 };
const qtc = (name, kind, o, outShape, wShape, inShape, q = {}, extra = {}) => {
  const taps = (wShape[1] * wShape[2] * wShape[3]) / ((o.strideH ?? 1) * (o.strideW ?? 1));
  const s = quantSpecs(name, { kind, inShape, fShape: wShape, channels: wShape[0], qdim: 0, taps, ...q });
  const inputs = [shape(outShape), s.filter, s.input];
  if (s.bias !== null) inputs.push(s.bias);
  return { name: `${kind} ${name}`, op: 'TRANSPOSE_CONV', version: VERSION[kind], options: opts(o), inputs, outputs: [s.output], ...extra };
};
const INT64_BIAS = { quantizedBiasType: 4 }, INT32_BIAS = { quantizedBiasType: 2 };

const quantCases = [
  qtc('same stride 2 3x3', 'int8', { strideW: 2, strideH: 2 }, [1, 8, 8, 2], [2, 3, 3, 4], [1, 4, 4, 4]),
  qtc('valid stride 2 3x3 relu', 'int8', { padding: 1, strideW: 2, strideH: 2, fusedActivationFunction: 1 }, [1, 9, 9, 3], [3, 3, 3, 3], [1, 4, 4, 3]),
  qtc('same stride 1 relu6', 'int8', { fusedActivationFunction: 3 }, [1, 5, 5, 3], [3, 3, 3, 2], [1, 5, 5, 2], { inScale: 0.05, outSpread: 0.2 }),
  qtc('same 2x2 stride 2 batch 2', 'int8', { strideW: 2, strideH: 2 }, [2, 6, 8, 3], [3, 2, 2, 2], [2, 3, 4, 2]),
  qtc('strides 3x2 valid no bias', 'int8', { padding: 1, strideH: 3, strideW: 2 }, [1, 11, 7, 2], [2, 3, 3, 2], [1, 3, 3, 2], { noBias: true }),
  qtc('per-tensor weights scale', 'int8', { strideW: 2, strideH: 2 }, [1, 8, 8, 2], [2, 3, 3, 4], [1, 4, 4, 4], { perChannel: false }),
  qtc('larger 16x16x8 -> 32x32x4', 'int8', { strideW: 2, strideH: 2 }, [1, 32, 32, 4], [4, 3, 3, 8], [1, 16, 16, 8]),
  qtc('same stride 2 3x3', 'uint8', { strideW: 2, strideH: 2 }, [1, 8, 8, 2], [2, 3, 3, 4], [1, 4, 4, 4]),
  qtc('valid stride 2 relu6', 'uint8', { padding: 1, strideW: 2, strideH: 2, fusedActivationFunction: 3 }, [1, 9, 9, 2], [2, 3, 3, 2], [1, 4, 4, 2], { inScale: 0.05, outSpread: 0.2 }),
  qtc('same 4x4 stride 2 batch 2', 'uint8', { strideW: 2, strideH: 2 }, [2, 8, 8, 1], [1, 4, 4, 3], [2, 4, 4, 3]),
  qtc('larger 16x16x8 -> 32x32x4', 'uint8', { strideW: 2, strideH: 2 }, [1, 32, 32, 4], [4, 3, 3, 8], [1, 16, 16, 8]),
  qtc('same stride 2 int64 bias', 'int16', { strideW: 2, strideH: 2, ...INT64_BIAS }, [1, 8, 8, 2], [2, 3, 3, 4], [1, 4, 4, 4]),
  qtc('valid stride 2 relu int64 bias (bias type unset)', 'int16', { padding: 1, strideW: 2, strideH: 2, fusedActivationFunction: 1 }, [1, 9, 9, 3], [3, 3, 3, 3], [1, 4, 4, 3]),
  qtc('int32 bias', 'int16', { strideW: 2, strideH: 2, ...INT32_BIAS }, [1, 8, 8, 2], [2, 3, 3, 4], [1, 4, 4, 4], { bias64: false }),
  qtc('larger 12x12x8 -> 24x24x4', 'int16', { strideW: 2, strideH: 2, ...INT64_BIAS }, [1, 24, 24, 4], [4, 3, 3, 8], [1, 12, 12, 8]),
  (() => {
    const c = qtc('non-constant output_shape (dynamic output)', 'int8', { strideW: 2, strideH: 2 }, [1, 6, 6, 2], [2, 3, 3, 2], [1, 3, 3, 2]);
    c.inputs[0] = shape([1, 6, 6, 2], { constant: false });
    return { ...c, oracle: 'tfjs-tflite' };
  })(),
  qtc('error: per-channel scales', 'uint8', {}, [1, 5, 5, 3], [3, 3, 3, 2], [1, 5, 5, 2], { perChannel: true }, { error: 'per-channel' }),
  qtc('error: int32 bias without quantized_bias_type', 'int16', {}, [1, 5, 5, 3], [3, 3, 3, 2], [1, 5, 5, 2], { bias64: false }, { error: 'quantized_bias_type' }),
];

export default [...floatCases, ...quantCases];
