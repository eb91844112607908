// The page's side of the engine: a Promise API over the worker, with the server as fallback.
//
//   const client = new EngineClient().start();      // at page load, not at the first keystroke
//   const {verdict, source} = await client.check({text, history, state, conversationId});
//
// `source` is "worker" (in-browser, per keystroke) or "server" (POST /api/check): used until
// the worker is ready, and for good if Pyodide cannot load, hangs, or runs another engine version.

import { OPS } from './operations.mjs';

const DEFAULTS = {
  rulesUrl: '/api/rules/current',
  checkUrl: '/api/check',
  timeoutMs: 20_000,      // Pyodide hangs rather than fails on some misconfigurations
  revalidateMs: 60_000,   // how often the worker asks whether the published rules changed
  // The worker's Pyodide memory snapshot (6.7 MB gzipped): "always" fetches it on every start;
  // "warm" restores it only from the HTTP cache, else starts the normal way and fetches it after,
  // for the next page (a cold load costs no extra bytes); "auto" is "always" unless the browser
  // says Save-Data or a connection slower than 4g, then "warm"; "never".
  snapshot: 'auto',
};

/** The CSRF token the server put in <meta name="csrf-token">, if any. */
export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

/** fetch() for the JSON API: same-origin cookies, CSRF header, JSON body. */
export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRFToken': csrfToken() },
    body: JSON.stringify(body),
  });
  let payload = null;
  try { payload = await response.json(); } catch { payload = null; }
  return { response, payload };
}

export class EngineClient extends EventTarget {
  /** Options: rulesUrl, checkUrl, timeoutMs, revalidateMs, snapshot, workerUrl. */
  constructor(options = {}) {
    super();
    this.options = { ...DEFAULTS, ...options };
    this.mode = 'loading';     // "loading" | "worker" | "server"
    this.reason = '';          // why we are on the server, when we are
    this.info = {};            // engine and rules facts from the worker (or the server)
    this.worker = null;
    this._nextId = 1;
    this._pending = new Map();
    this._timer = null;
    this.ready = new Promise((resolve) => { this._resolveReady = resolve; });
  }

  /** Start the worker now; returns this. */
  start() {
    if (this.worker || this.mode === 'server') return this;
    const url = this.options.workerUrl || new URL('./worker.mjs', import.meta.url);
    try {
      this.worker = new Worker(url, { type: 'module', name: 'contactguard-engine' });
    } catch (error) {
      this._fallBack(`the engine worker could not start (${error.message})`);
      return this;
    }
    this.worker.onmessage = (event) => this._onMessage(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this._fallBack('the engine worker failed to load');
    };
    // The worker has its own timeout around Pyodide; this one also covers a worker that never answers.
    this._timer = setTimeout(() => {
      if (this.mode === 'loading') this._fallBack('the in-browser engine took too long to load');
    }, this.options.timeoutMs + 5_000);
    this._request({ op: OPS.init, rulesUrl: this.options.rulesUrl, timeoutMs: this.options.timeoutMs,
      revalidateMs: this.options.revalidateMs, snapshot: this.options.snapshot }).catch(() => {});
    const revalidate = () => { if (document.visibilityState !== 'hidden') this.revalidate(); };
    window.addEventListener('focus', revalidate);
    document.addEventListener('visibilitychange', revalidate);
    return this;
  }

  /** A verdict for one message: {verdict, source}. Never waits for Pyodide.
   *  quick: a keystroke's check; the worker may re-scan only around the edit (verdict.scope "window"). */
  async check({ text, history = [], state = 'inquiry', conversationId = null, quick = false }) {
    const started = performance.now();
    if (this.mode === 'worker') {
      try {
        const verdict = await this._request({ op: OPS.scan, text, history, state, quick });
        return { verdict, source: 'worker', ms: performance.now() - started };
      } catch (error) {
        if (error.code !== 'mismatch') throw error;
      }
    }
    const verdict = await this.checkOnServer({ text, history, state, conversationId });
    return { verdict, source: 'server', ms: performance.now() - started };
  }

