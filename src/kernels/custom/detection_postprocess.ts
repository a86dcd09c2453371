// TFLite_Detection_PostProcess (tensorflow/lite/kernels/detection_postprocess.cc), the custom op SSD
// detectors end with: decodes center-size box encodings against anchors, then runs class-agnostic
// ("fast") or per-class ("regular") non-max suppression.
//
// Inputs: box_encodings [1, N, ≥4] (y, x, h, w; extra columns such as keypoints are ignored),
// class_predictions [1, N, num_classes (+1 background)], anchors [N, 4] (y, x, h, w). Each is float32
// or uint8 (TFLite) or int8 (an extension), quantized ones dequantized with their scale/zero point.
// Outputs (float32): detection_boxes [1, D, 4] (ymin, xmin, ymax, xmax), detection_classes [1, D],
// detection_scores [1, D], num_detections [1], with D = max_detections · max_classes_per_detection.
// Slots past the detections found are zero.
//
// The float arithmetic (double decode rounded to float, float IoU) and the order of equal scores
// follow current TFLite (LiteRT) run single-threaded: a stable sort inside NMS, a stable merge of the
// classes in regular NMS, and for the classes of a box in fast NMS (std::partial_sort) the libc++ heap
// algorithm of the LiteRT.js build, so ties come out in the same order.
import type { Tensor } from '../../interpreter/tensor.js';
import type { KernelRegistration, OpContext } from '../registration.js';
import { checkRank, checkType } from '../kernel_util.js';
import type { FlexMap } from '../../schema/flexbuffers.js';
import { flexFloat, flexInt, flexOptions } from '../util/flex_options.js';

export interface DetectionPostprocessParams {
  maxDetections: number;
  maxClassesPerDetection: number;
  detectionsPerClass: number;
  useRegularNms: boolean;
  scoreThreshold: number;
  iouThreshold: number;
  numClasses: number;
  yScale: number;
  xScale: number;
  hScale: number;
  wScale: number;
}

/** Working memory of one node, sized in prepare so eval does not allocate. */
export interface DetectionScratch {
  /** Decoded corner boxes, N × 4 (ymin, xmin, ymax, xmax). */
  decoded: Float32Array;
  // Single-class NMS.
  keepIndices: Int32Array;
  keepScores: Float32Array;
  order: Int32Array;
  active: Uint8Array;
  selected: Int32Array;
  // Fast NMS.
  classIndices: Int32Array;
  maxScores: Float32Array;
  // Regular NMS: one class's scores, the running best detections and the merge buffer.
  classScores: Float32Array;
  mergedIndices: Int32Array;
  mergedScores: Float32Array;
  sortIndices: Int32Array;
  sortValues: Float32Array;
}

export function createDetectionScratch(p: DetectionPostprocessParams, numBoxes: number): DetectionScratch {
  const regular = p.useRegularNms;
  const merged = regular ? p.maxDetections : 0;
  return {
    decoded: new Float32Array(numBoxes * 4),
    keepIndices: new Int32Array(numBoxes),
    keepScores: new Float32Array(numBoxes),
    order: new Int32Array(numBoxes),
    active: new Uint8Array(numBoxes),
    selected: new Int32Array(numBoxes),
    classIndices: new Int32Array(regular ? 0 : numBoxes * p.numClasses),
    maxScores: new Float32Array(regular ? 0 : numBoxes),
    classScores: new Float32Array(regular ? numBoxes : 0),
    mergedIndices: new Int32Array(merged),
    mergedScores: new Float32Array(merged),
    sortIndices: new Int32Array(merged),
    sortValues: new Float32Array(merged),
  };
}

const f = Math.fround;

/**
 * Decodes N center-size encodings (row stride `boxStride`, first four used) against N anchors
 * (y, x, h, w) into corner boxes, in double rounded to float as TFLite does.
 */
