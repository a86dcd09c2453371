// SQUEEZE: all size-1 dims, listed dims (negative, repeated), dtypes, errors.
import { out, QU, QS, QH, qt, qo } from './_shared/movement.mjs';
export default [
  { name: 'all size-1 dims', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [{ dtype: 'float32', shape: [1, 3, 1, 2] }], outputs: out() },
  { name: 'no options squeezes all', op: 'SQUEEZE', inputs: [{ dtype: 'float32', shape: [1, 2, 1] }], outputs: out() },
  { name: 'dim 0', op: 'SQUEEZE', options: { squeezeDims: [0] }, inputs: [{ dtype: 'float32', shape: [1, 3, 1, 2] }], outputs: out() },
  { name: 'negative dim -2', op: 'SQUEEZE', options: { squeezeDims: [-2] }, inputs: [{ dtype: 'float32', shape: [1, 3, 1, 2] }], outputs: out() },
  { name: 'dims 0 and 2', op: 'SQUEEZE', options: { squeezeDims: [0, 2] }, inputs: [{ dtype: 'float32', shape: [1, 3, 1, 2] }], outputs: out() },
  { name: 'repeated dim', op: 'SQUEEZE', options: { squeezeDims: [2, -2] }, inputs: [{ dtype: 'float32', shape: [1, 3, 1, 2] }], outputs: out() },
  { name: 'to scalar', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [{ dtype: 'float32', shape: [1, 1] }], outputs: out() },
  { name: 'nothing to squeeze', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [{ dtype: 'float32', shape: [2, 3] }], outputs: out() },
  { name: 'rank 6', op: 'SQUEEZE', options: { squeezeDims: [1, 4] }, inputs: [{ dtype: 'float32', shape: [2, 1, 3, 2, 1, 2] }], outputs: out() },
  { name: 'int32', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [{ dtype: 'int32', shape: [1, 4, 1] }], outputs: out('int32') },
  { name: 'int64', op: 'SQUEEZE', options: { squeezeDims: [0] }, inputs: [{ dtype: 'int64', shape: [1, 4, 1] }], outputs: out('int64') },
  { name: 'uint8', op: 'SQUEEZE', options: { squeezeDims: [-1] }, inputs: [{ dtype: 'uint8', shape: [3, 1] }], outputs: out('uint8') },
  { name: 'int8', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [{ dtype: 'int8', shape: [1, 5] }], outputs: out('int8') },
  { name: 'int16', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [{ dtype: 'int16', shape: [1, 5] }], outputs: out('int16') },
  { name: 'bool', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [{ dtype: 'bool', shape: [2, 1, 3] }], outputs: out('bool') },
  { name: 'error: dim not of size 1', op: 'SQUEEZE', options: { squeezeDims: [1] }, inputs: [{ dtype: 'float32', shape: [1, 3] }], outputs: out(), error: 'cannot squeeze' },
  { name: 'error: dim out of range', op: 'SQUEEZE', options: { squeezeDims: [3] }, inputs: [{ dtype: 'float32', shape: [1, 3] }], outputs: out(), error: 'out of range' },
  { name: 'uint8 quantized', op: 'SQUEEZE', options: { squeezeDims: [0] }, inputs: [qt('uint8', [1, 3, 1], QU)], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'SQUEEZE', options: { squeezeDims: [] }, inputs: [qt('int8', [1, 4, 1, 2], QS)], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'SQUEEZE', options: { squeezeDims: [-1] }, inputs: [qt('int16', [3, 1], QH)], outputs: qo('int16', QH) },
];
