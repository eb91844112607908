"""Command line: `python -m engine scan [--rules FILE] [--state STATE] [--stats] [INPUT]`.

Reads JSON Lines ({"id", "text", "history"?}) from INPUT or stdin and writes one JSON line
per input line, in order: {"id", "action", "findings": [...]}. A bad line yields
{"id", "error"} and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from typing import TextIO

from engine.detector import Detector
from engine.policy import STATES
from engine.rules import RuleSet, RuleSetError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    scan = sub.add_parser("scan", help="scan JSON Lines messages")
    scan.add_argument("input", nargs="?", help="JSON Lines file (default: stdin)")
    scan.add_argument("--rules", help="rule set JSON file (default: the shipped default)")
    scan.add_argument("--state", default="inquiry", choices=STATES, help="contract state")
    scan.add_argument("--stats", action="store_true", help="print scan_seconds=<float> on stderr")
    sub.add_parser("rules", help="print the default rule set document")
    return parser


def scan_lines(detector: Detector, lines: Iterable[str], state: str, out: TextIO) -> float:
    """Scan JSON Lines; write one result line each. Returns the seconds spent scanning."""
    spent = 0.0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record_id = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("each line must be a JSON object")
            record_id = record.get("id")
            text = record.get("text")
            if not isinstance(text, str):
                raise ValueError("'text' must be a string")
            history = record.get("history") or []
            if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
                raise ValueError("'history' must be a list of strings, oldest first")
            line_state = record.get("state", state)
            if line_state not in STATES:
                raise ValueError(f"unknown state {line_state!r}")
            started = time.perf_counter()
            verdict = detector.scan(text, history=history, state=line_state)
            spent += time.perf_counter() - started
            result = {
                "id": record_id,
                "action": verdict.action,
                "findings": [
                    {"category": f.category, "start": f.start, "end": f.end, "match": f.match, "rule": f.rule}
                    for f in verdict.findings
                ],
            }
        except (ValueError, TypeError) as exc:
            message = f"line {number}: {exc}"
            result = {"id": record_id, "error": message}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return spent


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.command == "rules":
        print(RuleSet.default().to_json())
        return 0
    try:
        if args.rules:
            with open(args.rules, encoding="utf-8") as fh:
                rules = RuleSet.from_json(fh.read())
        else:
            rules = RuleSet.default()
    except (OSError, RuleSetError) as exc:
        print(f"error: cannot load rules: {exc}", file=sys.stderr)
        return 2
    detector = Detector(rules)
    try:
        source = open(args.input, encoding="utf-8") if args.input else sys.stdin
    except OSError as exc:
        print(f"error: cannot read input: {exc}", file=sys.stderr)
        return 2
    with source:
        spent = scan_lines(detector, source, args.state, sys.stdout)
    sys.stdout.flush()
    if args.stats:
        print(f"scan_seconds={spent:.6f}", file=sys.stderr)
    return 0