export function decodeCenterSizeBoxes(
  p: DetectionPostprocessParams, numBoxes: number, boxes: Float32Array, boxStride: number, anchors: Float32Array,
  decoded: Float32Array,
): void {
  for (let i = 0; i < numBoxes; i++) {
    const b = i * boxStride, a = i * 4;
    const ay = anchors[a]!, ax = anchors[a + 1]!, ah = anchors[a + 2]!, aw = anchors[a + 3]!;
    const yc = f((boxes[b]! / p.yScale) * ah + ay);
    const xc = f((boxes[b + 1]! / p.xScale) * aw + ax);
    const hh = f(0.5 * Math.exp(boxes[b + 2]! / p.hScale) * ah);
    const hw = f(0.5 * Math.exp(boxes[b + 3]! / p.wScale) * aw);
    decoded[a] = yc - hh;
    decoded[a + 1] = xc - hw;
    decoded[a + 2] = yc + hh;
    decoded[a + 3] = xc + hw;
  }
}

/** Index of the first decoded box with ymin > ymax or xmin > xmax (TFLite rejects those), or -1. */
export function findInvalidBox(numBoxes: number, decoded: Float32Array): number {
  for (let i = 0; i < numBoxes; i++) {
    const a = i * 4;
    if (decoded[a]! > decoded[a + 2]! || decoded[a + 1]! > decoded[a + 3]!) return i;
  }
  return -1;
}

/** TFLite's float IoU of decoded boxes i and j; 0 when either has no area. */
export function intersectionOverUnion(decoded: Float32Array, i: number, j: number): number {
  const a = i * 4, b = j * 4;
  const iy0 = decoded[a]!, ix0 = decoded[a + 1]!, iy1 = decoded[a + 2]!, ix1 = decoded[a + 3]!;
  const jy0 = decoded[b]!, jx0 = decoded[b + 1]!, jy1 = decoded[b + 2]!, jx1 = decoded[b + 3]!;
  const areaI = f(f(iy1 - iy0) * f(ix1 - ix0));
  const areaJ = f(f(jy1 - jy0) * f(jx1 - jx0));
  if (areaI <= 0 || areaJ <= 0) return 0;
  // std::max(a, b) is (a < b) ? b : a and std::min(a, b) is (b < a) ? b : a.
  const y0 = iy0 < jy0 ? jy0 : iy0, x0 = ix0 < jx0 ? jx0 : ix0;
  const y1 = jy1 < iy1 ? jy1 : iy1, x1 = jx1 < ix1 ? jx1 : ix1;
  const dy = f(y1 - y0), dx = f(x1 - x0);
  const inter = f((dy < 0 ? 0 : dy) * (dx < 0 ? 0 : dx));
  return f(inter / f(f(areaI + areaJ) - inter));
}

/**
 * Greedy NMS over one score per box: boxes scoring ≥ the score threshold, visited by decreasing score
 * (stable: equal scores by box index), each kept one suppressing later ones with IoU > the IoU
 * threshold, at most `maxDetections`. Writes box indices to `s.selected`; returns their count.
 */
export function nmsSingleClass(
  p: DetectionPostprocessParams, numBoxes: number, decoded: Float32Array, scores: Float32Array,
  maxDetections: number, s: DetectionScratch,
): number {
  const { keepIndices, keepScores, order, active, selected } = s;
  let kept = 0;
  for (let i = 0; i < numBoxes; i++) {
    const v = scores[i]!;
    if (v >= p.scoreThreshold) {
      keepScores[kept] = v;
      keepIndices[kept++] = i;
    }
  }
  for (let i = 0; i < kept; i++) order[i] = i;
  // Ordering equal scores by position is what std::stable_sort gives.
  order.subarray(0, kept).sort((x, y) => {
    const vx = keepScores[x]!, vy = keepScores[y]!;
    return vx > vy ? -1 : vy > vx ? 1 : x - y;
  });
  const outputSize = Math.min(kept, maxDetections);
  active.fill(1, 0, kept);
  let numActive = kept, count = 0;
  for (let i = 0; i < kept; i++) {
    if (numActive === 0 || count >= outputSize) break;
    if (active[i] !== 1) continue;
    const boxI = keepIndices[order[i]!]!;
    selected[count++] = boxI;
    active[i] = 0;
    numActive--;
    for (let j = i + 1; j < kept; j++) {
      if (active[j] === 1 && intersectionOverUnion(decoded, boxI, keepIndices[order[j]!]!) > p.iouThreshold) {
        active[j] = 0;
        numActive--;
      }
    }
  }
  return count;
}

