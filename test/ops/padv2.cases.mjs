// PADV2: explicit pad value (constant or computed), every data dtype, quantized value checks, errors.
import { x, QU, QU2, QH, qt, qo } from './_shared/movement.mjs';
const P = (data, dtype = 'int32') => ({ dtype, shape: [data.length / 2, 2], constant: true, data });
const v = (dtype, value, extra = {}) => ({ dtype, shape: [], constant: true, data: [value], ...extra });
const out = (dtype = 'float32', extra = {}) => [{ dtype, ...extra }];
const q = { scale: 0.5, zeroPoint: 12 };
export default [
  { name: 'float value 2-D', op: 'PADV2', inputs: [x('float32', [3, 4]), P([1, 2, 0, 1]), v('float32', 5.5)], outputs: out() },
  { name: 'float value 4-D image style', op: 'PADV2', inputs: [x('float32', [2, 3, 3, 2]), P([0, 0, 1, 1, 2, 0, 0, 0]), v('float32', -1.25)], outputs: out() },
  { name: 'float value 5-D', op: 'PADV2', inputs: [x('float32', [1, 2, 1, 2, 2]), P([1, 0, 0, 1, 1, 1, 0, 0, 0, 2]), v('float32', 3)], outputs: out() },
  { name: 'value as 1-element vector', op: 'PADV2', inputs: [x('float32', [3]), P([1, 1]), { dtype: 'float32', shape: [1], constant: true, data: [7] }], outputs: out() },
  { name: 'computed value', op: 'PADV2', inputs: [x('float32', [2, 2]), P([1, 1, 1, 1]), { dtype: 'float32', shape: [] }], outputs: out() },
  { name: 'int64 paddings', op: 'PADV2', inputs: [x('float32', [2, 2]), P([0, 1, 2, 0], 'int64'), v('float32', 9)], outputs: out() },
  { name: 'int32 data', op: 'PADV2', inputs: [x('int32', [2, 3]), P([1, 1, 0, 2]), v('int32', -3)], outputs: out('int32') },
  { name: 'int64 data', op: 'PADV2', inputs: [x('int64', [2, 3]), P([1, 0, 1, 0]), v('int64', 123456)], outputs: out('int64') },
  { name: 'bool data', op: 'PADV2', inputs: [x('bool', [2, 2]), P([1, 1, 1, 0]), v('bool', 1)], outputs: out('bool') },
  { name: 'uint8 quantized', op: 'PADV2',
    inputs: [x('uint8', [1, 2, 3, 1], { quant: q }), P([0, 0, 1, 0, 0, 2, 0, 0]), v('uint8', 200, { quant: q })], outputs: out('uint8', { quant: q }) },
  { name: 'int8 quantized', op: 'PADV2',
    inputs: [x('int8', [2, 3], { quant: { scale: 0.1, zeroPoint: 3 } }), P([1, 1, 1, 1]), v('int8', -100, { quant: { scale: 0.1, zeroPoint: 3 } })],
    outputs: out('int8', { quant: { scale: 0.1, zeroPoint: 3 } }) },
  { name: 'int8 unquantized', op: 'PADV2', inputs: [x('int8', [2, 3]), P([0, 1, 1, 0]), v('int8', 42)], outputs: out('int8') },
  { name: 'computed paddings (dynamic output)', oracle: 'tfjs-tflite', op: 'PADV2',
    inputs: [x('float32', [2, 3]), { dtype: 'int32', shape: [2, 2], data: [0, 1, 2, 0] }, v('float32', 4)], outputs: out() },
  { name: 'error: value with 2 elements', op: 'PADV2', inputs: [x('float32', [2]), P([1, 1]), { dtype: 'float32', shape: [2], constant: true, data: [1, 2] }], outputs: out(), error: 'one element' },
  { name: 'error: value dtype differs', op: 'PADV2', inputs: [x('float32', [2]), P([1, 1]), v('int32', 1)], outputs: out(), error: 'expected float32' },
  { name: 'error: quantized value with other zero point', op: 'PADV2',
    inputs: [x('uint8', [2], { quant: q }), P([1, 1]), v('uint8', 1, { quant: { scale: 0.5, zeroPoint: 0 } })], outputs: out('uint8', { quant: q }), error: 'same scale' },
  { name: 'int16 quantized', op: 'PADV2', inputs: [qt('int16', [2, 3], QH), P([1, 0, 2, 1]), v('int16', -1234, { quant: QH })], outputs: qo('int16', QH) },
  { name: 'uint8 input quantized differently', op: 'PADV2', inputs: [qt('uint8', [3], QU), P([1, 2]), v('uint8', 9, { quant: QU2 })], outputs: qo('uint8', QU2) },
];
