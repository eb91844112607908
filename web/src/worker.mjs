// contactguard's engine in a module Web Worker: Pyodide + the engine wheel + the published rules.
//
// Page -> worker: {id, op, ...} with op from operations.mjs (the one table of operations);
// worker -> page: {id, ok, result} or {id, ok: false, error, message}.
//   init {rulesUrl, timeoutMs, snapshot}: snapshot "auto" (default: "always", but "warm" with
//        Save-Data or a connection slower than 4g) | "always" | "warm" (only from the HTTP cache,
//        else fetched after the start for the next page) | "never"
//   scan {..., quick?}: quick marks a keystroke: re-scan only around the edit (incremental.mjs);
//        the verdict's `scope` says which: "full" or "window"
// Unprompted: {type: "status", status: "loading" | "ready" | "failed" | "mismatch", ...} and
//             {type: "rules", fingerprint, version, ...} after the published rules changed.
import { ENGINE_VERSION, PYODIDE_DIR, SNAPSHOT, WHEELS } from './bundle.mjs';
import { quickScan } from './incremental.mjs';
import { BRIDGE_OPS, OPS } from './operations.mjs';

const DIST = new URL('../../', import.meta.url);
const REVALIDATE_MS = 60_000;

let bridge = null;        // engine.bridge.handle, once Pyodide is up
let rulesUrl = null;
let etag = null;          // the ETag of the rules we loaded
let rules = null;         // {version, fingerprint, engine_version, document}
let ready = null;         // Promise of the boot
let reloading = null;     // Promise of an in-progress rules reload
let lastScan = null;      // {key, text, verdict}: the base of the next quick scan

function post(message) {
  self.postMessage(message);
}

function call(op, payload) {
  const reply = JSON.parse(bridge(JSON.stringify({ op, ...payload })));
  if (!reply.ok) {
    const error = new Error(reply.message);
    error.code = reply.error;
    error.path = reply.path;
    throw error;
  }
  return reply.result;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

// The published rules, revalidated by ETag; null when unchanged.
async function fetchRules() {
  const headers = { Accept: 'application/json' };
  if (etag) headers['If-None-Match'] = etag;
  const response = await fetch(rulesUrl, { headers, cache: 'no-store', credentials: 'same-origin' });
  if (response.status === 304) return null;
  if (!response.ok) throw new Error(`${rulesUrl}: HTTP ${response.status}`);
  const body = await response.json();
  body.etag = response.headers.get('ETag');
  return body;
}

function rulesSummary(body) {
  const doc = body.document || {};
  return {
    fingerprint: body.fingerprint,
    version: body.version,
    server_engine_version: body.engine_version,
    exception_reasons: doc.exception_reasons || [],
    messages: doc.messages || {},
  };
}

function install(body) {
  const info = call('load_rules', { doc: body.document });
  if (body.fingerprint && info.fingerprint !== body.fingerprint) {
    // Same document, different fingerprint: the engines disagree; the server's word wins.
    throw new Error(`rules fingerprint ${info.fingerprint} differs from the server's ${body.fingerprint}`);
  }
  rules = body;
  etag = body.etag || `"${body.fingerprint}"`;
}

// The snapshot's bytes, or null when the page asked for none (or for a warm cache only and the
// HTTP cache does not have it). Flask sends the .gz with Content-Encoding, so the browser
// inflates it; a server that sends the gzip bytes as they are is handled here.
async function snapshotBytes(url, mode) {
  let response;
  if (mode === 'warm') {
    try {
      response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
    } catch {
      return null;   // not in the cache: this start is a normal one, the next one will be fast
    }
    if (!response.ok) return null;
  } else {
    response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  }
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  }
  return bytes;
}

// Refuse a snapshot that is not the one this build made (truncated, corrupt, another build):
// Pyodide may fail late or hang on one. Its key is checked after the restore.
function checkSnapshot(bytes) {
  if (bytes.length !== SNAPSHOT.size) throw new Error(`it has ${bytes.length} bytes, not ${SNAPSHOT.size}`);
  const head = Array.from(bytes.subarray(0, SNAPSHOT.head.length / 2), (b) => b.toString(16).padStart(2, '0')).join('');
  if (head !== SNAPSHOT.head) throw new Error('its header differs from this build\'s');
}

// "auto": the snapshot adds 6.7 MB to a cold load and saves the normal start (2 s on a 2-core
// desktop, more on a phone): worth it on a fast connection, not on a slow or metered one.
function snapshotMode(option) {
  if (option && option !== 'auto') return option;
  const connection = self.navigator.connection;
  if (connection && (connection.saveData || (connection.effectiveType && connection.effectiveType !== '4g'))) {
    return 'warm';
  }
  return 'always';
}

