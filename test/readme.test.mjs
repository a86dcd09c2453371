// The README's supported-ops table is generated from the kernel registry and must be current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { renderReadme } from '../scripts/gen-ops-table.mjs';

test('README ops table matches the registry (run scripts/gen-ops-table.mjs)', () => {
  const file = path.join(import.meta.dirname, '../README.md');
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(renderReadme(text), text);
});