// libc++'s std::partial_sort over an index array with comparator `values[x] > values[y]`, step by
// step, since the order it leaves equal values in is part of TFLite's output.

function siftDown(idx: Int32Array, base: number, values: Float32Array, len: number, start: number): void {
  const before = (x: number, y: number) => values[idx[base + x]!]! > values[idx[base + y]!]!;
  if (len < 2 || ((len - 2) >> 1) < start) return;
  let child = 2 * start + 1;
  if (child + 1 < len && before(child, child + 1)) child++;
  if (before(child, start)) return;
  const top = idx[base + start]!;
  const topValue = values[top]!;
  do {
    idx[base + start] = idx[base + child]!;
    start = child;
    if (((len - 2) >> 1) < child) break;
    child = 2 * child + 1;
    if (child + 1 < len && before(child, child + 1)) child++;
  } while (!(values[idx[base + child]!]! > topValue));
  idx[base + start] = top;
}

function siftUp(idx: Int32Array, base: number, values: Float32Array, bottom: number): void {
  let parent = (bottom - 1) >> 1;
  if (!(values[idx[base + parent]!]! > values[idx[base + bottom]!]!)) return;
  const t = idx[base + bottom]!;
  const tValue = values[t]!;
  for (;;) {
    idx[base + bottom] = idx[base + parent]!;
    bottom = parent;
    if (parent === 0) break;
    parent = (parent - 1) >> 1;
    if (!(values[idx[base + parent]!]! > tValue)) break;
  }
  idx[base + bottom] = t;
}

// The bottom-up heapify of the libc++ LiteRT.js is built with (newer libc++ heapifies an odd prefix of
// arithmetic elements and sifts the last one up instead, which orders ties differently).
function makeHeap(idx: Int32Array, base: number, values: Float32Array, n: number): void {
  for (let start = (n - 2) >> 1; start >= 0; start--) siftDown(idx, base, values, n, start);
}

/** libc++ pop_heap (Floyd's): moves the top to position len-1 and restores the heap before it. */
function popHeap(idx: Int32Array, base: number, values: Float32Array, len: number): void {
  const top = idx[base]!;
  let hole = 0, childI = 0, child = 1;
  do {
    childI += child;
    child *= 2;
    if (child < len && values[idx[base + childI]!]! > values[idx[base + childI + 1]!]!) {
      childI++;
      child++;
    }
    idx[base + hole] = idx[base + childI]!;
    hole = childI;
  } while (child <= len >> 1);
  const last = len - 1;
  if (hole === last) {
    idx[base + hole] = top;
  } else {
    idx[base + hole] = idx[base + last]!;
    idx[base + last] = top;
    siftUp(idx, base, values, hole);
  }
}

/**
 * TFLite's DecreasingPartialArgSort: the indices of the `numToSort` largest of `values[0, n)` in
 * decreasing order into `idx[base, base + numToSort)` (the first maximum when numToSort is 1).
 */
export function decreasingPartialArgSort(
  values: Float32Array, n: number, numToSort: number, idx: Int32Array, base = 0,
): void {
  if (numToSort === 1) {
    let best = 0;
    let bestValue = values[0]!;
    for (let i = 1; i < n; i++) {
      if (values[i]! > bestValue) {
        bestValue = values[i]!;
        best = i;
      }
    }
    idx[base] = best;
    return;
  }
  for (let i = 0; i < n; i++) idx[base + i] = i;
  if (numToSort === 0) return;
  makeHeap(idx, base, values, numToSort);
  for (let i = numToSort; i < n; i++) {
    if (values[idx[base + i]!]! > values[idx[base]!]!) {
      const t = idx[base + i]!;
      idx[base + i] = idx[base]!;
      idx[base] = t;
      siftDown(idx, base, values, numToSort, 0);
    }
  }
  for (let len = numToSort; len > 1; len--) popHeap(idx, base, values, len);
}