// Pyodide restored from the snapshot when there is a good one, else started the normal way.
// Either way the wheels end up at /wheels/<name> on sys.path: a snapshot holds memory, not files.
async function startPython(options, wheelBytes) {
  const indexURL = new URL(PYODIDE_DIR, DIST).href;
  const { loadPyodide } = await import(new URL('pyodide.mjs', indexURL).href);
  const base = { indexURL, lockFileURL: new URL('pyodide-lock.json', indexURL).href, stdout: () => {} };
  const names = WHEELS.map((path) => `/wheels/${path.split('/').pop()}`);
  let wheelsMs = 0;
  const writeWheels = async (pyodide) => {
    const all = await Promise.all(wheelBytes);
    const at = performance.now();
    pyodide.FS.mkdirTree('/wheels');
    all.forEach((bytes, i) => pyodide.FS.writeFile(names[i], new Uint8Array(bytes)));
    wheelsMs = performance.now() - at;
  };
  const mode = snapshotMode(options.snapshot);
  let note = SNAPSHOT ? `not used (snapshot: "${mode}")` : 'none in this build';
  if (SNAPSHOT && mode !== 'never') {
    const url = new URL(SNAPSHOT.path, DIST).href;
    try {
      const fetchedAt = performance.now();
      const bytes = await snapshotBytes(url, mode);
      if (bytes === null) {
        note = 'not in the HTTP cache';
        // Fill the cache once this start is over, for the next page (unless the user saves data).
        if (!(self.navigator.connection && self.navigator.connection.saveData)) {
          prefetch = () => fetch(url, { priority: 'low' }).then((r) => r.arrayBuffer()).catch(() => {});
        }
      } else {
        const restoreAt = performance.now();
        checkSnapshot(bytes);
        // A restore that never ends must not cost the normal start its whole time budget.
        const pyodide = await withTimeout(loadPyodide({ ...base, _loadSnapshot: bytes }),
          (options.timeoutMs || 20_000) / 2, 'restoring the snapshot');
        // The key says which wheels the snapshot's code came from; other wheels would mix old
        // code with new data files. bundle.mjs names the key of this build's wheels.
        const key = pyodide.globals.get('SNAPSHOT_KEY');
        if (key !== SNAPSHOT.key) throw new Error(`it is stale (key ${key}, this build's ${SNAPSHOT.key})`);
        await writeWheels(pyodide);
        return { pyodide, boot: 'snapshot', note: 'restored', snapshot_fetch_ms: restoreAt - fetchedAt,
          wheels_ms: wheelsMs };
      }
    } catch (error) {
      note = `failed: ${error && error.message}`;
      console.warn(`contactguard: the Pyodide memory snapshot could not be used (${error && error.message}); `
        + 'starting Pyodide the normal way');
    }
  }
  const pyodide = await loadPyodide(base);
  await writeWheels(pyodide);
  // Pure-Python wheels are zip files Python can import from directly (zipimport): putting them
  // on sys.path skips unpacking hundreds of phonenumbers metadata files, and only the
  // modules the engine uses are ever read.
  pyodide.runPython(`import importlib, sys; sys.path[:0] = ${JSON.stringify(names)}; importlib.invalidate_caches()`);
  return { pyodide, boot: 'normal', note, wheels_ms: wheelsMs };
}

let prefetch = null;      // fills the HTTP cache with the snapshot after a start without it

