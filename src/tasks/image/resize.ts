// Bilinear resize of packed RGB (or any channel count) uint8 images to float values.
import { ImageError, type RgbImage } from './bmp.js';

export interface ResizeOptions {
  /**
   * Pixel centers at +0.5 (TF2's tf.image.resize default, TFLite RESIZE_BILINEAR with
   * half_pixel_centers=true): source = (dst + 0.5) · in/out − 0.5. Default true.
   */
  halfPixelCenters?: boolean;
  /** Corner pixels of input and output aligned: source = dst · (in−1)/(out−1). Default false. */
  alignCorners?: boolean;
  /** Channels per pixel of `data`; default 3. */
  channels?: number;
}

/**
 * Resizes `image` to `height`×`width` with bilinear interpolation, returning float32 values in
 * the input's range (0..255), unrounded, HWC order.
 *
 * Semantics follow tf.image.resize(method='bilinear') / tf.compat.v1.image.resize_bilinear:
 * for each output coordinate the source coordinate is computed per axis (see ResizeOptions),
 * lower = max(floor(src), 0), upper = min(ceil(src), in−1), weight = src − floor(src); the
 * image edge is clamped (no antialiasing when shrinking, as in TF with antialias=false).
 * Arithmetic is in float64, so results can differ from TF's float32 in the last ulp.
 */
export function resizeBilinear(image: RgbImage, height: number, width: number, options: ResizeOptions = {}): Float32Array {
  const { halfPixelCenters = true, alignCorners = false, channels = 3 } = options;
  const { width: inW, height: inH, data } = image;
  if (!(Number.isInteger(height) && height > 0 && Number.isInteger(width) && width > 0)) {
    throw new ImageError(`resize: invalid target size ${width}x${height}`);
  }
  if (!(Number.isInteger(inW) && inW > 0 && Number.isInteger(inH) && inH > 0) || data.length !== inW * inH * channels) {
    throw new ImageError(`resize: image data has ${data.length} bytes, expected ${inW}x${inH}x${channels}`);
  }
  if (alignCorners && halfPixelCenters) throw new ImageError('resize: alignCorners and halfPixelCenters cannot both be set');
  const ys = weights(inH, height, alignCorners, halfPixelCenters);
  const xs = weights(inW, width, alignCorners, halfPixelCenters);
  const out = new Float32Array(height * width * channels);
  const rowLen = inW * channels;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const top = ys.lower[y]! * rowLen;
    const bottom = ys.upper[y]! * rowLen;
    const dy = ys.lerp[y]!;
    for (let x = 0; x < width; x++) {
      const left = xs.lower[x]! * channels;
      const right = xs.upper[x]! * channels;
      const dx = xs.lerp[x]!;
      for (let c = 0; c < channels; c++) {
        const tl = data[top + left + c]!;
        const tr = data[top + right + c]!;
        const bl = data[bottom + left + c]!;
        const br = data[bottom + right + c]!;
        const t = tl + (tr - tl) * dx;
        const b = bl + (br - bl) * dx;
        out[o++] = t + (b - t) * dy;
      }
    }
  }
  return out;
}

function weights(inSize: number, outSize: number, alignCorners: boolean, halfPixel: boolean) {
  const scale = alignCorners && outSize > 1 ? (inSize - 1) / (outSize - 1) : inSize / outSize;
  const lower = new Int32Array(outSize);
  const upper = new Int32Array(outSize);
  const lerp = new Float64Array(outSize);
  for (let i = 0; i < outSize; i++) {
    const src = halfPixel ? (i + 0.5) * scale - 0.5 : i * scale;
    const f = Math.floor(src);
    lower[i] = Math.min(Math.max(f, 0), inSize - 1);
    upper[i] = Math.min(Math.max(Math.ceil(src), 0), inSize - 1);
    lerp[i] = src - f;
  }
  return { lower, upper, lerp };
}