/** Writes one detection: the decoded box of `box`, its class and score. */
function emit(
  decoded: Float32Array, box: number, slot: number, cls: number, score: number,
  outBoxes: Float32Array, outClasses: Float32Array, outScores: Float32Array,
): void {
  outBoxes.set(decoded.subarray(box * 4, box * 4 + 4), slot * 4);
  outClasses[slot] = cls;
  outScores[slot] = score;
}

/**
 * Fast NMS: each box keeps its top min(max_classes_per_detection, num_classes) classes and is ranked
 * by the best one; NMS runs once over those maxima. Returns the number of boxes kept.
 */
export function nmsMultiClassFast(
  p: DetectionPostprocessParams, numBoxes: number, decoded: Float32Array, scores: Float32Array,
  numClassesWithBackground: number, outBoxes: Float32Array, outClasses: Float32Array, outScores: Float32Array,
  s: DetectionScratch,
): number {
  const numClasses = p.numClasses, labelOffset = numClassesWithBackground - numClasses;
  const perBox = Math.min(p.maxClassesPerDetection, numClasses);
  const { classIndices, maxScores } = s;
  for (let row = 0; row < numBoxes; row++) {
    const start = row * numClassesWithBackground + labelOffset;
    const boxScores = scores.subarray(start, start + numClasses);
    decreasingPartialArgSort(boxScores, numClasses, perBox, classIndices, row * numClasses);
    maxScores[row] = boxScores[classIndices[row * numClasses]!]!;
  }
  const count = nmsSingleClass(p, numBoxes, decoded, maxScores, p.maxDetections, s);
  for (let k = 0; k < count; k++) {
    const box = s.selected[k]!;
    for (let c = 0; c < perBox; c++) {
      const cls = classIndices[box * numClasses + c]!;
      emit(decoded, box, p.maxClassesPerDetection * k + c, cls, scores[box * numClassesWithBackground + labelOffset + cls]!,
        outBoxes, outClasses, outScores);
    }
  }
  return count;
}

/**
 * Regular NMS: NMS per class (at most min(detections_per_class, max_detections) each), each class's picks
 * merged stably into the running best max_detections by score (as TFLite's std::inplace_merge: on equal
 * scores earlier classes come first). Returns the number of detections.
 */
export function nmsMultiClassRegular(
  p: DetectionPostprocessParams, numBoxes: number, decoded: Float32Array, scores: Float32Array,
  numClassesWithBackground: number, outBoxes: Float32Array, outClasses: Float32Array, outScores: Float32Array,
  s: DetectionScratch,
): number {
  const numClasses = p.numClasses, labelOffset = numClassesWithBackground - numClasses;
  const perClass = Math.min(p.detectionsPerClass, p.maxDetections);
  const { classScores, mergedIndices, mergedScores, sortIndices, sortValues, selected } = s;
  let size = 0;
  for (let col = 0; col < numClasses; col++) {
    for (let row = 0; row < numBoxes; row++) classScores[row] = scores[row * numClassesWithBackground + col + labelOffset]!;
    const picked = nmsSingleClass(p, numBoxes, decoded, classScores, perClass, s);
    // Both lists are in decreasing score order; a pick goes first only when strictly better.
    const total = Math.min(size + picked, p.maxDetections);
    let a = 0, b = 0;
    for (let k = 0; k < total; k++) {
      if (b < picked && (a >= size || classScores[selected[b]!]! > mergedScores[a]!)) {
        const box = selected[b++]!;
        sortIndices[k] = box * numClassesWithBackground + col + labelOffset;
        sortValues[k] = classScores[box]!;
      } else {
        sortIndices[k] = mergedIndices[a]!;
        sortValues[k] = mergedScores[a++]!;
      }
    }
    mergedIndices.set(sortIndices.subarray(0, total));
    mergedScores.set(sortValues.subarray(0, total));
    size = total;
  }
  for (let k = 0; k < size; k++) {
    const flat = mergedIndices[k]!;
    const box = Math.floor(flat / numClassesWithBackground);
    emit(decoded, box, k, flat - box * numClassesWithBackground - labelOffset, mergedScores[k]!, outBoxes, outClasses, outScores);
  }
  return size;
}

