// RESHAPE: shape tensor (constant, computed, empty, non-int32), new_shape option, -1 inference, dtypes, errors.
const f = (shape) => ({ dtype: 'float32', shape });
const shapeT = (data, extra = {}) => ({ dtype: 'int32', shape: [data.length], constant: true, data, ...extra });
const out = (dtype = 'float32') => [{ dtype }];

// Quantization params for the quantized cases (int16 is symmetric).
const QU = { scale: 0.0235, zeroPoint: 131 }, QU2 = { scale: 0.0172, zeroPoint: 118 };
const QS = { scale: 0.0349, zeroPoint: -21 }, QS2 = { scale: 0.0208, zeroPoint: 6 };
const QH = { scale: 0.000412, zeroPoint: 0 }, QH2 = { scale: 0.000307, zeroPoint: 0 };
const qt = (dtype, shape, quant, extra = {}) => ({ dtype, shape, quant, ...extra });
const qo = (dtype, quant, k = 1) => Array.from({ length: k }, () => ({ dtype, quant }));
export default [
  { name: 'shape tensor [4,6]', op: 'RESHAPE', options: { newShape: [4, 6] }, inputs: [f([2, 3, 4]), shapeT([4, 6])], outputs: out() },
  { name: 'shape tensor with -1 first', op: 'RESHAPE', options: {}, inputs: [f([2, 3, 4]), shapeT([-1, 4])], outputs: out() },
  { name: 'shape tensor with -1 middle', op: 'RESHAPE', inputs: [f([2, 3, 4]), shapeT([2, -1, 2])], outputs: out() },
  { name: 'flatten to 1-D', op: 'RESHAPE', inputs: [f([2, 3, 4]), shapeT([-1])], outputs: out() },
  { name: 'to rank 6', op: 'RESHAPE', inputs: [f([4, 6]), shapeT([1, 2, 2, 3, 1, 2])], outputs: out() },
  { name: 'new_shape option only', op: 'RESHAPE', options: { newShape: [3, 8] }, inputs: [f([2, 3, 4])], outputs: out() },
  { name: 'new_shape option with -1', op: 'RESHAPE', options: { newShape: [-1, 2] }, inputs: [f([2, 3, 4])], outputs: out() },
  { name: 'legacy new_shape [0] is a scalar', op: 'RESHAPE', options: { newShape: [0] }, inputs: [f([1, 1])], outputs: out() },
  { name: 'empty shape tensor gives a scalar', op: 'RESHAPE', inputs: [f([1, 1, 1]), shapeT([])], outputs: out() },
  { name: 'scalar to [1,1]', op: 'RESHAPE', inputs: [f([]), shapeT([1, 1])], outputs: out() },
  { name: 'int64 shape tensor falls back to new_shape', op: 'RESHAPE', options: { newShape: [6, 4] },
    inputs: [f([2, 3, 4]), { dtype: 'int64', shape: [2], constant: true, data: [4, 6] }], outputs: out() },
  { name: 'scalar shape tensor falls back to new_shape', op: 'RESHAPE', options: { newShape: [12, 2] },
    inputs: [f([2, 3, 4]), { dtype: 'int32', shape: [], constant: true, data: [24] }], outputs: out() },
  { name: 'computed shape tensor (dynamic output)', oracle: 'tfjs-tflite', op: 'RESHAPE', inputs: [f([2, 3, 4]), { dtype: 'int32', shape: [2], data: [6, -1] }], outputs: out() },
  { name: 'computed shape tensor to rank 3', oracle: 'tfjs-tflite', op: 'RESHAPE', inputs: [f([2, 3, 4]), { dtype: 'int32', shape: [3], data: [4, 3, 2] }], outputs: out() },
  { name: 'int32 data', op: 'RESHAPE', inputs: [{ dtype: 'int32', shape: [2, 6], range: [-100, 100] }, shapeT([3, 4])], outputs: out('int32') },
  { name: 'int64 data', op: 'RESHAPE', inputs: [{ dtype: 'int64', shape: [2, 6], range: [-1000, 1000] }, shapeT([-1, 3])], outputs: out('int64') },
  { name: 'uint8 data', op: 'RESHAPE', inputs: [{ dtype: 'uint8', shape: [4, 3] }, shapeT([12])], outputs: out('uint8') },
  { name: 'int8 data', op: 'RESHAPE', inputs: [{ dtype: 'int8', shape: [4, 3] }, shapeT([2, 6])], outputs: out('int8') },
  { name: 'int16 data', op: 'RESHAPE', inputs: [{ dtype: 'int16', shape: [4, 3] }, shapeT([6, 2])], outputs: out('int16') },
  { name: 'float16 data', op: 'RESHAPE', inputs: [{ dtype: 'float16', shape: [2, 3] }, shapeT([3, 2])], outputs: out('float16') },
  { name: 'bool data', op: 'RESHAPE', inputs: [{ dtype: 'bool', shape: [2, 5] }, shapeT([5, 2])], outputs: out('bool') },
  { name: 'error: two -1', op: 'RESHAPE', inputs: [f([2, 3, 4]), shapeT([-1, -1])], outputs: out(), error: 'more than one -1' },
  { name: 'error: element count mismatch', op: 'RESHAPE', inputs: [f([2, 3, 4]), shapeT([5, 5])], outputs: out(), error: 'cannot reshape' },
  { name: 'error: -1 does not divide', op: 'RESHAPE', inputs: [f([2, 3, 4]), shapeT([-1, 5])], outputs: out(), error: 'cannot reshape' },
  { name: 'error: negative dim', op: 'RESHAPE', inputs: [f([2, 3, 4]), shapeT([-2, -12])], outputs: out(), error: 'negative dimension' },
  { name: 'error: computed shape count mismatch', op: 'RESHAPE', inputs: [f([2, 3, 4]), { dtype: 'int32', shape: [2], data: [5, 5] }], outputs: out(), error: 'cannot reshape' },
  { name: 'error: output type differs', op: 'RESHAPE', inputs: [f([2, 3]), shapeT([6])], outputs: out('int32'), error: 'output' },
  { name: 'uint8 quantized', op: 'RESHAPE', inputs: [qt('uint8', [4, 3], QU), shapeT([2, -1])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'RESHAPE', inputs: [qt('int8', [2, 3, 2], QS), shapeT([12])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'RESHAPE', inputs: [qt('int16', [6], QH), shapeT([3, 2])], outputs: qo('int16', QH) },
  { name: 'uint8 output quantized differently', op: 'RESHAPE', inputs: [qt('uint8', [2, 3], QU), shapeT([6])], outputs: qo('uint8', QU2) },
];
