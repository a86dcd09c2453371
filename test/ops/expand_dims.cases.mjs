// EXPAND_DIMS: positive/negative/end axes, int32/int64 axis, computed axis, dtypes, errors.
import { f, out, QU, QS, QS2, QH, qt, qo } from './_shared/movement.mjs';
const ax = (v, dtype = 'int32', extra = {}) => ({ dtype, shape: [], constant: true, data: [v], ...extra });
export default [
  { name: 'axis 0', op: 'EXPAND_DIMS', inputs: [f([2, 3]), ax(0)], outputs: out() },
  { name: 'axis 1', op: 'EXPAND_DIMS', inputs: [f([2, 3]), ax(1)], outputs: out() },
  { name: 'axis = rank', op: 'EXPAND_DIMS', inputs: [f([2, 3]), ax(2)], outputs: out() },
  { name: 'axis -1', op: 'EXPAND_DIMS', inputs: [f([2, 3]), ax(-1)], outputs: out() },
  { name: 'axis -(rank+1)', op: 'EXPAND_DIMS', inputs: [f([2, 3]), ax(-3)], outputs: out() },
  { name: 'scalar input', op: 'EXPAND_DIMS', inputs: [f([]), ax(0)], outputs: out() },
  { name: 'axis as 1-element vector', op: 'EXPAND_DIMS', inputs: [f([2, 3]), { dtype: 'int32', shape: [1], constant: true, data: [1] }], outputs: out() },
  { name: 'int64 axis', op: 'EXPAND_DIMS', inputs: [f([2, 3, 4]), ax(-2, 'int64')], outputs: out() },
  { name: 'computed axis (dynamic output)', oracle: 'tfjs-tflite', op: 'EXPAND_DIMS', inputs: [f([2, 3]), { dtype: 'int32', shape: [], data: [1] }], outputs: out() },
  { name: 'int32 data', op: 'EXPAND_DIMS', inputs: [{ dtype: 'int32', shape: [4] }, ax(0)], outputs: out('int32') },
  { name: 'int64 data', op: 'EXPAND_DIMS', inputs: [{ dtype: 'int64', shape: [4] }, ax(1)], outputs: out('int64') },
  { name: 'uint8 data', op: 'EXPAND_DIMS', inputs: [{ dtype: 'uint8', shape: [4] }, ax(0)], outputs: out('uint8') },
  { name: 'int8 data', op: 'EXPAND_DIMS', inputs: [{ dtype: 'int8', shape: [2, 2] }, ax(-1)], outputs: out('int8') },
  { name: 'int16 data', op: 'EXPAND_DIMS', inputs: [{ dtype: 'int16', shape: [2, 2] }, ax(1)], outputs: out('int16') },
  { name: 'bool data', op: 'EXPAND_DIMS', inputs: [{ dtype: 'bool', shape: [3] }, ax(0)], outputs: out('bool') },
  { name: 'error: axis too large', op: 'EXPAND_DIMS', inputs: [f([2, 3]), ax(3)], outputs: out(), error: 'out of range' },
  { name: 'error: axis too negative', op: 'EXPAND_DIMS', inputs: [f([2, 3]), ax(-4)], outputs: out(), error: 'out of range' },
  { name: 'error: float axis', op: 'EXPAND_DIMS', inputs: [f([2, 3]), { dtype: 'float32', shape: [], constant: true, data: [0] }], outputs: out(), error: 'axis' },
  { name: 'uint8 quantized', op: 'EXPAND_DIMS', inputs: [qt('uint8', [2, 3], QU), ax(-1)], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'EXPAND_DIMS', inputs: [qt('int8', [4], QS), ax(0)], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'EXPAND_DIMS', inputs: [qt('int16', [2, 2], QH), ax(1)], outputs: qo('int16', QH) },
  { name: 'error: quantization differs', op: 'EXPAND_DIMS', inputs: [qt('int8', [3], QS), ax(0)], outputs: qo('int8', QS2), error: 'must be quantized as' },
];
