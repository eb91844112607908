// contactguard's engine in a module Web Worker: Pyodide + the engine wheel + the published rules.
//
// Page -> worker: {id, op, ...} with op from operations.mjs (the one table of operations);
// worker -> page: {id, ok, result} or {id, ok: false, error, message}.
// Unprompted: {type: "status", status: "loading" | "ready" | "failed" | "mismatch", ...} and
//             {type: "rules", fingerprint, version, ...} after the published rules changed.
import { ENGINE_VERSION, PYODIDE_DIR, WHEELS } from './bundle.mjs';
import { BRIDGE_OPS, OPS } from './operations.mjs';

const DIST = new URL('../../', import.meta.url);
const REVALIDATE_MS = 60_000;

let bridge = null;        // engine.bridge.handle, once Pyodide is up
let rulesUrl = null;
let etag = null;          // the ETag of the rules we loaded
let rules = null;         // {version, fingerprint, engine_version, document}
let ready = null;         // Promise of the boot
let reloading = null;     // Promise of an in-progress rules reload

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

async function boot(options) {
  rulesUrl = new URL(options.rulesUrl || '/api/rules/current', self.location.href).href;
  const started = performance.now();
  post({ type: 'status', status: 'loading' });
  const indexURL = new URL(PYODIDE_DIR, DIST).href;
  // Start every download at once: Pyodide, the wheels and the rules do not depend on each other.
  const wheelBytes = WHEELS.map((path) => fetchBytes(new URL(path, DIST).href));
  const rulesBody = fetchRules();
  const pyodide = await withTimeout((async () => {
    const { loadPyodide } = await import(new URL('pyodide.mjs', indexURL).href);
    return loadPyodide({ indexURL, lockFileURL: new URL('pyodide-lock.json', indexURL).href, stdout: () => {} });
  })(), options.timeoutMs || 20_000, 'loading Pyodide');
  const loadedAt = performance.now();
  // Pure-Python wheels are zip files Python can import from directly (zipimport): putting them
  // on sys.path skips unpacking hundreds of phonenumbers metadata files, and only the
  // modules the engine uses are ever read.
  pyodide.FS.mkdirTree('/wheels');
  const names = WHEELS.map((path) => `/wheels/${path.split('/').pop()}`);
  (await Promise.all(wheelBytes)).forEach((bytes, i) => pyodide.FS.writeFile(names[i], new Uint8Array(bytes)));
  pyodide.runPython(`import importlib, sys; sys.path[:0] = ${JSON.stringify(names)}; importlib.invalidate_caches()`);
  const unpackedAt = performance.now();
  const handle = pyodide.pyimport('engine.bridge').handle;
  bridge = (text) => handle(text);
  const info = call('info', {});
  const importedAt = performance.now();
  const body = await rulesBody;
  if (body === null) throw new Error('the rules answered 304 to a first request');
  const timings = { pyodide_ms: loadedAt - started, wheels_ms: unpackedAt - loadedAt,
    import_ms: importedAt - unpackedAt, rules_ms: 0, total_ms: 0 };
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
  post({ type: 'status', status: 'ready', engine_version: info.engine_version, ...rulesSummary(body), timings });
  setInterval(() => { revalidate().catch(() => {}); }, options.revalidateMs || REVALIDATE_MS);
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

async function handleMessage(msg) {
  if (msg.op === OPS.init) {
    if (!ready) ready = boot(msg);
    return ready.then(() => ({ engine_version: ENGINE_VERSION }));
  }
  if (!ready) throw new Error('the worker was not initialised');
  const boot_ = await ready;
  if (boot_.mismatch) throw Object.assign(new Error('engine version differs from the server'), { code: 'mismatch' });
  if (reloading) await reloading;   // never check with rules we already know are stale
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
