#!/usr/bin/env node
// Rewrites the supported-ops table in README.md (between the ops-table markers) from the kernel registry.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_KERNELS } from '../dist/kernels/builtin_ops.js';
import { MEDIAPIPE_OPS } from '../dist/mediapipe/index.js';
import { TFLITE_CUSTOM_OPS } from '../dist/kernels/custom/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export function opsTable() {
  const names = Object.keys(BUILTIN_KERNELS).sort();
  const rows = [];
  for (let i = 0; i < names.length; i += 6) rows.push(`| ${names.slice(i, i + 6).map((n) => `\`${n}\``).join(' | ')} |`);
  const width = Math.min(6, names.length);
  return [
    `${names.length} builtin ops (reference tier, float32 and the integer types each op takes):`,
    '',
    `|${' |'.repeat(width)}`,
    `|${'---|'.repeat(width)}`,
    ...rows,
    '',
    `TFLite custom ops (in the builtin resolver): ${Object.keys(TFLITE_CUSTOM_OPS).map((n) => `\`${n}\``).join(', ')}.`,
    '',
    `MediaPipe custom ops (\`import { registerMediaPipeOps } from 'tflite-ts/mediapipe'\`): ${Object.keys(MEDIAPIPE_OPS).sort().map((n) => `\`${n}\``).join(', ')}.`,
  ].join('\n');
}

const BEGIN = '<!-- ops-table:begin (scripts/gen-ops-table.mjs) -->';
const END = '<!-- ops-table:end -->';
export function renderReadme(text) {
  const a = text.indexOf(BEGIN), b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md lacks the ops-table markers');
  return `${text.slice(0, a + BEGIN.length)}\n${opsTable()}\n${text.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = path.join(root, 'README.md');
  fs.writeFileSync(file, renderReadme(fs.readFileSync(file, 'utf8')));
  console.error('README.md ops table updated');
}