async function boot(options) {
  rulesUrl = new URL(options.rulesUrl || '/api/rules/current', self.location.href).href;
  const started = performance.now();
  post({ type: 'status', status: 'loading' });
  // Start every download at once: Pyodide, the wheels and the rules do not depend on each other.
  const wheelBytes = WHEELS.map((path) => fetchBytes(new URL(path, DIST).href));
  const rulesBody = fetchRules();
  const { pyodide, boot: how, note, snapshot_fetch_ms: snapshotMs, wheels_ms: wheelsMs } = await withTimeout(
    startPython(options, wheelBytes), options.timeoutMs || 20_000, 'loading Pyodide');
  const unpackedAt = performance.now();
  const handle = pyodide.pyimport('engine.bridge').handle;
  bridge = (text) => handle(text);
  const info = call('info', {});
  const importedAt = performance.now();
  const body = await rulesBody;
  if (body === null) throw new Error('the rules answered 304 to a first request');
  const timings = { pyodide_ms: unpackedAt - started, import_ms: importedAt - unpackedAt, rules_ms: 0, total_ms: 0,
    boot: how, snapshot: note, snapshot_fetch_ms: snapshotMs ?? null, wheels_ms: wheelsMs };
  if (info.engine_version !== ENGINE_VERSION) {
    throw new Error(`bundle says engine ${ENGINE_VERSION}, wheel says ${info.engine_version}`);
  }
  if (body.engine_version && body.engine_version !== info.engine_version) {
    timings.total_ms = performance.now() - started;
    post({ type: 'status', status: 'mismatch', engine_version: info.engine_version, ...rulesSummary(body), timings });
    return { mismatch: true };
  }
  const rulesAt = performance.now();
  install(body);
  timings.rules_ms = performance.now() - rulesAt;
  timings.total_ms = performance.now() - started;
  post({ type: 'status', status: 'ready', engine_version: info.engine_version, boot: how, ...rulesSummary(body),
    timings });
  setInterval(() => { revalidate().catch(() => {}); }, options.revalidateMs || REVALIDATE_MS);
  if (prefetch) setTimeout(prefetch, 1_000);
  return { mismatch: false };
}

// Fetch the rules if they changed; a new engine version on the server means we step aside.
function revalidate() {
  if (!reloading) {
    reloading = (async () => {
      const body = await fetchRules();
      if (body === null) return { changed: false, fingerprint: rules.fingerprint };
      if (body.engine_version && body.engine_version !== ENGINE_VERSION) {
        post({ type: 'status', status: 'mismatch', engine_version: ENGINE_VERSION, ...rulesSummary(body) });
        return { changed: true, fingerprint: body.fingerprint, mismatch: true };
      }
      const changed = !rules || body.fingerprint !== rules.fingerprint;
      install(body);
      if (changed) post({ type: 'rules', ...rulesSummary(body) });
      return { changed, fingerprint: body.fingerprint };
    })().finally(() => { reloading = null; });
  }
  return reloading;
}

// A composer's check: a window around the edit for a keystroke when the last verdict allows
// it (same history, state and rules), else the whole text. Drafts are always scanned whole.
function scan(msg) {
  const request = { text: msg.text, history: msg.history || [], state: msg.state || 'inquiry',
    fingerprint: msg.fingerprint || null };
  if (request.fingerprint) return { ...call('scan', request), scope: 'full' };
  const key = JSON.stringify([request.history, request.state, rules.fingerprint]);
  const actions = (rules.document.actions || {})[request.state] || {};
  let quick = { reason: msg.quick ? 'new history, state or rules' : 'exact check' };
  if (msg.quick && lastScan && lastScan.key === key) {
    quick = quickScan(lastScan, request,
      (text, history) => call('scan', { text, history, state: request.state, fingerprint: null }),
      (category) => actions[category] || 'allow');
  }
  const verdict = quick.verdict || { ...call('scan', request), scope: 'full', why: quick.reason };
  lastScan = { key, text: request.text, verdict };
  return verdict;
}

async function handleMessage(msg) {
  if (msg.op === OPS.init) {
    if (!ready) ready = boot(msg);
    return ready.then(() => ({ engine_version: ENGINE_VERSION }));
  }
  if (!ready) throw new Error('the worker was not initialised');
  const boot_ = await ready;
  if (boot_.mismatch) throw Object.assign(new Error('engine version differs from the server'), { code: 'mismatch' });
  if (reloading) await reloading;   // never check with rules we already know are stale
  if (msg.op === OPS.scan) return scan(msg);  // windowed on keystrokes, see scan() above
  if (BRIDGE_OPS.has(msg.op)) return call(msg.op, msg);
  switch (msg.op) {
    case OPS.revalidate:
      return revalidate();
    case OPS.expect:
      if (msg.fingerprint && msg.fingerprint !== rules.fingerprint) return revalidate();
      return { changed: false, fingerprint: rules.fingerprint };
    default:
      throw new Error(`unknown op ${msg.op}`);
  }
}

self.onmessage = (event) => {
  const msg = event.data || {};
  handleMessage(msg).then(
    (result) => post({ id: msg.id, ok: true, result }),
    (error) => {
      if (msg.op === OPS.init) post({ type: 'status', status: 'failed', message: String(error && error.message) });
      post({ id: msg.id, ok: false, error: error.code || 'error', path: error.path, message: String(error.message) });
    },
  );
};
