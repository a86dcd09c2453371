// UNPACK: axes (negative), rank 1 to scalars, dtypes, errors.
import { f, QU, QU2, QS, QH, qt, qo } from './_shared/movement.mjs';
const outs = (k, dtype = 'float32') => Array.from({ length: k }, () => ({ dtype }));
export default [
  { name: 'axis 0', op: 'UNPACK', options: { num: 2, axis: 0 }, inputs: [f([2, 3])], outputs: outs(2) },
  { name: 'axis 1', op: 'UNPACK', options: { num: 3, axis: 1 }, inputs: [f([2, 3])], outputs: outs(3) },
  { name: 'axis -1', op: 'UNPACK', options: { num: 4, axis: -1 }, inputs: [f([2, 3, 4])], outputs: outs(4) },
  { name: 'axis -3', op: 'UNPACK', options: { num: 2, axis: -3 }, inputs: [f([2, 3, 4])], outputs: outs(2) },
  { name: 'rank 1 to scalars', op: 'UNPACK', options: { num: 5, axis: 0 }, inputs: [f([5])], outputs: outs(5) },
  { name: 'single output', op: 'UNPACK', options: { num: 1, axis: 1 }, inputs: [f([2, 1, 3])], outputs: outs(1) },
  { name: 'rank 5 axis 3', op: 'UNPACK', options: { num: 2, axis: 3 }, inputs: [f([2, 1, 2, 2, 3])], outputs: outs(2) },
  { name: 'int32', op: 'UNPACK', options: { num: 2, axis: 1 }, inputs: [{ dtype: 'int32', shape: [3, 2], range: [-9, 9] }], outputs: outs(2, 'int32') },
  // TFLite's UNPACK has no int64 kernel: checked by hand.
  { name: 'int64', op: 'UNPACK', options: { num: 3, axis: 0 }, oracle: 'none', inputs: [{ dtype: 'int64', shape: [3, 2], data: [1, -2, 3, 4e12, 5, 6] }],
    outputs: outs(3, 'int64'), expected: [[1, -2], [3, 4e12], [5, 6]], expectedShapes: [[2], [2], [2]] },
  { name: 'uint8', op: 'UNPACK', options: { num: 2, axis: -1 }, inputs: [{ dtype: 'uint8', shape: [3, 2] }], outputs: outs(2, 'uint8') },
  { name: 'int8', op: 'UNPACK', options: { num: 3, axis: 0 }, inputs: [{ dtype: 'int8', shape: [3, 2] }], outputs: outs(3, 'int8') },
  { name: 'int16', op: 'UNPACK', options: { num: 2, axis: 1 }, inputs: [{ dtype: 'int16', shape: [3, 2] }], outputs: outs(2, 'int16') },
  { name: 'bool', op: 'UNPACK', options: { num: 2, axis: 1 }, inputs: [{ dtype: 'bool', shape: [3, 2] }], outputs: outs(2, 'bool') },
  { name: 'error: num differs from the dim', op: 'UNPACK', options: { num: 2, axis: 1 }, inputs: [f([2, 3])], outputs: outs(2), error: 'num is 2' },
  { name: 'error: axis out of range', op: 'UNPACK', options: { num: 2, axis: 2 }, inputs: [f([2, 3])], outputs: outs(2), error: 'out of range' },
  { name: 'uint8 quantized', op: 'UNPACK', options: { num: 3, axis: 1 }, inputs: [qt('uint8', [2, 3, 2], QU)], outputs: qo('uint8', QU, 3) },
  { name: 'int8 quantized', op: 'UNPACK', options: { num: 2, axis: 0 }, inputs: [qt('int8', [2, 5], QS)], outputs: qo('int8', QS, 2) },
  { name: 'int16 quantized', op: 'UNPACK', options: { num: 2, axis: -1 }, inputs: [qt('int16', [3, 2], QH)], outputs: qo('int16', QH, 2) },
  { name: 'error: quantization differs', op: 'UNPACK', options: { num: 2, axis: 0 }, inputs: [qt('uint8', [2, 3], QU)], outputs: [{ dtype: 'uint8', quant: QU }, { dtype: 'uint8', quant: QU2 }], error: 'must be quantized as' },
];