  /** POST /api/check; the reply's fingerprint keeps the worker's rules honest. */
  async checkOnServer({ text, history = [], state = 'inquiry', conversationId = null }) {
    const body = { text, history, state };
    if (conversationId !== null && conversationId !== undefined && conversationId !== '') {
      body.conversation_id = Number.isNaN(Number(conversationId)) ? conversationId : Number(conversationId);
    }
    const { response, payload } = await postJson(this.options.checkUrl, body);
    if (!response.ok || !payload) {
      const error = new Error((payload && payload.message) || `check failed: HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    this.noteServerFingerprint(response.headers.get('X-Rules-Fingerprint') || payload.fingerprint);
    return payload;
  }

  /** Verdicts for many messages in one worker round trip (the parity test uses it). */
  scanMany(requests) {
    return this._request({ op: OPS.scan_many, requests });
  }

  /** Validate and compile a draft rule set in the worker; resolves to {fingerprint} or rejects with .path. */
  compile(doc) {
    return this._request({ op: OPS.compile_rules, doc });
  }

  /** A verdict with a compiled draft (see compile), for the playground. */
  scanDraft(fingerprint, { text, history = [], state = 'inquiry' }) {
    return this._request({ op: OPS.scan, text, history, state, fingerprint });
  }

  /** Ask the worker to revalidate the published rules by ETag. */
  revalidate() {
    if (this.mode !== 'worker') return Promise.resolve(null);
    return this._request({ op: OPS.revalidate }).catch(() => null);
  }

  /** Every server reply names its rules; if they differ from the worker's, the worker reloads. */
  noteServerFingerprint(fingerprint) {
    if (!fingerprint) return Promise.resolve(null);
    if (this.mode !== 'worker') {
      // Checks go to the server, which has the new rules already: the widgets just judge again.
      const changed = Boolean(this.info.fingerprint) && fingerprint !== this.info.fingerprint;
      this.info.fingerprint = fingerprint;
      if (changed) this.dispatchEvent(new CustomEvent('rules', { detail: { fingerprint } }));
      return Promise.resolve(null);
    }
    if (fingerprint === this.info.fingerprint) return Promise.resolve(null);
    return this._request({ op: OPS.expect, fingerprint }).catch(() => null);
  }

  /** Rule set facts for the widget: exception reasons, messages (loaded from the server in fallback). */
  async rulesInfo() {
    if (this.info.exception_reasons) return this.info;
    try {
      const response = await fetch(this.options.rulesUrl, { credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) {
        const body = await response.json();
        const doc = body.document || {};
        Object.assign(this.info, {
          fingerprint: this.info.fingerprint || body.fingerprint, version: body.version,
          server_engine_version: body.engine_version,
          exception_reasons: doc.exception_reasons || [], messages: doc.messages || {},
        });
      }
    } catch { /* the widget works without them */ }
    return this.info;
  }

  _request(message) {
    if (!this.worker) return Promise.reject(new Error('no engine worker'));
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  _onMessage(msg) {
    if (msg.type === 'status') {
      if (msg.status === 'ready') {
        clearTimeout(this._timer);
        Object.assign(this.info, msg);
        this._setMode('worker', '');
      } else if (msg.status === 'failed') {
        this._fallBack(`the in-browser engine could not load (${msg.message})`);
      } else if (msg.status === 'mismatch') {
        Object.assign(this.info, msg);
        this._fallBack(`the server runs engine ${msg.server_engine_version}, this page has ${msg.engine_version}`);
      }
      return;
    }
    if (msg.type === 'rules') {
      Object.assign(this.info, msg);
      this.dispatchEvent(new CustomEvent('rules', { detail: msg }));
      return;
    }
    const pending = this._pending.get(msg.id);
    if (!pending) return;
    this._pending.delete(msg.id);
    if (msg.ok) pending.resolve(msg.result);
    else pending.reject(Object.assign(new Error(msg.message), { code: msg.error, path: msg.path }));
  }

  _fallBack(reason) {
    clearTimeout(this._timer);
    if (this.mode === 'server') return;
    this.reason = reason;
    for (const { reject } of this._pending.values()) {
      reject(Object.assign(new Error(reason), { code: 'mismatch' }));
    }
    this._pending.clear();
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this._setMode('server', reason);
  }

  _setMode(mode, reason) {
    this.mode = mode;
    this.reason = reason;
    if (mode === 'worker') this._resolveReady(true);
    if (mode === 'server') this._resolveReady(false);
    this.dispatchEvent(new CustomEvent('status', { detail: { mode, reason, info: this.info } }));
  }
}
