// The table LOGICAL_AND and LOGICAL_OR share: bool tensors with numpy broadcasting at any rank.
const b = (shape, extra = {}) => ({ dtype: 'bool', shape, ...extra });

export function logicalBinaryCases(op) {
  const bin = (name, x, y, extra = {}) => ({ name, op, inputs: [x, y], outputs: [{ dtype: 'bool' }], ...extra });
  return [
    bin('truth table', b([4], { data: [0, 0, 1, 1] }), b([4], { data: [0, 1, 0, 1] })),
    bin('same shape', b([2, 3, 4]), b([2, 3, 4])),
    bin('scalar', b([2, 3]), b([], { data: [1] })),
    bin('scalar false', b([], { data: [0] }), b([2, 3])),
    bin('both broadcast', b([1, 3, 1]), b([2, 1, 4])),
    bin('rank 4 broadcast', b([2, 1, 3, 1]), b([1, 4, 1, 5])),
    bin('rank 5 broadcast', b([2, 1, 3, 1, 2]), b([1, 2, 1, 4, 1])),
    bin('rank 7 broadcast', b([2, 1, 2, 1, 2, 1, 2]), b([1, 2, 1, 2, 1, 2, 1])),
    bin('rank 5 same shape', b([1, 2, 1, 3, 2]), b([1, 2, 1, 3, 2])),
    bin('constant operand', b([2, 3]), b([3], { constant: true })),
    bin('float fails', { dtype: 'float32', shape: [2] }, { dtype: 'float32', shape: [2] }, { error: 'type' }),
    bin('incompatible shapes fail', b([2, 3]), b([4]), { error: 'broadcast' }),
  ];
}
