// PAD: generic and image-style paddings, ranks 1-5, int32/int64 paddings, every data dtype,
// quantized zero-point padding, computed (dynamic) paddings, errors.
const P = (data, dtype = 'int32') => ({ dtype, shape: [data.length / 2, 2], constant: true, data });
const x = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const out = (dtype = 'float32', extra = {}) => [{ dtype, ...extra }];
// Quantization params for the quantized cases (int16 is symmetric).
const QU = { scale: 0.0235, zeroPoint: 131 }, QU2 = { scale: 0.0172, zeroPoint: 118 };
const QS = { scale: 0.0349, zeroPoint: -21 }, QS2 = { scale: 0.0208, zeroPoint: 6 };
const QH = { scale: 0.000412, zeroPoint: 0 }, QH2 = { scale: 0.000307, zeroPoint: 0 };
const qt = (dtype, shape, quant, extra = {}) => ({ dtype, shape, quant, ...extra });
const qo = (dtype, quant, k = 1) => Array.from({ length: k }, () => ({ dtype, quant }));
export default [
  { name: '1-D', op: 'PAD', inputs: [x('float32', [5]), P([2, 3])], outputs: out() },
  { name: '2-D generic', op: 'PAD', inputs: [x('float32', [3, 4]), P([1, 0, 2, 1])], outputs: out() },
  { name: '3-D', op: 'PAD', inputs: [x('float32', [2, 3, 4]), P([0, 1, 2, 0, 1, 1])], outputs: out() },
  { name: '4-D image style', op: 'PAD', inputs: [x('float32', [1, 4, 5, 3]), P([0, 0, 1, 2, 2, 1, 0, 0])], outputs: out() },
  { name: '4-D batch and channel padding', op: 'PAD', inputs: [x('float32', [2, 3, 3, 2]), P([1, 0, 0, 1, 1, 0, 2, 1])], outputs: out() },
  { name: '5-D', op: 'PAD', inputs: [x('float32', [2, 1, 2, 3, 2]), P([0, 1, 1, 0, 0, 2, 1, 1, 1, 0])], outputs: out() },
  { name: 'all-zero paddings', op: 'PAD', inputs: [x('float32', [2, 3]), P([0, 0, 0, 0])], outputs: out() },
  { name: 'int64 paddings', op: 'PAD', inputs: [x('float32', [2, 3]), P([1, 1, 0, 2], 'int64')], outputs: out() },
  { name: 'int32 data', op: 'PAD', inputs: [x('int32', [2, 3]), P([1, 1, 1, 1])], outputs: out('int32') },
  { name: 'int64 data', op: 'PAD', inputs: [x('int64', [3, 2]), P([0, 2, 1, 0])], outputs: out('int64') },
  { name: 'bool data', op: 'PAD', inputs: [x('bool', [2, 3]), P([1, 0, 0, 1])], outputs: out('bool') },
  { name: 'int16 data', op: 'PAD', inputs: [x('int16', [2, 3]), P([1, 0, 0, 1])], outputs: out('int16') },
  { name: 'int8 unquantized pads 0', op: 'PAD', inputs: [x('int8', [2, 3]), P([1, 1, 1, 1])], outputs: out('int8') },
  { name: 'uint8 quantized pads zero point', op: 'PAD',
    inputs: [x('uint8', [1, 2, 2, 1], { quant: { scale: 0.5, zeroPoint: 17 } }), P([0, 0, 1, 1, 1, 1, 0, 0])],
    outputs: out('uint8', { quant: { scale: 0.5, zeroPoint: 17 } }) },
  { name: 'int8 quantized pads zero point', op: 'PAD',
    inputs: [x('int8', [2, 3], { quant: { scale: 0.25, zeroPoint: -9 } }), P([1, 2, 0, 1])],
    outputs: out('int8', { quant: { scale: 0.25, zeroPoint: -9 } }) },
  { name: 'scalar input', oracle: 'tfjs-tflite', op: 'PAD', inputs: [x('float32', []), { dtype: 'int32', shape: [0, 2], constant: true, data: [] }], outputs: out() },
  { name: 'empty input dimension', oracle: 'tfjs-tflite', op: 'PAD', inputs: [x('float32', [0, 3]), P([1, 1, 0, 0])], outputs: out() },
  { name: 'computed paddings (dynamic output)', oracle: 'tfjs-tflite', op: 'PAD',
    inputs: [x('float32', [2, 3]), { dtype: 'int32', shape: [2, 2], data: [1, 0, 2, 1] }], outputs: out() },
  { name: 'error: negative padding', op: 'PAD', inputs: [x('float32', [2, 3]), P([1, -1, 0, 0])], outputs: out(), error: '>= 0' },
  { name: 'error: paddings rows differ from rank', op: 'PAD', inputs: [x('float32', [2, 3]), P([1, 1])], outputs: out(), error: 'paddings must have shape' },
  { name: 'error: rank 6', op: 'PAD', inputs: [x('float32', [1, 1, 1, 1, 1, 2]), P([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1])], outputs: out(), error: 'at most 5' },
  { name: 'error: float paddings', op: 'PAD', inputs: [x('float32', [2]), { dtype: 'float32', shape: [1, 2], constant: true, data: [1, 1] }], outputs: out(), error: 'expected int32' },
  { name: 'error: output type differs', op: 'PAD', inputs: [x('float32', [2]), P([1, 1])], outputs: out('int32'), error: 'expected float32' },
  { name: 'int8 quantized pads zero point', op: 'PAD', inputs: [qt('int8', [2, 3, 2], QS), P([1, 0, 0, 2, 1, 1])], outputs: qo('int8', QS) },
  { name: 'int16 quantized pads 0', op: 'PAD', inputs: [qt('int16', [1, 2, 3, 1], QH), P([0, 0, 1, 1, 2, 0, 0, 0])], outputs: qo('int16', QH) },
];
