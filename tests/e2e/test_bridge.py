"""engine.bridge, the worker's door into the engine, run in CPython (no browser needed)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from engine import Detector, RuleSet, __version__, bridge
from engine.rules import default_document


def call(op: str, **payload) -> dict:
    return json.loads(bridge.handle(json.dumps({"op": op, **payload})))


def test_load_rules_then_scan_matches_the_detector():
    doc = default_document()
    info = call("load_rules", doc=doc)
    assert info == {"ok": True, "result": {"fingerprint": RuleSet.from_dict(doc).fingerprint,
                                           "engine_version": __version__}}
    text = "call me on +44 20 7946 0958"
    reply = call("scan", text=text, history=[], state="inquiry")
    assert reply["ok"]
    want = Detector(RuleSet.from_dict(doc)).scan(text, history=[], state="inquiry").to_dict()
    assert reply["result"] == {**want, "engine_version": __version__}


def test_drafts_are_compiled_by_fingerprint_without_replacing_the_current_rules():
    published = default_document()
    current = call("load_rules", doc=published)["result"]["fingerprint"]
    draft = default_document()
    draft["extra_rules"] = [{"id": "no-owl", "category": "social", "kind": "phrase", "value": "homing owl"}]
    fingerprint = call("compile_rules", doc=draft)["result"]["fingerprint"]
    assert fingerprint != current
    with_draft = call("scan", text="by homing owl", fingerprint=fingerprint)["result"]
    assert [f["match"] for f in with_draft["findings"]] == ["homing owl"]
    assert call("scan", text="by homing owl")["result"]["findings"] == []
    for i in range(bridge.CACHE_SIZE + 2):  # many drafts later the current rules are still compiled
        draft["extra_rules"][0]["value"] = f"owl number {i}"
        call("compile_rules", doc=draft)
    assert call("info")["result"]["fingerprint"] == current
    assert call("scan", text="hello")["ok"]


@pytest.mark.parametrize(("op", "payload", "error"), [
    ("load_rules", {"doc": {"schema_version": 99}}, "invalid_rules"),
    ("scan", {"text": "hi", "fingerprint": "0" * 64}, "bad_request"),
    ("scan", {"text": "hi", "state": "limbo"}, "bad_request"),
    ("scan", {"text": 42}, "bad_request"),
    ("explode", {}, "bad_request"),
])
def test_bad_requests_answer_an_error_instead_of_raising(op, payload, error):
    call("load_rules", doc=default_document())
    reply = call(op, **payload)
    assert reply["ok"] is False and reply["error"] == error and reply["message"]


def test_the_bridge_imports_neither_js_nor_pyodide():
    tree = ast.parse(Path(bridge.__file__).read_text())
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not names & {"js", "pyodide", "pyodide_js"}
