"""The browser worker's door into the engine: plain JSON in, plain JSON out.

The Web Worker (web/src/worker.mjs) calls `handle(request_json)` and parses the JSON text it
returns, so no Python object ever crosses into JavaScript and nothing needs destroying.
This module imports neither `js` nor `pyodide`: CPython runs it unchanged, which is how the
tests check that the browser and the server reach the same verdict.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

from engine import Detector, RuleSet, RuleSetError, __version__

CACHE_SIZE = 4
"""Compiled detectors kept by fingerprint: the published rules plus a few playground drafts."""

_detectors: OrderedDict[str, Detector] = OrderedDict()
_current: str | None = None


def engine_info() -> dict:
    """The engine version and the fingerprint of the rules loaded as current (if any)."""
    return {"engine_version": __version__, "fingerprint": _current}


def _as_dict(value: str | dict) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _remember(rules: RuleSet) -> Detector:
    detector = _detectors.get(rules.fingerprint)
    if detector is None:
        detector = Detector(rules)
        _detectors[rules.fingerprint] = detector
    _detectors.move_to_end(rules.fingerprint)
    while len(_detectors) > CACHE_SIZE:
        oldest = next(iter(_detectors))
        if oldest == _current:
            _detectors.move_to_end(oldest)
            oldest = next(iter(_detectors))
        del _detectors[oldest]
    return detector


def compile_rules(doc: str | dict) -> dict:
    """Validate and compile a rule set document without making it current (playground drafts)."""
    rules = RuleSet.from_dict(_as_dict(doc))
    _remember(rules)
    return {"fingerprint": rules.fingerprint, "engine_version": __version__}


def load_rules(doc: str | dict) -> dict:
    """Validate, compile and make current a rule set document; returns its fingerprint."""
    global _current
    info = compile_rules(doc)
    _current = info["fingerprint"]
    return info


def scan(request: str | dict) -> dict:
    """Verdict for `{text, history?, state?, fingerprint?}` with the engine version added.

    `fingerprint` picks a compiled rule set (a playground draft); without it the current one.
    """
    req = _as_dict(request)
    fingerprint = req.get("fingerprint") or _current
    if fingerprint is None:
        raise LookupError("no rule set loaded")
    detector = _detectors.get(fingerprint)
    if detector is None:
        raise LookupError(f"rule set {fingerprint} is not loaded")
    verdict = detector.scan(req["text"], history=req.get("history") or [], state=req.get("state") or "inquiry")
    out = verdict.to_dict()
    out["engine_version"] = __version__
    return out


def handle(request_json: str) -> str:
    """One worker request as JSON text -> `{"ok": true, "result": ...}` or `{"ok": false, ...}`.

    Operations: `info`, `load_rules` (`doc`), `compile_rules` (`doc`), `scan` (the scan
    request), `scan_many` (`requests`: a list of scan requests).
    """
    try:
        req = json.loads(request_json)
        op = req.get("op")
        if op == "scan":
            result: Any = scan(req)
        elif op == "scan_many":
            result = [scan(r) for r in req["requests"]]
        elif op == "load_rules":
            result = load_rules(req["doc"])
        elif op == "compile_rules":
            result = compile_rules(req["doc"])
        elif op == "info":
            result = engine_info()
        else:
            return json.dumps({"ok": False, "error": "bad_request", "message": f"unknown op {op!r}"})
    except RuleSetError as exc:
        return json.dumps({"ok": False, "error": "invalid_rules", "path": exc.path, "message": exc.reason})
    except (LookupError, TypeError, ValueError) as exc:
        return json.dumps({"ok": False, "error": "bad_request", "message": str(exc)})
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False)
