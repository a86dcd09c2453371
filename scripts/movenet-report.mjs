#!/usr/bin/env node
// Runs MoveNet Lightning (int8 PTQ) on ../shared/images/squat.bmp (plain bilinear resize to 192×192)
// and prints how far its keypoints land from Coral's reference CSV.
import fs from 'node:fs';
import path from 'node:path';
import { Interpreter } from '../dist/index.js';
import { decodeImage, resizeBilinear } from '../dist/tasks/index.js';

const shared = path.resolve(import.meta.dirname, '../../shared');
const model = path.join(shared, 'models/coral/movenet_single_pose_lightning_ptq.tflite');
// CSV columns: pose_id, pose_score, keypoint_id, keypoint_score, keypoint_x, keypoint_y.
const csv = fs.readFileSync(model.replace('.tflite', '_reference.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
const it = new Interpreter(fs.readFileSync(model));
it.allocateTensors();
const input = it.getInputDetails()[0];
const [, h, w] = input.shape;
const image = await decodeImage(new Uint8Array(fs.readFileSync(path.join(shared, 'images/squat.bmp'))));
// --legacy: TF1's resize (no half-pixel centers), as some reference pipelines do.
const legacy = process.argv.includes('--legacy');
const pixels = resizeBilinear(image, h, w, { channels: 3, halfPixelCenters: !legacy });
it.setTensor(input.index, Uint8Array.from(pixels, (v) => Math.max(0, Math.min(255, Math.round(v)))));
it.invoke();
const out = it.getTensor(it.getOutputDetails()[0].index); // [1,1,17,3]: y, x, score
let maxDx = 0, maxDy = 0, sumD = 0;
const rows = [];
for (let k = 0; k < 17; k++) {
  const [y, x, s] = [out[3 * k], out[3 * k + 1], out[3 * k + 2]];
  const ref = csv[k];
  const [rx, ry] = [ref[4], ref[5]];
  const dx = Math.abs(x - rx), dy = Math.abs(y - ry);
  maxDx = Math.max(maxDx, dx); maxDy = Math.max(maxDy, dy); sumD += Math.hypot(dx, dy);
  rows.push(`${String(k).padStart(2)}  x ${x.toFixed(4)} (ref ${rx.toFixed(4)})  y ${y.toFixed(4)} (ref ${ry.toFixed(4)})  score ${s.toFixed(3)}`);
}
console.log(rows.join('\n'));
console.log(`max |dx| ${maxDx.toFixed(4)}, max |dy| ${maxDy.toFixed(4)}, mean distance ${(sumD / 17).toFixed(4)} (normalized image coordinates)`);
