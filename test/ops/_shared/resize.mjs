// Case builders shared by RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR.
const size = (h, w) => ({ dtype: 'int32', shape: [2], constant: true, data: [h, w] });
export const A = { alignCorners: true };
export const H = { halfPixelCenters: true };
export const QU = { scale: 0.0235, zeroPoint: 131 }, QS = { scale: 0.0349, zeroPoint: -21 }, QH = { scale: 0.000412, zeroPoint: 0 };

/**
 * The case builders of `op`. `c(name, dtype, shape, hw, opts, extra)`: resize to [h, w] = hw, `opts` added to the
 * options; `extra.input` is added to the input, `extra.size` replaces the constant size tensor, `extra.rest` is
 * added to the case. `cq(name, dtype, shape, hw, opts, quant, extra)`: a quantized case, input and output share `quant`.
 */
export function resizeBuilders(op) {
  const c = (name, dtype, shape, hw, opts = {}, extra = {}) => ({
    name, op, options: { alignCorners: false, halfPixelCenters: false, ...opts },
    inputs: [{ dtype, shape, ...(extra.input ?? {}) }, extra.size ?? size(...hw)], outputs: [{ dtype }], ...extra.rest,
  });
  const cq = (name, dtype, shape, hw, opts, quant, extra = {}) => ({
    ...c(name, dtype, shape, hw, opts, { ...extra, input: { quant } }), outputs: [{ dtype, quant }], ...extra.rest,
  });
  return { c, cq };
}
