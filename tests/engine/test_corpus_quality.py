"""Detection quality on the labelled corpus (tests/data/corpus) must not slide back.

The thresholds sit a little under today's figures (see README, bench/quality.py), so a change
that loses recall or adds false positives anywhere in the corpus fails here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("quality", ROOT / "bench" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)


@pytest.fixture(scope="module")
def report(detector):
    records = quality.load_corpus()
    assert len(records) >= 600
    return quality.evaluate(records, detector)


def test_message_level_recall(report):
    assert report["recall"] >= 0.95, [m["id"] for m in report["misses"]]


def test_false_positive_rate(report):
    assert report["false_positive_rate"] <= 0.01, [f["id"] for f in report["false_alarms"]]


@pytest.mark.parametrize("category", ["phone", "email", "address", "link", "social"])
def test_category_recall(report, category):
    assert report["per_category"][category]["recall"] >= 0.85


@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr", "de", "hi", "ru", "ar"])
def test_every_language_is_covered(report, lang):
    counts = report["per_language"][lang]
    assert counts["pos"] >= 40 and counts["neg"] >= 40
    assert counts["caught"] / counts["pos"] >= 0.9


# Each set once written blind, with its floors (recall at least, false-positive rate at most) and
# what it scored on its first run: none of them is blind any more, and none may slide back.
FLOORS = [
    ("dev2", 0.96, 0.01),  # one brief per gap of the engine issue (0.54 / 0.22 before the work on it)
    ("dev3", 0.96, 0.015),  # 0.862 / 0.042 on its first run
    ("blind2", 0.96, 0.015),  # 0.833 / 0.031
    ("blind3", 0.94, 0.012),  # 0.862 / 0.025
    ("blind4", 0.95, 0.015),  # 0.884 / 0.028
    ("blind5", 0.93, 0.015),  # 0.907 / 0.032
    ("dev4", 0.96, 0.045),  # long messages: 0.835 / 0.092 on its first 240 messages
    ("dev5", 0.94, 0.02),  # English, 73% long: 0.939 / 0.083
    ("blind6", 0.89, 0.025),  # 0.815 / 0.058 (1,113 messages, untouched until the engine's last day of its round)
    ("blind7", 0.915, 0.025),  # 0.821 / 0.049 on its first run (1,049 messages)
    ("dev6", 0.90, 0.04),  # long messages and conversations: 0.746 / 0.056 on its first run (401 messages)
    ("blind8", 0.88, 0.025),  # 0.795 / 0.050 on its first run (1,068 messages, untouched until the engine was final)
    ("dev7", 0.88, 0.03),  # 55% conversations: 0.709 / 0.101 with the engine at the start of its round (505 messages)
    ("blind9", 0.905, 0.03),  # 0.770 / 0.056 on its first run (1,081 messages, untouched until the engine was final)
    ("dev8", 0.92, 0.05),  # briefs and conversations: 0.789 / 0.176 with the engine at the start of its round (419)
    ("blind10", 0.90, 0.035),  # 0.822 / 0.076 on its first run (1,074 messages, untouched until the engine was final)
    ("dev9", 0.89, 0.07),  # links, long messages, conversations: 0.805 / 0.187 with the engine at the start of its round (413)
    ("blind11", 0.955, 0.025),  # 0.877 / 0.093 on its first run (1,109 messages, untouched until the engine was final)
    ("dev10", 0.875, 0.04),  # social routes, long documents, conversations: 0.722 / 0.222 at the start of its round (443)
    ("blind12", 0.96, 0.03),  # 0.891 / 0.068 on its first run (1,071 messages, untouched until the engine was final)
    ("dev11", 0.905, 0.14),  # long documents about the client's own systems, social routes: 0.752 / 0.401 at its start (411)
    ("blind13", 0.915, 0.03),  # 0.843 / 0.047 on its first run (1,111 messages, untouched until the engine was final)
    ("dev12", 0.975, 0.01),  # conversations, email riddles, fr/de business talk: 0.879 / 0.037 at its first look (438)
    ("blind14", 0.945, 0.02),  # 0.888 / 0.050 on its first run (1,113 messages, untouched until the engine was final)
    ("dev13", 0.955, 0.02),  # social routes by name, Arabic business numbers, conversations: 0.894 / 0.039 at its start (353)
    ("blind15", 0.96, 0.02),  # 0.885 / 0.053 on its first run (1,121 messages, untouched until the engine was final)
    ("dev14", 0.955, 0.02),  # conversations, long English proposals, chat slang: 0.793 / 0.055 at its start (409)
    ("blind16", 0.945, 0.02),  # 0.918 / 0.032 on its first run (1,141 messages, untouched until the engine was final)
    ("dev15", 0.945, 0.05),  # code, config, long proposals, ar/hi chat: 0.908 / 0.076 at the start of its round (366)
    ("blind17", 0.96, 0.02),  # 0.927 / 0.043 on its first run (1,128 messages, untouched until the engine was final)
    ("dev16", 0.975, 0.035),  # conversations, long proposals, disguised chat (es/fr/pt/ru): 0.931 / 0.100 at its start (446)
    ("blind18", 0.96, 0.02),  # 0.901 / 0.031 on its first run (1,137 messages, untouched until the engine was final)
    ("dev17", 0.95, 0.02),  # conversations, long proposals, disguised chat (en/de/ar/hi): 0.894 / 0.046 at its start (368)
    ("blind19", 0.97, 0.02),  # 0.942 / 0.032 on its first run (1,105 messages, untouched until the engine was final)
    ("dev18", 0.98, 0.035),  # conversations, long proposals, disguised chat (es/fr/pt/ru): 0.937 / 0.077 at its start (434)
    ("blind20", 0.955, 0.02),  # 0.908 / 0.020 on its first run (1,109 messages, untouched until the engine was final)
    ("dev19", 0.955, 0.03),  # conversations, long proposals, chat, code (en/de/ar/hi): 0.841 / 0.095 at its start (447)
    ("blind21", 0.95, 0.025),  # 0.924 / 0.023 on its first run (1,117 messages, untouched until the engine was final)
    # other projects' public test strings (Presidio, scrubadub, pyap, CommonRegex, libphonenumber, ...)
    # labelled by POLICY.md: 0.813 / 0.169 when first run
    ("peers", 0.82, 0.125),
]


@pytest.mark.parametrize(("name", "recall", "false_positive_rate"), FLOORS)
def test_an_earlier_blind_set_does_not_slide_back(name, recall, false_positive_rate):
    report = quality.evaluate(quality.load_corpus(getattr(quality, name.upper())))
    assert report["recall"] >= recall, [m["id"] for m in report["misses"]][:40]
    assert report["false_positive_rate"] <= false_positive_rate, [f["id"] for f in report["false_alarms"]]
