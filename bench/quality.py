"""Detection quality on the labelled corpus (tests/data/corpus): recall and false-positive rate.

Prints a table per category and per language and writes bench/results/quality.json. A
positive counts as caught when the newest message is flagged at all; its category recall
counts when one of its labels (or alt_labels) was found. A negative is a false positive
when anything is flagged.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import CATEGORIES, Detector, RuleSet  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


def load_corpus(folder: Path = CORPUS) -> list[dict]:
    """Every labelled message of the corpus, with its file name."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        # split on "\n" only: corpus texts hold raw U+2028, U+2029 and NEL, which splitlines() would cut at
        for line in path.read_text("utf-8").split("\n"):
            if line.strip():
                record = json.loads(line)
                record["file"] = path.name
                records.append(record)
    return records


def evaluate(records: list[dict], detector: Detector | None = None) -> dict:
    """Scores and the misses, as a JSON-ready dict."""
    detector = detector or Detector(RuleSet.default())
    per_cat = {c: {"positives": 0, "caught": 0} for c in CATEGORIES}
    per_lang: dict[str, dict[str, int]] = defaultdict(lambda: {"pos": 0, "caught": 0, "neg": 0, "fp": 0})
    positives = caught = negatives = false_pos = 0
    misses, false_alarms = [], []
    for r in records:
        verdict = detector.scan(r["text"], history=r.get("history") or [], state="inquiry")
        found = {f.category for f in verdict.findings}
        labels = r.get("labels") or []
        lang = per_lang[r.get("lang", "?")]
        if labels:
            positives += 1
            lang["pos"] += 1
            ok = bool(found)
            caught += ok
            lang["caught"] += ok
            acceptable = set(labels) | set(r.get("alt_labels") or [])
            for label in labels[:1]:
                per_cat[label]["positives"] += 1
                per_cat[label]["caught"] += bool(found & acceptable)
            if not ok:
                misses.append({"id": r.get("id"), "text": r["text"], "history": r.get("history"), "labels": labels})
        else:
            negatives += 1
            lang["neg"] += 1
            if found:
                false_pos += 1
                lang["fp"] += 1
                false_alarms.append({
                    "id": r.get("id"), "text": r["text"],
                    "found": [(f.category, f.match, f.rule) for f in verdict.findings],
                })
    return {
        "messages": len(records),
        "positives": positives,
        "negatives": negatives,
        "recall": caught / positives if positives else 0.0,
        "false_positive_rate": false_pos / negatives if negatives else 0.0,
        "per_category": {
            c: {**v, "recall": v["caught"] / v["positives"] if v["positives"] else None} for c, v in per_cat.items()
        },
        "per_language": {k: dict(v) for k, v in sorted(per_lang.items())},
        "misses": misses,
        "false_alarms": false_alarms,
    }


