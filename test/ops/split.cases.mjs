// SPLIT: axis (input 0, negative, computed), num_splits, dtypes, errors.
import { f, QU, QS, QH, QH2, qt, qo } from './_shared/movement.mjs';
const ax = (v, extra = {}) => ({ dtype: 'int32', shape: [], constant: true, data: [v], ...extra });
const outs = (k, dtype = 'float32') => Array.from({ length: k }, () => ({ dtype }));
export default [
  { name: 'axis 0 into 2', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(0), f([4, 3])], outputs: outs(2) },
  { name: 'axis 1 into 3', op: 'SPLIT', options: { numSplits: 3 }, inputs: [ax(1), f([2, 6])], outputs: outs(3) },
  { name: 'axis -1 into 2', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(-1), f([2, 3, 4])], outputs: outs(2) },
  { name: 'axis 2 rank 4 into 4', op: 'SPLIT', options: { numSplits: 4 }, inputs: [ax(2), f([1, 2, 4, 3])], outputs: outs(4) },
  { name: 'num_splits 1', op: 'SPLIT', options: { numSplits: 1 }, inputs: [ax(0), f([3, 2])], outputs: outs(1) },
  { name: 'rank 1', op: 'SPLIT', options: { numSplits: 3 }, inputs: [ax(0), f([6])], outputs: outs(3) },
  { name: 'axis as 1-element vector', op: 'SPLIT', options: { numSplits: 2 }, inputs: [{ dtype: 'int32', shape: [1], constant: true, data: [1] }, f([3, 4])], outputs: outs(2) },
  // LiteRT.js returns stale data for dynamic outputs; tfjs-tflite reads them correctly.
  { name: 'computed axis (dynamic outputs)', oracle: 'tfjs-tflite', op: 'SPLIT', options: { numSplits: 2 }, inputs: [{ dtype: 'int32', shape: [], data: [1] }, f([3, 4])], outputs: outs(2) },
  { name: 'int32', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(1), { dtype: 'int32', shape: [2, 4], range: [-9, 9] }], outputs: outs(2, 'int32') },
  { name: 'int64', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(0), { dtype: 'int64', shape: [2, 4] }], outputs: outs(2, 'int64') },
  { name: 'uint8', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(1), { dtype: 'uint8', shape: [2, 4] }], outputs: outs(2, 'uint8') },
  { name: 'int8', op: 'SPLIT', options: { numSplits: 4 }, inputs: [ax(1), { dtype: 'int8', shape: [2, 4] }], outputs: outs(4, 'int8') },
  { name: 'int16', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(-2), { dtype: 'int16', shape: [2, 4] }], outputs: outs(2, 'int16') },
  // TFLite's SPLIT has no bool kernel: checked by hand.
  { name: 'bool', op: 'SPLIT', options: { numSplits: 2 }, oracle: 'none', inputs: [ax(1), { dtype: 'bool', shape: [2, 4], data: [1, 0, 0, 1, 1, 1, 0, 0] }],
    outputs: outs(2, 'bool'), expected: [[1, 0, 1, 1], [0, 1, 0, 0]], expectedShapes: [[2, 2], [2, 2]] },
  { name: 'error: uneven split', op: 'SPLIT', options: { numSplits: 3 }, inputs: [ax(1), f([2, 4])], outputs: outs(3), error: 'evenly' },
  { name: 'error: axis out of range', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(2), f([2, 4])], outputs: outs(2), error: 'out of range' },
  { name: 'error: output count differs', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(0), f([2, 4])], outputs: outs(3), error: 'num_splits' },
  { name: 'uint8 quantized', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(0), qt('uint8', [4, 3], QU)], outputs: qo('uint8', QU, 2) },
  { name: 'int8 quantized', op: 'SPLIT', options: { numSplits: 3 }, inputs: [ax(-1), qt('int8', [2, 6], QS)], outputs: qo('int8', QS, 3) },
  { name: 'int16 quantized', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(1), qt('int16', [2, 4], QH)], outputs: qo('int16', QH, 2) },
  { name: 'int16 outputs quantized differently', op: 'SPLIT', options: { numSplits: 2 }, inputs: [ax(0), qt('int16', [4], QH)], outputs: qo('int16', QH2, 2) },
];
