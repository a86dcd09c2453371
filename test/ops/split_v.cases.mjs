// SPLIT_V: size_splits (int32/int64, one -1, zeros), axis (negative, computed), dtypes, errors.
import { f, QU, QU2, QS, QH, qt, qo } from './_shared/movement.mjs';
const sizes = (data, dtype = 'int32', extra = {}) => ({ dtype, shape: [data.length], constant: true, data, ...extra });
const ax = (v, extra = {}) => ({ dtype: 'int32', shape: [], constant: true, data: [v], ...extra });
const outs = (k, dtype = 'float32') => Array.from({ length: k }, () => ({ dtype }));
export default [
  { name: 'sizes [1,2,3] axis 1', op: 'SPLIT_V', options: { numSplits: 3 }, inputs: [f([2, 6]), sizes([1, 2, 3]), ax(1)], outputs: outs(3) },
  { name: 'sizes with -1', op: 'SPLIT_V', options: { numSplits: 3 }, inputs: [f([2, 6]), sizes([2, -1, 1]), ax(1)], outputs: outs(3) },
  { name: 'axis 0', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [f([5, 2]), sizes([3, 2]), ax(0)], outputs: outs(2) },
  { name: 'axis -1 rank 3', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [f([2, 2, 5]), sizes([4, 1]), ax(-1)], outputs: outs(2) },
  { name: 'axis -2 rank 4', op: 'SPLIT_V', options: { numSplits: 3 }, inputs: [f([1, 2, 6, 2]), sizes([1, -1, 2]), ax(-2)], outputs: outs(3) },
  { name: 'int64 size_splits', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [f([3, 4]), sizes([1, 3], 'int64'), ax(1)], outputs: outs(2) },
  { name: 'single split', op: 'SPLIT_V', options: { numSplits: 1 }, inputs: [f([3, 4]), sizes([-1]), ax(0)], outputs: outs(1) },
  { name: 'computed size_splits (dynamic outputs)', oracle: 'tfjs-tflite', op: 'SPLIT_V', options: { numSplits: 2 },
    inputs: [f([3, 5]), { dtype: 'int32', shape: [2], data: [2, 3] }, ax(1)], outputs: outs(2) },
  { name: 'computed axis (dynamic outputs)', oracle: 'tfjs-tflite', op: 'SPLIT_V', options: { numSplits: 2 },
    inputs: [f([3, 5]), sizes([1, 2]), { dtype: 'int32', shape: [], data: [0] }], outputs: outs(2) },
  { name: 'int32', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [{ dtype: 'int32', shape: [2, 5], range: [-9, 9] }, sizes([2, 3]), ax(1)], outputs: outs(2, 'int32') },
  { name: 'int64', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [{ dtype: 'int64', shape: [2, 5] }, sizes([4, 1]), ax(1)], outputs: outs(2, 'int64') },
  { name: 'uint8', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [{ dtype: 'uint8', shape: [2, 5] }, sizes([1, 4]), ax(1)], outputs: outs(2, 'uint8') },
  { name: 'int8', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [{ dtype: 'int8', shape: [3, 2] }, sizes([1, 2]), ax(0)], outputs: outs(2, 'int8') },
  { name: 'int16', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [{ dtype: 'int16', shape: [3, 2] }, sizes([2, 1]), ax(0)], outputs: outs(2, 'int16') },
  { name: 'error: two -1', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [f([2, 6]), sizes([-1, -1]), ax(1)], outputs: outs(2), error: 'more than one -1' },
  { name: 'error: sizes do not sum to the dim', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [f([2, 6]), sizes([2, 3]), ax(1)], outputs: outs(2), error: 'differs' },
  { name: 'error: sizes exceed the dim with -1', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [f([2, 6]), sizes([7, -1]), ax(1)], outputs: outs(2), error: 'exceeds' },
  { name: 'error: size count differs from outputs', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [f([2, 6]), sizes([2, 2, 2]), ax(1)], outputs: outs(2), error: 'size_splits' },
  { name: 'uint8 quantized', op: 'SPLIT_V', options: { numSplits: 3 }, inputs: [qt('uint8', [2, 6], QU), sizes([1, -1, 3]), ax(1)], outputs: qo('uint8', QU, 3) },
  { name: 'int8 quantized', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [qt('int8', [5, 2], QS), sizes([2, 3]), ax(0)], outputs: qo('int8', QS, 2) },
  { name: 'int16 quantized', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [qt('int16', [3, 2], QH), sizes([1, 2]), ax(0)], outputs: qo('int16', QH, 2) },
  { name: 'uint8 outputs quantized differently', op: 'SPLIT_V', options: { numSplits: 2 }, inputs: [qt('uint8', [4], QU), sizes([1, 3]), ax(0)], outputs: qo('uint8', QU2, 2) },
];