HOLDOUT = ROOT / "tests" / "data" / "holdout"
PROBE = ROOT / "tests" / "data" / "probe"
DEV2 = ROOT / "tests" / "data" / "dev2"
BLIND2 = ROOT / "tests" / "data" / "blind2"
DEV3 = ROOT / "tests" / "data" / "dev3"
BLIND3 = ROOT / "tests" / "data" / "blind3"
BLIND4 = ROOT / "tests" / "data" / "blind4"
BLIND5 = ROOT / "tests" / "data" / "blind5"
DEV4 = ROOT / "tests" / "data" / "dev4"
DEV5 = ROOT / "tests" / "data" / "dev5"
BLIND6 = ROOT / "tests" / "data" / "blind6"
BLIND7 = ROOT / "tests" / "data" / "blind7"
DEV6 = ROOT / "tests" / "data" / "dev6"  # long messages and conversations only, 8 languages
BLIND8 = ROOT / "tests" / "data" / "blind8"
DEV7 = ROOT / "tests" / "data" / "dev7"  # 55% conversations, 8 languages
BLIND9 = ROOT / "tests" / "data" / "blind9"
DEV8 = ROOT / "tests" / "data" / "dev8"  # clients' briefs, proposals and conversations, 8 languages
BLIND10 = ROOT / "tests" / "data" / "blind10"
DEV9 = ROOT / "tests" / "data" / "dev9"  # links in every shape, long messages and conversations, 8 languages
BLIND11 = ROOT / "tests" / "data" / "blind11"
DEV10 = ROOT / "tests" / "data" / "dev10"  # social routes, long documents with place-like data, conversations
BLIND12 = ROOT / "tests" / "data" / "blind12"
DEV11 = ROOT / "tests" / "data" / "dev11"  # long documents about the client's own systems, social routes, conversations
BLIND13 = ROOT / "tests" / "data" / "blind13"
DEV12 = ROOT / "tests" / "data" / "dev12"  # conversations, email riddles, French and German business talk
BLIND14 = ROOT / "tests" / "data" / "blind14"
DEV13 = ROOT / "tests" / "data" / "dev13"  # social routes by name, Arabic business numbers, conversations (ru/ar/en/pt)
BLIND15 = ROOT / "tests" / "data" / "blind15"
DEV14 = ROOT / "tests" / "data" / "dev14"  # conversations, long English proposals, es/fr/pt chat slang (en/es/fr/pt)
BLIND16 = ROOT / "tests" / "data" / "blind16"
DEV15 = ROOT / "tests" / "data" / "dev15"  # code, config and logs, long proposals, Arabic and Hindi chat (en/ar/hi/de)
BLIND17 = ROOT / "tests" / "data" / "blind17"
DEV16 = ROOT / "tests" / "data" / "dev16"  # conversations, long proposals, disguised short chat (es/fr/pt/ru)
BLIND18 = ROOT / "tests" / "data" / "blind18"
DEV17 = ROOT / "tests" / "data" / "dev17"  # conversations, long proposals, disguised short chat (en/de/ar/hi)
BLIND19 = ROOT / "tests" / "data" / "blind19"
DEV18 = ROOT / "tests" / "data" / "dev18"  # conversations, long proposals, disguised short chat (es/fr/pt/ru)
BLIND20 = ROOT / "tests" / "data" / "blind20"
DEV19 = ROOT / "tests" / "data" / "dev19"  # conversations, long proposals, disguised short chat, code (en/de/ar/hi)
BLIND21 = ROOT / "tests" / "data" / "blind21"
PEERS = ROOT / "tests" / "data" / "peers"  # other projects' public test strings, labelled by POLICY.md


def main() -> None:
    """Print the quality table (development corpus), then the held-out set's headline."""
    report = evaluate(load_corpus())
    print(f"corpus: {report['messages']} messages, {report['positives']} positives, {report['negatives']} negatives")
    print(f"message-level recall {report['recall']:.3f}   false-positive rate {report['false_positive_rate']:.3f}")
    print(f"{'category':10} {'positives':>9} {'recall':>7}")
    for c, v in report["per_category"].items():
        recall = "-" if v["recall"] is None else f"{v['recall']:.3f}"
        print(f"{c:10} {v['positives']:>9} {recall:>7}")
    print(f"{'language':10} {'pos':>5} {'recall':>7} {'neg':>5} {'fp rate':>8}")
    for lang, v in report["per_language"].items():
        recall = v["caught"] / v["pos"] if v["pos"] else 0
        fpr = v["fp"] / v["neg"] if v["neg"] else 0
        print(f"{lang:10} {v['pos']:>5} {recall:>7.3f} {v['neg']:>5} {fpr:>8.3f}")
    if "-v" in sys.argv:
        for m in report["misses"]:
            print("MISS", m["id"], m["labels"], repr(m["text"]), m.get("history") or "")
        for f in report["false_alarms"]:
            print("FP  ", f["id"], repr(f["text"]), f["found"])
    extra = {}
    for folder in (HOLDOUT, PROBE, DEV2, BLIND2, DEV3, BLIND3, BLIND4, BLIND5, DEV4, DEV5, BLIND6, BLIND7, DEV6, BLIND8,
                   DEV7, BLIND9, DEV8, BLIND10, DEV9, BLIND11, DEV10, BLIND12, DEV11, BLIND13, DEV12, BLIND14,
                   DEV13, BLIND15, DEV14, BLIND16, DEV15, BLIND17, DEV16, BLIND18, DEV17, BLIND19, DEV18, BLIND20,
                   DEV19, BLIND21, PEERS):
        if folder.is_dir():
            result = extra[folder.name] = evaluate(load_corpus(folder))
            print(f"{folder.name} set (tests/data/{folder.name}): {result['messages']} messages, "
                  f"recall {result['recall']:.3f}, false-positive rate {result['false_positive_rate']:.3f}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "quality.json").write_text(
        json.dumps({"corpus": report, **extra}, ensure_ascii=False, indent=1), "utf-8"
    )


if __name__ == "__main__":
    main()
