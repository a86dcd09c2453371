// Bootstrap for LiteRT.js pthread workers under Node.js worker_threads (the threaded build).
// The Emscripten glue lives in a "type":"module" package, so Node would load it as ESM in a
// Worker and `require` would be missing; this CommonJS file evaluates it as a classic script.
// Same approach as ../../shared/tools/oracle/litert-pthread-worker.cjs.
'use strict';
const fs = require('node:fs');
const vm = require('node:vm');
const path = require('node:path');
const glue = process.env.LITERT_GLUE_JS;
if (!glue) throw new Error('LITERT_GLUE_JS not set');
globalThis.require = require;
globalThis.__filename = glue;
globalThis.__dirname = path.dirname(glue);
if (!globalThis.navigator) globalThis.navigator = { hardwareConcurrency: require('node:os').availableParallelism() };
vm.runInThisContext(fs.readFileSync(glue, 'utf8'), { filename: glue });
