// SHAPE: int32/int64 out_type, input ranks and dtypes, errors.
// LiteRT.js returns stale data for outputs TFLite computes in prepare; tfjs-tflite reads them correctly
// (int64 outputs go through a CAST adapter, which LiteRT.js reads fine).
export default [
  { name: 'rank 3 to int32', oracle: 'tfjs-tflite', op: 'SHAPE', options: { outType: 2 }, inputs: [{ dtype: 'float32', shape: [2, 3, 4] }], outputs: [{ dtype: 'int32' }] },
  { name: 'rank 1 to int32', oracle: 'tfjs-tflite', op: 'SHAPE', options: { outType: 2 }, inputs: [{ dtype: 'float32', shape: [7] }], outputs: [{ dtype: 'int32' }] },
  { name: 'rank 6 to int32', oracle: 'tfjs-tflite', op: 'SHAPE', options: { outType: 2 }, inputs: [{ dtype: 'float32', shape: [1, 2, 3, 1, 2, 3] }], outputs: [{ dtype: 'int32' }] },
  { name: 'rank 4 to int64', op: 'SHAPE', options: { outType: 4 }, inputs: [{ dtype: 'float32', shape: [1, 5, 6, 2] }], outputs: [{ dtype: 'int64' }] },
  { name: 'int32 input', oracle: 'tfjs-tflite', op: 'SHAPE', options: { outType: 2 }, inputs: [{ dtype: 'int32', shape: [3, 2] }], outputs: [{ dtype: 'int32' }] },
  { name: 'bool input', oracle: 'tfjs-tflite', op: 'SHAPE', options: { outType: 2 }, inputs: [{ dtype: 'bool', shape: [4, 1] }], outputs: [{ dtype: 'int32' }] },
  { name: 'int8 input to int64', op: 'SHAPE', options: { outType: 4 }, inputs: [{ dtype: 'int8', shape: [2, 2, 2] }], outputs: [{ dtype: 'int64' }] },
  { name: 'error: out_type float32', oracle: 'tfjs-tflite', op: 'SHAPE', options: { outType: 0 }, inputs: [{ dtype: 'float32', shape: [2] }], outputs: [{ dtype: 'float32' }], error: 'out_type' },
  { name: 'error: output dtype differs from out_type', oracle: 'tfjs-tflite', op: 'SHAPE', options: { outType: 4 }, inputs: [{ dtype: 'float32', shape: [2] }], outputs: [{ dtype: 'int32' }], error: 'out_type' },
];
