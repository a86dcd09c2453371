// TRANSPOSE_CONV (float32): output_shape input, padding, strides, optional bias (v3), fused activation.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const w = (shape, extra = {}) => f32(shape, { constant: true, ...extra });
const shape = (s, extra = {}) => ({ dtype: 'int32', shape: [4], constant: true, data: s, ...extra });
const opts = (o = {}) => ({ padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, ...o });
const tc = (name, version, o, inputs, extra = {}) => ({ name, op: 'TRANSPOSE_CONV', version, options: opts(o), inputs, outputs: [{ dtype: 'float32' }], ...extra });

export default [
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
