// DENSIFY: sparse constant weights -> dense: CSR rows, block-sparse (block_map), traversal orders,
// uint8/uint16/int32 index vectors, float32/float16/int8 values, errors.
const I32 = 1, U16 = 2, U8 = 3;
const dense = (denseSize) => ({ format: 0, denseSize, arraySegments: null, arrayIndices: null });
const csr = (segments, indices, type = I32) => ({ format: 1, denseSize: 0, arraySegments: { type, values: segments }, arrayIndices: { type, values: indices } });
// The input is constant, so the output is persistent, which LiteRT.js does not return as a graph output
// (garbage) unless a CAST adapter follows: float32 cases carry hand-computed dense values; the int8 and
// float16 cases (adapted) are checked against LiteRT.
const c = (name, dtype, shape, sparsity, data, expected, extra = {}) => ({
  name, op: 'DENSIFY', inputs: [{ dtype, shape, constant: true, sparsity, data }], outputs: [{ dtype }],
  ...(expected ? { oracle: 'none', expected: [expected] } : {}), ...extra,
});
const M_3x4 = [6, 0, 9, 8, 0, 0, 0, 0, 5, 0, 0, 7];
// Dense [[6,0,9,8],[0,0,0,0],[5,0,0,7]]: row 0 has cols 0,2,3; row 1 none; row 2 cols 0,3.
const CSR_3x4 = { traversalOrder: [0, 1], blockMap: [], dimMetadata: [dense(3), csr([0, 3, 3, 5], [0, 2, 3, 0, 3])] };
// The same matrix stored column-major (traversal order [1, 0]): col 0 rows 0,2; col 1 none; col 2 row 0; col 3 rows 0,2.
const CSC_3x4 = { traversalOrder: [1, 0], blockMap: [], dimMetadata: [dense(4), csr([0, 2, 2, 3, 5], [0, 2, 0, 0, 2], U8)] };
// 4x4 in 2x2 blocks: [[1,0,2,3],[0,4,0,0],[0,0,5,0],[0,0,0,6]]; block (1,0) is all zero and not stored.
const BLOCK_4x4 = { traversalOrder: [0, 1, 2, 3], blockMap: [0, 1], dimMetadata: [dense(2), csr([0, 2, 3], [0, 1, 1], U16), dense(2), dense(2)] };
const BLOCK_VALUES = [1, 0, 0, 4, 2, 3, 0, 0, 5, 0, 0, 6];
// 2 x 8 with 1x4 blocks along dim 1: row 0 keeps block 1, row 1 keeps blocks 0 and 1.
const BLOCK_2x8 = { traversalOrder: [0, 1, 2], blockMap: [1], dimMetadata: [dense(2), csr([0, 1, 3], [1, 0, 1]), dense(4)] };
// Fully sparse 3-D: dims 0 and 2 compressed.
const CSR_3D = { traversalOrder: [0, 1, 2], blockMap: [], dimMetadata: [csr([0, 2], [0, 2], U8), dense(2), csr([0, 1, 1, 3, 4], [3, 0, 2, 1], U8)] };
export default [
  c('CSR rows float32', 'float32', [3, 4], CSR_3x4, [6, 9, 8, 5, 7], M_3x4),
  c('CSR columns (traversal order [1,0]), uint8 indices', 'float32', [3, 4], CSC_3x4, [6, 5, 9, 8, 7], M_3x4),
  c('2x2 blocks, uint16 indices', 'float32', [4, 4], BLOCK_4x4, BLOCK_VALUES, [1, 0, 2, 3, 0, 4, 0, 0, 0, 0, 5, 0, 0, 0, 0, 6]),
  c('1x4 blocks', 'float32', [2, 8], BLOCK_2x8, [1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4], [0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4]),
  c('3-D, two sparse dims', 'float32', [3, 2, 4], CSR_3D, [1.5, -2, 3, 4],
    [0, 0, 0, 1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -2, 0, 3, 0, 0, 4, 0, 0]),
  c('all dense', 'float32', [2, 3], { traversalOrder: [0, 1], blockMap: [], dimMetadata: [dense(2), dense(3)] }, [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]),
  c('int8 values', 'int8', [4, 4], BLOCK_4x4, [1, 0, 0, -4, 2, 3, 0, 0, -128, 0, 0, 127]),
  c('int8 values, 1x4 blocks', 'int8', [2, 8], BLOCK_2x8, [1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4]),
  c('int8 values, 3-D', 'int8', [3, 2, 4], CSR_3D, [15, -2, 3, 4]),
  c('float16 values', 'float16', [3, 4], CSR_3x4, [0x4600, 0x4880, 0x4800, 0x4500, 0xc700]),
  c('float16 values, columns', 'float16', [3, 4], CSC_3x4, [0x4600, 0x4500, 0x4880, 0x4800, 0xc700]),
  c('error: traversal order not a permutation', 'float32', [3, 4], { ...CSR_3x4, traversalOrder: [0, 0] }, [6, 9, 8, 5, 7], null, { error: 'traversal_order' }),
  c('error: block dim traversed first', 'float32', [4, 4], { ...BLOCK_4x4, traversalOrder: [2, 1, 0, 3] }, BLOCK_VALUES, null, { error: 'traversal_order' }),
  c('error: index outside the dense shape', 'float32', [3, 4], { ...CSR_3x4, dimMetadata: [dense(3), csr([0, 3, 3, 5], [0, 2, 3, 0, 9])] }, [6, 9, 8, 5, 7], null, { error: 'outside' }),
  c('error: more indices than values', 'float32', [3, 4], CSR_3x4, [6, 9, 8], null, { error: 'stores 3 values' }),
  c('error: dense size too large', 'float32', [3, 4], { ...CSR_3x4, dimMetadata: [dense(5), csr([0, 3, 3, 5], [0, 2, 3, 0, 3])] }, [6, 9, 8, 5, 7], null, { error: 'dense_size' }),
  c('error: int32 values', 'int32', [3, 4], CSR_3x4, [6, 9, 8, 5, 7], null, { error: 'int32' }),
];
