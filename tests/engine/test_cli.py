"""`python -m engine scan`: the JSON Lines contract, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.rules import default_document

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_scan_follows_the_contract():
    lines = [
        {"id": 1, "text": "call +44 20 7946 0958"},
        {"id": "b", "text": "clean text about the logo"},
        {"id": 3, "text": "3910", "history": ["my number is 917", "482"]},
    ]
    proc = run(["scan", "--stats"], "\n".join(json.dumps(x) for x in lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "b", 3]
    assert out[0]["action"] == "block"
    assert out[0]["findings"] == [{"category": "phone", "start": 5, "end": 21, "match": "+44 20 7946 0958",
                                   "rule": "phone.valid"}]
    assert out[1] == {"id": "b", "action": "allow", "findings": []}
    assert out[2]["findings"][0]["category"] == "phone"
    assert "scan_seconds=" in proc.stderr
    float(proc.stderr.split("scan_seconds=")[1].split()[0])


def test_bad_lines_give_errors_and_the_run_goes_on():
    stdin = "\n".join([
        "{not json", json.dumps({"id": 7, "text": 5}), json.dumps([1, 2]),
        json.dumps({"id": 8, "text": "x", "history": "nope"}), json.dumps({"id": 9, "text": "hello"}),
    ]) + "\n"
    proc = run(["scan"], stdin)
    assert proc.returncode == 0
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(out) == 5
    assert all("error" in o for o in out[:4])
    assert out[1]["id"] == 7 and out[3]["id"] == 8
    assert out[4] == {"id": 9, "action": "allow", "findings": []}


def test_input_file_state_and_rules(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": 1, "text": "call +44 20 7946 0958"}) + "\n", "utf-8")
    assert json.loads(run(["scan", "--state", "active", str(data)]).stdout)["action"] == "allow"
    doc = default_document()
    doc["actions"]["inquiry"]["phone"] = "warn"
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(doc), "utf-8")
    assert json.loads(run(["scan", "--rules", str(rules), str(data)]).stdout)["action"] == "warn"


@pytest.mark.parametrize("content", ["{broken", json.dumps({"schema_version": 1})])
def test_bad_rules_file_is_a_clear_error(tmp_path, content):
    rules = tmp_path / "rules.json"
    rules.write_text(content, "utf-8")
    proc = run(["scan", "--rules", str(rules)], "")
    assert proc.returncode == 2
    assert "cannot load rules" in proc.stderr
