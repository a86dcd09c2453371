// The optimized tier's wasm kernels (AssemblyScript, SIMD128). Built by scripts/build-wasm.mjs into
// src/wasm/kernels_wasm.ts; loaded by src/wasm/loader.ts, which lists these exports in KernelExports.
// Every buffer is a byte offset into the imported memory (the interpreter's heap); the first
// 64 KiB of it stay reserved for this module's own static data.
export { gemm_f32 } from './gemm_f32';
export { conv2d_f32, conv2d_prelu_f32 } from './conv_f32'; // f32misc: conv2d_prelu_f32
export { q8_gemm, q8_gemm_rows } from './gemm_q8';
export { q8_conv2d } from './conv_q8';
export { q8_dwconv } from './dwconv_q8';
export { dwconv_f32, pad_input_f32 } from './dwconv_f32'; // f32
export { binary_f32, unary_f32 } from './elementwise_f32'; // f32
export { pool_f32, resize_bilinear_f32, copy_rows_32, pad_32 } from './pool_f32'; // f32
export { tconv_f32 } from './tconv_f32'; // tconv
export { q8_add, q8_mul, q8_addsub_ref, q8_requantize, q8_quantize_f32, q8_dequantize, q8_lut } from './elementwise_q8'; // q8ew
export { q8_resize_bilinear, q8_sum_hw } from './pool_q8'; // q8ew
export { i16_gemm_rows, i16_weight_sums, i16_pack_panels } from './gemm_i16'; // i16
export { i16_conv2d } from './conv_i16'; // i16
export { i16_dwconv } from './dwconv_i16'; // i16
export { i16_addsub, i16_quantize, i16_mean } from './elementwise_i16'; // i16
export { math_f32, binary2_f32 } from './math_f32'; // f32misc
export { reduce_f32 } from './reduce_f32'; // f32misc
export { hybrid_gemm_f32, hybrid_dwconv_f32 } from './hybrid_f32'; // f32misc
export { pack_gemm_f32 } from './pack_f32'; // f32misc
export { q8_argmax_rows } from './argmax_q8'; // cover
export { cast_i64_i32 } from './cast_i64'; // cover
export { lstm_i8_matacc } from './lstm_q8'; // cover
export { pack_q8_gemm, pack_q8_dw } from './pack_q8';
export { bmm_transpose_32, bmm_transpose_8, bmm_pack_f32, bmm_pack_q8, bmm_f32, bmm_q8 } from './batch_matmul'; // bmm
export { softmax_f32, softmax_q8 } from './softmax'; // bmm
