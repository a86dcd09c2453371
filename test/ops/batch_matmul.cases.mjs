// BATCH_MATMUL (float32): adj_x, adj_y, batch broadcasting up to rank 5.
const f32 = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const bmm = (name, o, inputs, extra = {}) => ({
  name, op: 'BATCH_MATMUL', version: 1, options: { adjX: false, adjY: false, asymmetricQuantizeInputs: false, ...o },
  inputs, outputs: [{ dtype: 'float32' }], ...extra,
});

export default [
  bmm('rank 2', {}, [f32([3, 4]), f32([4, 5])]),
  bmm('rank 3', {}, [f32([2, 3, 4]), f32([2, 4, 5])]),
  bmm('adj_x', { adjX: true }, [f32([2, 4, 3]), f32([2, 4, 5])]),
  bmm('adj_y', { adjY: true }, [f32([2, 3, 4]), f32([2, 5, 4])]),
  bmm('adj_x and adj_y', { adjX: true, adjY: true }, [f32([2, 4, 3]), f32([2, 5, 4])]),
  bmm('broadcast lhs batch 1', {}, [f32([1, 3, 4]), f32([3, 4, 2])]),
  bmm('broadcast rhs batch 1 adj_y', { adjY: true }, [f32([3, 2, 4]), f32([1, 5, 4])]),
  bmm('rank 2 by rank 4', {}, [f32([3, 4]), f32([2, 3, 4, 5])]),
  bmm('rank 4 by rank 3 broadcast', {}, [f32([2, 1, 3, 4]), f32([3, 4, 2])]),
  bmm('rank 5 both broadcast', {}, [f32([2, 1, 3, 2, 4]), f32([1, 2, 1, 4, 3])]),
  bmm('rank 5 adj_x adj_y', { adjX: true, adjY: true }, [f32([1, 2, 2, 4, 3]), f32([2, 1, 2, 5, 4])]),
  bmm('constant rhs', {}, [f32([2, 3, 4]), f32([4, 6], { constant: true })]),
  bmm('constant rhs adj_y', { adjY: true }, [f32([4, 8]), f32([6, 8], { constant: true })]),
  bmm('inner dimension 1', {}, [f32([2, 3, 1]), f32([2, 1, 4])]),
  bmm('larger 4x32x64 by 64x48', {}, [f32([4, 32, 64]), f32([64, 48])]),
  bmm('error: inner dimensions differ', {}, [f32([2, 3, 4]), f32([2, 5, 5])], { error: 'inner' }),
  bmm('error: batch does not broadcast', {}, [f32([2, 3, 4]), f32([3, 4, 5])], { error: 'broadcast' }),
  bmm('error: rank 1', {}, [f32([4]), f32([4, 5])], { error: 'rank' }),
  bmm('error: rank 6', {}, [f32([1, 1, 1, 1, 3, 4]), f32([4, 5])], { error: 'rank' }),
  bmm('error: int32 inputs', {}, [{ dtype: 'int32', shape: [3, 4] }, { dtype: 'int32', shape: [4, 5] }], { error: 'type' }),
];
