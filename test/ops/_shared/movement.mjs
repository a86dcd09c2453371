// Tensor specs and quantization parameters shared by the data-movement ops' tables (reshape, pad, gather, slice, ...).
export const f = (shape) => ({ dtype: 'float32', shape });
export const x = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
export const out = (dtype = 'float32') => [{ dtype }];
// Quantization params for the quantized cases (int16 is symmetric).
export const QU = { scale: 0.0235, zeroPoint: 131 }, QU2 = { scale: 0.0172, zeroPoint: 118 };
export const QS = { scale: 0.0349, zeroPoint: -21 }, QS2 = { scale: 0.0208, zeroPoint: 6 };
export const QH = { scale: 0.000412, zeroPoint: 0 }, QH2 = { scale: 0.000307, zeroPoint: 0 };
/** A quantized input. */
export const qt = (dtype, shape, quant, extra = {}) => ({ dtype, shape, quant, ...extra });
/** `k` quantized outputs. */
export const qo = (dtype, quant, k = 1) => Array.from({ length: k }, () => ({ dtype, quant }));
