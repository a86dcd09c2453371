// The walk over the windows of the undilated sliding-window kernels: pooling, and transposed convolution
// (whose windows lie on its output): one window per pixel of a grid tensor, placed on a target tensor.
import { endTap, firstTap } from './conv_util.js';

/** Where the windows go: strides, padding before the first row / column, filter size. */
export interface WindowParams {
  strideH: number;
  strideW: number;
  padH: number;
  padW: number;
  filterH: number;
  filterW: number;
}

/**
 * The windows over an NHWC `target` tensor, one per pixel of an NHWC `grid` tensor of the same batch size, in
 * grid order: `for (const w = new SlidingWindows(p, targetShape, gridShape); w.next();) { ... }` (pooling: the
 * target is the input, the grid the output; transposed convolution: the target is the output, the grid the input).
 * After each next(): `g` is the grid offset of the pixel's channel 0; `base` the target offset of its window's
 * tap (0, 0) channel 0, so that tap (ky, kx) is at base + ky·targetW·targetC + kx·targetC (base itself lies outside
 * the target where the window is padded); the taps ky0 ≤ ky < ky1, kx0 ≤ kx < kx1 are the ones inside the target.
 * (A cursor rather than a callback: V8 inlines next() into the kernels' loops.)
 */
export class SlidingWindows {
  g: number;
  base = 0;
  ky0 = 0;
  ky1 = 0;
  kx0 = 0;
  kx1 = 0;
  private readonly p: WindowParams;
  private readonly targetH: number;
  private readonly targetW: number;
  private readonly targetC: number;
  private readonly targetRowStride: number;
  private readonly gridH: number;
  private readonly gridW: number;
  private readonly gridC: number;
  /** Grid pixels still to visit. */
  private left: number;
  private b = 0;
  private gy = 0;
  private gx = -1;
  /** Target offset of the current window row's column 0 (tap row 0). */
  private rowBase = 0;

  constructor(p: WindowParams, targetShape: readonly number[], gridShape: readonly number[]) {
    const [batches, targetH, targetW, targetC] = targetShape as [number, number, number, number];
    this.p = p;
    this.targetH = targetH;
    this.targetW = targetW;
    this.targetC = targetC;
    this.targetRowStride = targetW * targetC;
    this.gridH = gridShape[1]!;
    this.gridW = gridShape[2]!;
    this.gridC = gridShape[3]!;
    this.left = batches * this.gridH * this.gridW;
    this.g = -this.gridC;
    this.startRow();
  }

  next(): boolean {
    if (this.left === 0) return false;
    this.left--;
    this.g += this.gridC;
    if (++this.gx === this.gridW) {
      this.gx = 0;
      if (++this.gy === this.gridH) {
        this.gy = 0;
        this.b++;
      }
      this.startRow();
    }
    const x0 = this.gx * this.p.strideW - this.p.padW;
    this.kx0 = firstTap(x0, 1);
    this.kx1 = endTap(x0, 1, this.p.filterW, this.targetW);
    this.base = this.rowBase + x0 * this.targetC;
    return true;
  }

  private startRow(): void {
    const y0 = this.gy * this.p.strideH - this.p.padH;
    this.ky0 = firstTap(y0, 1);
    this.ky1 = endTap(y0, 1, this.p.filterH, this.targetH);
    this.rowBase = (this.b * this.targetH + y0) * this.targetRowStride;
  }
}
