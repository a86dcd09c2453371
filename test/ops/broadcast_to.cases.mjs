// BROADCAST_TO (TFLite registers versions 2..3): rank growth, size-1 dims, ranks up to 6, shape int32/int64, computed shape, dtypes, errors.
import { f, out, QU, QS, QH, qt, qo } from './_shared/movement.mjs';
const s = (data, dtype = 'int32', extra = {}) => ({ dtype, shape: [data.length], constant: true, data, ...extra });
const bt = (name, shape, target, extra = {}) => ({ name, op: 'BROADCAST_TO', version: 2, inputs: [f(shape), s(target)], outputs: out(), ...extra });
export default [
  bt('[3] to [2,3]', [3], [2, 3]),
  bt('[2,1] to [2,4]', [2, 1], [2, 4]),
  bt('[1,3] to [4,3]', [1, 3], [4, 3]),
  bt('scalar to [2,3]', [], [2, 3]),
  bt('same shape', [2, 3], [2, 3]),
  bt('[3,1,2] to [2,3,4,2]', [3, 1, 2], [2, 3, 4, 2]),
  bt('rank 5', [1, 2, 1, 1, 3], [2, 2, 3, 2, 3]),
  bt('rank 6', [2, 1, 1], [2, 1, 2, 2, 3, 2]),
  { name: 'int64 shape', op: 'BROADCAST_TO', version: 2, inputs: [f([1, 3]), s([2, 3], 'int64')], outputs: out() },
  { name: 'computed shape (dynamic output)', oracle: 'tfjs-tflite', op: 'BROADCAST_TO', version: 2, inputs: [f([2, 1]), { dtype: 'int32', shape: [3], data: [2, 2, 3] }], outputs: out() },
  { name: 'int32', op: 'BROADCAST_TO', version: 2, inputs: [{ dtype: 'int32', shape: [1, 3], range: [-9, 9] }, s([2, 3])], outputs: out('int32') },
  { name: 'int64', op: 'BROADCAST_TO', version: 2, inputs: [{ dtype: 'int64', shape: [2, 1] }, s([2, 2])], outputs: out('int64') },
  { name: 'uint8', op: 'BROADCAST_TO', version: 2, inputs: [{ dtype: 'uint8', shape: [3] }, s([2, 3])], outputs: out('uint8') },
  { name: 'int8', op: 'BROADCAST_TO', version: 2, inputs: [{ dtype: 'int8', shape: [3] }, s([3, 3])], outputs: out('int8') },
  { name: 'int16', op: 'BROADCAST_TO', version: 2, inputs: [{ dtype: 'int16', shape: [3, 1] }, s([3, 2])], outputs: out('int16') },
  { name: 'bool', op: 'BROADCAST_TO', version: 2, inputs: [{ dtype: 'bool', shape: [1, 2] }, s([3, 2])], outputs: out('bool') },
  bt('error: incompatible dims', [2, 3], [2, 4], { error: 'cannot broadcast' }),
  bt('error: target rank lower', [2, 3], [3], { error: 'cannot broadcast' }),
  bt('error: target rank 9', [1], [1, 1, 1, 1, 1, 1, 1, 1, 2], { error: 'exceeds 8' }),
  { name: 'uint8 quantized', op: 'BROADCAST_TO', version: 2, inputs: [qt('uint8', [1, 3], QU), s([2, 2, 3])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'BROADCAST_TO', version: 2, inputs: [qt('int8', [3, 1], QS), s([3, 4])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'BROADCAST_TO', version: 2, inputs: [qt('int16', [2], QH), s([3, 2])], outputs: qo('int16', QH) },
];
