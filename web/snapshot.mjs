// Builds the worker's Pyodide memory snapshot in Node (run by web/build.py; never shipped).
//
//   node web/snapshot.mjs SPEC.json
//
// SPEC: {indexURL, key, out, warmup, wheels: [{path, name}]}: Pyodide's directory (from the npm
// package), the snapshot's key (wheel hashes + Pyodide version), where to write the raw
// snapshot, the Python warm-up script, and each wheel with the name the worker gives it.
//
// The snapshot is Pyodide's linear memory after `import engine`, the default rule set compiled and
// a warm-up: a worker that restores it skips starting Python, importing the engine and most of
// the pattern compiling. It holds memory, not files: the worker writes the same wheels back to
// the same /wheels/<name> paths after restoring (zipimport reads data files lazily from them).
// makeMemorySnapshot and _loadSnapshot are private API of the pinned Pyodide: build.py checks the
// version, and the end-to-end tests run the parity corpus on a restored worker.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const started = performance.now();
const { loadPyodide } = await import(pathToFileURL(`${spec.indexURL}/pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: spec.indexURL.endsWith('/') ? spec.indexURL : `${spec.indexURL}/`,
  _makeSnapshot: true,
  // Every restore shares this memory, hash seed included: fix it so builds are reproducible.
  env: { PYTHONHASHSEED: '0' },
  _sysExecutable: 'python',
  stdout: () => {},
});
pyodide.FS.mkdirTree('/wheels');
const names = spec.wheels.map((w) => `/wheels/${w.name}`);
spec.wheels.forEach((w, i) => pyodide.FS.writeFile(names[i], new Uint8Array(readFileSync(w.path))));
// A str, not a JS object: Python must hold no JS object in memory that a restore cannot rebuild.
pyodide.globals.set('SNAPSHOT_SPEC', JSON.stringify({ wheels: names, key: spec.key }));
const report = pyodide.runPython(readFileSync(spec.warmup, 'utf8'));
const bytes = pyodide.makeMemorySnapshot();
const tmp = `${spec.out}.tmp`;
writeFileSync(tmp, bytes);
renameSync(tmp, spec.out);
console.log(JSON.stringify({ ...JSON.parse(report), bytes: bytes.length, ms: Math.round(performance.now() - started) }));
