// TFLite_Detection_PostProcess (TFLite's own custom op, which LiteRT.js runs): the oracle checks float
// and uint8 inputs, fast and regular NMS, thresholds and ties. int8 inputs (not in TFLite) and cases the
// oracle cannot size get `expected` from the plain implementation below, written apart from the kernel
// (no heaps: ties here are avoided or resolved the same by any sort).
const OP = { custom: 'TFLite_Detection_PostProcess' };
const OUTS = [{ dtype: 'float32' }, { dtype: 'float32' }, { dtype: 'float32' }, { dtype: 'float32' }];
const f32 = (shape, data, extra = {}) => ({ dtype: 'float32', shape, data, ...extra });

/** Options of the SSD MobileNet converter, overridable. */
const opts = (o = {}) => ({
  max_detections: 3, max_classes_per_detection: 1, detections_per_class: 100, use_regular_nms: false,
  nms_score_threshold: 0, nms_iou_threshold: 0.5, num_classes: 2,
  y_scale: 10, x_scale: 10, h_scale: 5, w_scale: 5, ...o,
});

// TFLite's unit-test data: 6 boxes around three anchor centers, 2 classes plus background.
const T_ANCHORS = [0.5, 0.5, 1, 1, 0.5, 0.5, 1, 1, 0.5, 0.5, 1, 1, 0.5, 10.5, 1, 1, 0.5, 10.5, 1, 1, 0.5, 100.5, 1, 1];
const T_BOXES = [0, 0, 0, 0, 0, 1, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
const T_SCORES = [0, 0.9, 0.8, 0, 0.75, 0.72, 0, 0.6, 0.5, 0, 0.93, 0.95, 0, 0.5, 0.4, 0, 0.3, 0.2];

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** N anchors (y, x, h, w) scattered over the unit square, sizes 0.1–0.4, so many overlap. */
function anchorsOf(n, seed) {
  const r = rng(seed);
  const a = [];
  for (let i = 0; i < n; i++) a.push(r(), r(), 0.1 + 0.3 * r(), 0.1 + 0.3 * r());
  return a;
}
const uniform = (n, seed, lo, hi) => { const r = rng(seed); return Array.from({ length: n }, () => lo + (hi - lo) * r()); };
/** Scores drawn from a few levels, so equal scores are common. */
const levels = (n, seed, k) => { const r = rng(seed); return Array.from({ length: n }, () => Math.floor(r() * k) / k); };

function dp(name, o, boxes, scores, anchors, rest = {}) {
  return { name, op: OP, customOptions: o && opts(o), inputs: [boxes, scores, anchors], outputs: OUTS, ...rest };
}

/** A float case of n boxes, c score columns, random encodings and the given scores. */
function floatCase(name, o, n, c, scores, seed, rest = {}) {
  return dp(name, o, f32([1, n, 4], uniform(n * 4, seed, -3, 3)), f32([1, n, c], scores), f32([n, 4], anchorsOf(n, seed + 1), { constant: true }), rest);
}

/** Like floatCase, checked against the plain implementation: TFLite leaves unused output slots unwritten (garbage). */
function paddedCase(name, o, n, c, scores, seed) {
  return referenced(name, o, f32([1, n, 4], uniform(n * 4, seed, -3, 3)), f32([1, n, c], scores), f32([n, 4], anchorsOf(n, seed + 1), { constant: true }));
}

// ---- an independent plain implementation, for `expected` -------------------------------------
const fr = Math.fround;
function reference(o, boxes, stride, scores, c, anchors) {
  const p = opts(o);
  const n = boxes.length / stride;
  const decoded = [];
  for (let i = 0; i < n; i++) {
    const [ty, tx, th, tw] = boxes.slice(i * stride, i * stride + 4);
    const [ay, ax, ah, aw] = anchors.slice(i * 4, i * 4 + 4);
    const yc = fr(ty / fr(p.y_scale) * ah + ay), xc = fr(tx / fr(p.x_scale) * aw + ax);
    const hh = fr(0.5 * Math.exp(th / fr(p.h_scale)) * ah), hw = fr(0.5 * Math.exp(tw / fr(p.w_scale)) * aw);
    decoded.push([fr(yc - hh), fr(xc - hw), fr(yc + hh), fr(xc + hw)]);
  }
  const iou = (a, b) => {
    const area = (q) => fr(fr(q[2] - q[0]) * fr(q[3] - q[1]));
    const sa = area(a), sb = area(b);
    if (sa <= 0 || sb <= 0) return 0;
    const h = Math.max(fr(Math.min(a[2], b[2]) - Math.max(a[0], b[0])), 0);
    const w = Math.max(fr(Math.min(a[3], b[3]) - Math.max(a[1], b[1])), 0);
    const inter = fr(h * w);
    return fr(inter / fr(fr(sa + sb) - inter));
  };
  const nms = (sc, limit) => {
    const cand = sc.map((s, i) => ({ s, i })).filter((x) => x.s >= fr(p.nms_score_threshold)).sort((a, b) => b.s - a.s || a.i - b.i);
    const out = [];
    for (const x of cand) {
      if (out.length >= limit) break;
      if (out.every((y) => iou(decoded[y], decoded[x.i]) <= fr(p.nms_iou_threshold))) out.push(x.i);
    }
    return out;
  };
  const off = c - p.num_classes;
  const score = (box, cls) => scores[box * c + off + cls];
  const total = p.max_detections * p.max_classes_per_detection;
  const ob = new Array(total * 4).fill(0), oc = new Array(total).fill(0), os = new Array(total).fill(0);
  let count = 0;
  const put = (slot, box, cls) => { ob.splice(slot * 4, 4, ...decoded[box]); oc[slot] = cls; os[slot] = score(box, cls); };
  if (p.use_regular_nms) {
    let all = [];
    for (let cls = 0; cls < p.num_classes; cls++) {
      const picks = nms(Array.from({ length: n }, (_, b) => score(b, cls)), p.detections_per_class);
      all = all.concat(picks.map((b) => ({ b, cls, s: score(b, cls) })));
    }
    all.sort((a, b) => b.s - a.s);
    all.slice(0, p.max_detections).forEach((d, k) => put(k, d.b, d.cls));
    count = Math.min(all.length, p.max_detections);
  } else {
    const per = Math.min(p.max_classes_per_detection, p.num_classes);
    const ranked = Array.from({ length: n }, (_, b) => Array.from({ length: p.num_classes }, (_, cls) => cls)
      .sort((x, y) => score(b, y) - score(b, x) || x - y));
    const picks = nms(ranked.map((r, b) => score(b, r[0])), p.max_detections);
    picks.forEach((b, k) => { for (let j = 0; j < per; j++) put(k * p.max_classes_per_detection + j, b, ranked[b][j]); });
    count = picks.length;
  }
  return { expected: [ob, oc, os, [count]], expectedShapes: [[1, total, 4], [1, total], [1, total], [1]] };
}

/** Dequantized values of a quantized spec, as the kernel sees them. */
const deq = (spec) => spec.data.map((q) => fr((q - spec.quant.zeroPoint) * fr(spec.quant.scale)));
/** A case checked against the plain implementation (inputs must be given as data). */
function referenced(name, o, boxes, scores, anchors, rest = {}) {
  const val = (s) => (s.quant ? deq(s) : s.data);
  return dp(name, o, boxes, scores, anchors, { oracle: 'none', ...reference(o, val(boxes), boxes.shape[2], val(scores), scores.shape[2], val(anchors)), ...rest });
}

const q8 = (dtype, shape, data, scale, zeroPoint, extra = {}) => ({ dtype, shape, data, quant: { scale, zeroPoint }, ...extra });
const quantize = (xs, scale, zp, lo, hi) => xs.map((x) => Math.min(hi, Math.max(lo, Math.round(x / scale) + zp)));

const u8 = (shape, scale, zeroPoint, extra = {}) => ({ dtype: 'uint8', shape, quant: { scale, zeroPoint }, ...extra });
/** Anchors quantized to uint8 (or int8) with scale 1/255. */
const qAnchors = (n, seed, dtype = 'uint8', zp = 0) => q8(dtype, [n, 4], quantize(anchorsOf(n, seed), 1 / 255, zp, dtype === 'uint8' ? 0 : -128, dtype === 'uint8' ? 255 : 127), 1 / 255, zp, { constant: true });
/** A uint8 model's three inputs: random box encodings and class scores, quantized anchors. */
function u8Case(name, o, n, c, seed, stride = 4) {
  return dp(name, o, u8([1, n, stride], 0.05, 128), u8([1, n, c], 1 / 256, 0), qAnchors(n, seed));
}

const N = 40, C = 5;
const R_SCORES = uniform(N * (C + 1), 11, 0, 1);
const L_SCORES = levels(N * (C + 1), 12, 4);

export default [
  // TFLite's test: fast NMS keeps the best class of boxes 3, 0 and 5 (boxes 1, 2 and 4 overlap those).
  dp('tflite test data, fast nms', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true })),
  dp('tflite test data, fast nms (hand expected)', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true }), {
    oracle: 'none',
    expected: [[0, 10, 1, 11, 0, 0, 1, 1, 0, 100, 1, 101], [1, 0, 0], [0.95, 0.9, 0.3], [3]],
  }),
  dp('tflite test data, regular nms', { use_regular_nms: true }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true })),
  dp('tflite test data, regular nms, 1 per class', { use_regular_nms: true, detections_per_class: 1 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true })),
  dp('tflite test data, fast, 2 classes per detection', { max_classes_per_detection: 2 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true })),
  dp('tflite test data, anchors as input', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS)),

  floatCase('random fast 40 boxes 5 classes', { num_classes: C, max_detections: 10 }, N, C + 1, R_SCORES, 21),
  floatCase('random fast, score threshold 0.6', { num_classes: C, max_detections: 10, nms_score_threshold: 0.6 }, N, C + 1, R_SCORES, 22),
  floatCase('random fast, iou 0.3', { num_classes: C, max_detections: 20, nms_iou_threshold: 0.3 }, N, C + 1, R_SCORES, 23),
  floatCase('random fast, iou 1', { num_classes: C, max_detections: 20, nms_iou_threshold: 1 }, N, C + 1, R_SCORES, 24),
  floatCase('random fast, 3 classes per detection', { num_classes: C, max_detections: 8, max_classes_per_detection: 3 }, N, C + 1, R_SCORES, 25),
  floatCase('random fast, classes per detection > num_classes', { num_classes: C, max_detections: 4, max_classes_per_detection: 7 }, N, C + 1, R_SCORES, 26),
  floatCase('random fast, no background column', { num_classes: C + 1, max_detections: 10 }, N, C + 1, R_SCORES, 27),
  floatCase('random regular', { num_classes: C, max_detections: 10, use_regular_nms: true }, N, C + 1, R_SCORES, 31),
  floatCase('random regular, 2 per class', { num_classes: C, max_detections: 10, use_regular_nms: true, detections_per_class: 2 }, N, C + 1, R_SCORES, 32),
  floatCase('random regular, threshold 0.5 iou 0.4', { num_classes: C, max_detections: 25, use_regular_nms: true, nms_score_threshold: 0.5, nms_iou_threshold: 0.4 }, N, C + 1, R_SCORES, 33),
  floatCase('random regular, no background, 3 classes per detection', { num_classes: C + 1, max_detections: 6, max_classes_per_detection: 3, use_regular_nms: true }, N, C + 1, R_SCORES, 34),

  // Equal scores: the order of ties follows TFLite's sorts.
  floatCase('ties fast', { num_classes: C, max_detections: 12 }, N, C + 1, L_SCORES, 41),
  floatCase('ties fast, 3 classes per detection', { num_classes: C, max_detections: 12, max_classes_per_detection: 3 }, N, C + 1, L_SCORES, 42),
  floatCase('ties fast, 4 classes per detection', { num_classes: C, max_detections: 12, max_classes_per_detection: 4 }, N, C + 1, L_SCORES, 43),
  floatCase('ties fast, 2 classes per detection', { num_classes: C, max_detections: 12, max_classes_per_detection: 2 }, N, C + 1, L_SCORES, 44),
  floatCase('ties regular', { num_classes: C, max_detections: 12, use_regular_nms: true }, N, C + 1, L_SCORES, 45),
  floatCase('ties regular, 2 per class', { num_classes: C, max_detections: 7, use_regular_nms: true, detections_per_class: 2 }, N, C + 1, L_SCORES, 46),
  floatCase('ties regular, max 4', { num_classes: C, max_detections: 4, use_regular_nms: true, detections_per_class: 3 }, N, C + 1, L_SCORES, 47),
  floatCase('all scores equal, fast 3 per detection', { num_classes: C, max_detections: 5, max_classes_per_detection: 3 }, N, C + 1, new Array(N * (C + 1)).fill(0.5), 48),
  floatCase('all scores equal, regular', { num_classes: C, max_detections: 9, use_regular_nms: true, detections_per_class: 3, nms_iou_threshold: 0.99 }, N, C + 1, new Array(N * (C + 1)).fill(0.5), 49),

  // Quantized (uint8) box encodings, anchors and scores, as SSD MobileNet quantized models feed them.
  u8Case('uint8 fast', { num_classes: C, max_detections: 10 }, N, C + 1, 51),
  u8Case('uint8 fast, 3 classes per detection', { num_classes: C, max_detections: 10, max_classes_per_detection: 3 }, N, C + 1, 52),
  u8Case('uint8 regular', { num_classes: C, max_detections: 10, use_regular_nms: true, detections_per_class: 4 }, N, C + 1, 53),
  u8Case('uint8 regular, threshold 0.7', { num_classes: C, max_detections: 10, use_regular_nms: true, nms_score_threshold: 0.7 }, N, C + 1, 54),
  u8Case('uint8 keypoint encodings (6 per box)', { num_classes: C, max_detections: 10 }, N, C + 1, 55, 6),
  u8Case('uint8 300 boxes 20 classes fast', { num_classes: 20, max_detections: 20 }, 300, 21, 56),
  u8Case('uint8 300 boxes 20 classes regular', { num_classes: 20, max_detections: 20, use_regular_nms: true }, 300, 21, 57),
  // SSD MobileNet v1's shape: 1917 anchors, 90 classes plus background.
  u8Case('uint8 ssd mobilenet shape, fast', { num_classes: 90, max_detections: 10 }, 1917, 91, 63),
  u8Case('uint8 ssd mobilenet shape, regular', { num_classes: 90, max_detections: 10, use_regular_nms: true }, 1917, 91, 64),
  dp('float boxes, uint8 scores', { num_classes: C, max_detections: 8 }, f32([1, N, 4], uniform(N * 4, 58, -3, 3)), u8([1, N, C + 1], 1 / 200, 10),
    f32([N, 4], anchorsOf(N, 59), { constant: true })),
  dp('uint8 boxes, float scores, regular', { num_classes: C, max_detections: 8, use_regular_nms: true }, u8([1, N, 4], 0.04, 120), f32([1, N, C + 1], R_SCORES),
    qAnchors(N, 60)),
  floatCase('float keypoint encodings (10 per box)', { num_classes: C, max_detections: 10 }, N, C + 1, R_SCORES, 61,
    { inputs: [f32([1, N, 10], uniform(N * 10, 61, -3, 3)), f32([1, N, C + 1], R_SCORES), f32([N, 4], anchorsOf(N, 62), { constant: true })] }),

  // Cuts, padding and degenerate boxes.
  floatCase('score threshold above every score', { num_classes: C, max_detections: 5, nms_score_threshold: 1.5 }, N, C + 1, R_SCORES, 71),
  floatCase('regular, score threshold above every score', { num_classes: C, max_detections: 5, use_regular_nms: true, nms_score_threshold: 1.5 }, N, C + 1, R_SCORES, 72),
  paddedCase('fewer boxes than max_detections', { num_classes: C, max_detections: 60 }, N, C + 1, R_SCORES, 73),
  paddedCase('regular, fewer detections than max', { num_classes: C, max_detections: 60, use_regular_nms: true, detections_per_class: 2 }, N, C + 1, R_SCORES, 74),
  dp('zero-size anchors never suppress', { num_classes: 1, max_detections: 4 }, f32([1, 4, 4], new Array(16).fill(0)), f32([1, 4, 2], [0, 0.9, 0, 0.8, 0, 0.7, 0, 0.6]),
    f32([4, 4], [0.5, 0.5, 0, 0.2, 0.5, 0.5, 0.2, 0, 0.5, 0.5, 0.2, 0.2, 0.5, 0.5, 0.2, 0.2], { constant: true })),
  dp('options at their defaults (no detections_per_class / use_regular_nms)', null, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true }),
    { customOptions: { max_detections: 3, max_classes_per_detection: 1, nms_score_threshold: 0, nms_iou_threshold: 0.5, num_classes: 2, y_scale: 10, x_scale: 10, h_scale: 5, w_scale: 5 } }),
  dp('float-valued options (0.6 iou, 12.5 scale)', { nms_iou_threshold: 0.6, y_scale: 12.5, x_scale: 7.3, h_scale: 4.1, w_scale: 6.7, nms_score_threshold: 0.25 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true })),
  floatCase('NaN scores', { num_classes: C, max_detections: 6, max_classes_per_detection: 2 }, N, C + 1, R_SCORES.map((v, i) => (i % 7 === 3 ? NaN : v)), 75),

  // Outside TFLite (checked against the plain implementation): int8 inputs, and float/quantized mixes
  // TFLite rejects or misreads.
  referenced('int8 fast', { num_classes: 3, max_detections: 5 },
    q8('int8', [1, 12, 4], quantize(uniform(48, 81, -2, 2), 0.02, 0, -128, 127), 0.02, 0),
    q8('int8', [1, 12, 4], quantize(uniform(48, 82, 0, 1), 1 / 256, -128, -128, 127), 1 / 256, -128),
    qAnchors(12, 83, 'int8', -128)),
  referenced('int8 regular', { num_classes: 3, max_detections: 6, use_regular_nms: true, detections_per_class: 3 },
    q8('int8', [1, 12, 4], quantize(uniform(48, 84, -2, 2), 0.02, 0, -128, 127), 0.02, 0),
    q8('int8', [1, 12, 4], quantize(uniform(48, 85, 0, 1), 1 / 256, -128, -128, 127), 1 / 256, -128),
    qAnchors(12, 86, 'int8', -128)),
  referenced('float boxes with uint8 anchors', { num_classes: 3, max_detections: 5 }, f32([1, 12, 4], uniform(48, 87, -3, 3)), f32([1, 12, 4], uniform(48, 88, 0, 1)), qAnchors(12, 89)),
  referenced('regular, ties across classes', { num_classes: 3, max_detections: 7, use_regular_nms: true, detections_per_class: 4 }, f32([1, 12, 4], uniform(48, 90, -3, 3)), f32([1, 12, 4], levels(48, 91, 3)), f32([12, 4], anchorsOf(12, 92))),
  referenced('max_detections 0', { max_detections: 0 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS, { constant: true })),

  // Errors (prepare, except the decoded-box check).
  dp('error: num_classes does not match the scores', { num_classes: 4 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'num_classes' }),
  dp('error: num_classes 0', { num_classes: 0 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'num_classes' }),
  dp('error: fewer anchors than boxes', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([5, 4], T_ANCHORS.slice(0, 20)), { error: 'anchors' }),
  dp('error: anchors of 3 values', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([8, 3], T_ANCHORS), { error: 'anchors' }),
  dp('error: anchors rank 3', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([1, 6, 4], T_ANCHORS), { error: 'rank' }),
  dp('error: 3 values per box', {}, f32([1, 8, 3], T_BOXES), f32([1, 8, 3], T_SCORES.concat(new Array(6).fill(0))), f32([8, 4], T_ANCHORS.concat(new Array(8).fill(1))), { error: 'at least 4' }),
  dp('error: scores for another box count', {}, f32([1, 6, 4], T_BOXES), f32([1, 5, 3], T_SCORES.slice(0, 15)), f32([6, 4], T_ANCHORS), { error: 'do not match' }),
  dp('error: batch 2', {}, f32([2, 3, 4], T_BOXES), f32([2, 3, 3], T_SCORES), f32([3, 4], T_ANCHORS.slice(0, 12)), { error: 'batch' }),
  dp('error: iou threshold 0', { nms_iou_threshold: 0 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'nms_iou_threshold' }),
  dp('error: iou threshold 1.5', { nms_iou_threshold: 1.5 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'nms_iou_threshold' }),
  dp('error: max_classes_per_detection 0', { max_classes_per_detection: 0 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'max_classes_per_detection' }),
  dp('error: negative max_detections', { max_detections: -1 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'max_detections' }),
  dp('error: detection count overflows int32', { max_detections: 100000, max_classes_per_detection: 100000 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'overflows' }),
  dp('error: regular with max_detections 0', { use_regular_nms: true, max_detections: 0 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'max_detections' }),
  dp('error: regular with detections_per_class 0', { use_regular_nms: true, detections_per_class: 0 }, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { error: 'detections_per_class' }),
  dp('error: int32 scores', {}, f32([1, 6, 4], T_BOXES), { dtype: 'int32', shape: [1, 6, 3] }, f32([6, 4], T_ANCHORS), { error: 'int32' }),
  dp('error: uint8 scores without quantization', {}, f32([1, 6, 4], T_BOXES), { dtype: 'uint8', shape: [1, 6, 3] }, f32([6, 4], T_ANCHORS), { error: 'quantization' }),
  dp('error: no custom options', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { customOptions: undefined, error: 'custom options' }),
  dp('error: three outputs', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES), f32([6, 4], T_ANCHORS), { outputs: OUTS.slice(0, 3), error: '4 outputs' }),
  dp('error: negative anchor height gives an inverted box', {}, f32([1, 6, 4], T_BOXES), f32([1, 6, 3], T_SCORES),
    f32([6, 4], T_ANCHORS.map((v, i) => (i === 10 ? -1 : v))), { error: 'ymin > ymax' }),
];
