// The one table of requests a page may send the engine worker: {id, op, ...fields}.
// Operations the worker forwards to the engine's bridge (engine/bridge.py `handle`) carry the
// bridge's own name, so a name never changes on its way from the page to Python.
export const OPS = Object.freeze({
  init: 'init',                   // {rulesUrl, timeoutMs}: boot once (the page sends it right after creating the worker)
  scan: 'scan',                   // bridge: {text, history?, state?, fingerprint?} -> a verdict
  scan_many: 'scan_many',         // bridge: {requests: [...]} -> many verdicts in one round trip
  compile_rules: 'compile_rules', // bridge: {doc} -> {fingerprint}: validate and compile a draft rule set
  revalidate: 'revalidate',       // {}: ask the server whether the published rules changed (ETag)
  expect: 'expect',               // {fingerprint}: the server's rules have this fingerprint; reload if ours differ
});

// The operations the worker hands to the bridge unchanged.
export const BRIDGE_OPS = new Set([OPS.scan, OPS.scan_many, OPS.compile_rules]);