interface OpData {
  params: DetectionPostprocessParams;
  numBoxes: number;
  boxStride: number;
  numClassesWithBackground: number;
  scratch: DetectionScratch;
  /** Dequantized inputs (null when the input is float32). */
  boxes: Float32Array | null;
  anchors: Float32Array | null;
  scores: Float32Array | null;
}

function parseParams(ctx: OpContext): DetectionPostprocessParams {
  const m = flexOptions(ctx);
  const present = (key: string) => key in m && m[key] !== null;
  return {
    maxDetections: flexInt(ctx, m, 'max_detections'),
    maxClassesPerDetection: flexInt(ctx, m, 'max_classes_per_detection'),
    detectionsPerClass: present('detections_per_class') ? flexInt(ctx, m, 'detections_per_class') : 100,
    useRegularNms: present('use_regular_nms') && flexBool(ctx, m, 'use_regular_nms'),
    scoreThreshold: flexFloat(ctx, m, 'nms_score_threshold'),
    iouThreshold: flexFloat(ctx, m, 'nms_iou_threshold'),
    numClasses: flexInt(ctx, m, 'num_classes'),
    yScale: flexFloat(ctx, m, 'y_scale'),
    xScale: flexFloat(ctx, m, 'x_scale'),
    hScale: flexFloat(ctx, m, 'h_scale'),
    wScale: flexFloat(ctx, m, 'w_scale'),
  };
}

/** flexbuffers' AsBool: a bool as is, a number when non-zero. */
function flexBool(ctx: OpContext, m: FlexMap, key: string): boolean {
  const v = m[key];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return v != 0;
  return ctx.fail(`custom option '${key}' is not a bool`);
}

function checkQuantized(ctx: OpContext, t: Tensor): void {
  if (t.dtype !== 'float32' && (t.quantization === null || t.quantization.scale.length === 0)) {
    ctx.fail(`${t.dtype} tensor '${t.name}' has no quantization parameters`);
  }
}

function prepare(ctx: OpContext): OpData {
  if (ctx.numInputs !== 3) ctx.fail(`expected 3 inputs (box_encodings, class_predictions, anchors), got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 4) ctx.fail(`expected 4 outputs (boxes, classes, scores, num_detections), got ${ctx.numOutputs}`);
  const p = parseParams(ctx);
  const boxes = ctx.input(0), classes = ctx.input(1), anchors = ctx.input(2);
  for (const t of [boxes, classes, anchors]) {
    checkType(ctx, t, 'float32', 'uint8', 'int8');
    checkQuantized(ctx, t);
  }
  for (let i = 0; i < 4; i++) checkType(ctx, ctx.output(i), 'float32');
  checkRank(ctx, boxes, 3);
  checkRank(ctx, classes, 3);
  checkRank(ctx, anchors, 2);
  const [boxBatch, numBoxes, boxStride] = boxes.shape as [number, number, number];
  const [classBatch, classBoxes, numClassesWithBackground] = classes.shape as [number, number, number];
  if (boxBatch !== 1 || classBatch !== 1) ctx.fail(`batch size must be 1, got box_encodings [${boxes.shape}], class_predictions [${classes.shape}]`);
  if (boxStride < 4) ctx.fail(`box_encodings [${boxes.shape}] need at least 4 values per box`);
  if (classBoxes !== numBoxes) ctx.fail(`class_predictions [${classes.shape}] do not match the ${numBoxes} boxes of box_encodings`);
  if (anchors.shape[1] !== 4) ctx.fail(`anchors [${anchors.shape}] must have 4 values per anchor`);
  if (anchors.shape[0]! < numBoxes) ctx.fail(`anchors [${anchors.shape}] hold fewer than the ${numBoxes} boxes`);
  if (p.numClasses < 1) ctx.fail(`num_classes must be positive, got ${p.numClasses}`);
  if (numClassesWithBackground !== p.numClasses && numClassesWithBackground !== p.numClasses + 1) {
    ctx.fail(`class_predictions have ${numClassesWithBackground} classes, expected num_classes ${p.numClasses} (+1 background)`);
  }
  if (p.maxDetections < 0) ctx.fail(`max_detections must not be negative, got ${p.maxDetections}`);
  if (p.maxClassesPerDetection < 1) ctx.fail(`max_classes_per_detection must be positive, got ${p.maxClassesPerDetection}`);
  if (p.useRegularNms && Math.min(p.detectionsPerClass, p.maxDetections) < 1) {
    ctx.fail(`regular NMS needs positive detections_per_class and max_detections, got ${p.detectionsPerClass} and ${p.maxDetections}`);
  }
  if (!(p.iouThreshold > 0 && p.iouThreshold <= 1)) ctx.fail(`nms_iou_threshold must be in (0, 1], got ${p.iouThreshold}`);
  const detections = p.maxDetections * p.maxClassesPerDetection;
  if (detections > 0x7fffffff) ctx.fail(`max_detections × max_classes_per_detection (${detections}) overflows int32`);
  ctx.resizeOutput(0, [1, detections, 4]);
  ctx.resizeOutput(1, [1, detections]);
  ctx.resizeOutput(2, [1, detections]);
  ctx.resizeOutput(3, [1]);
  return {
    params: p, numBoxes, boxStride, numClassesWithBackground,
    scratch: createDetectionScratch(p, numBoxes),
    boxes: boxes.dtype === 'float32' ? null : new Float32Array(numBoxes * 4),
    anchors: anchors.dtype === 'float32' ? null : new Float32Array(numBoxes * 4),
    scores: classes.dtype === 'float32' ? null : new Float32Array(numBoxes * numClassesWithBackground),
  };
}

/** Dequantizes `count` rows of `width` values (row stride `stride`) into `out`, or returns the float data. */
function floatRows(t: Tensor, out: Float32Array | null, count: number, width: number, stride: number): Float32Array {
  if (out === null) return t.data as Float32Array;
  const q = t.data as Uint8Array | Int8Array;
  const scale = t.scale, zeroPoint = t.zeroPoint;
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < width; c++) out[r * width + c] = (q[r * stride + c]! - zeroPoint) * scale;
  }
  return out;
}

function evalDetection(ctx: OpContext, d: OpData): void {
  const p = d.params, n = d.numBoxes, s = d.scratch;
  const boxes = floatRows(ctx.input(0), d.boxes, n, 4, d.boxStride);
  const boxStride = d.boxes === null ? d.boxStride : 4;
  const anchors = floatRows(ctx.input(2), d.anchors, n, 4, 4);
  const scores = floatRows(ctx.input(1), d.scores, n, d.numClassesWithBackground, d.numClassesWithBackground);
  decodeCenterSizeBoxes(p, n, boxes, boxStride, anchors, s.decoded);
  const bad = findInvalidBox(n, s.decoded);
  if (bad >= 0) {
    const b = Array.from(s.decoded.subarray(bad * 4, bad * 4 + 4));
    ctx.fail(`decoded box ${bad} [${b}] has ymin > ymax or xmin > xmax (negative anchor size?)`);
  }
  const outBoxes = ctx.output(0).data as Float32Array, outClasses = ctx.output(1).data as Float32Array;
  const outScores = ctx.output(2).data as Float32Array;
  outBoxes.fill(0);
  outClasses.fill(0);
  outScores.fill(0);
  const nms = p.useRegularNms ? nmsMultiClassRegular : nmsMultiClassFast;
  const count = nms(p, n, s.decoded, scores, d.numClassesWithBackground, outBoxes, outClasses, outScores, s);
  (ctx.output(3).data as Float32Array)[0] = count;
}

export const TFLITE_DETECTION_POSTPROCESS: KernelRegistration<OpData> = { prepare, eval: evalDetection };
