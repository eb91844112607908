"""Validate the corpus files (JSON Lines, schema) and print counts.

Run: python tests/data/corpus/check_corpus.py
"""
import collections
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATS = {"phone", "email", "address", "link", "social"}
LANGS = {"en", "es", "pt", "fr", "de", "hi", "ru", "ar"}
KEYS = {"id", "lang", "text", "history", "labels", "alt_labels", "disguise"}


def main():
    errors, ids = [], set()
    by_lang = collections.Counter()
    by_cat = collections.Counter()
    by_file = collections.Counter()
    pos = neg = 0
    disguises = collections.Counter()
    lang_pos = collections.Counter()
    for path in sorted(glob.glob(os.path.join(HERE, "*.jsonl"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                where = f"{name}:{n}"
                try:
                    o = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: bad JSON {e}")
                    continue
                if set(o) - KEYS:
                    errors.append(f"{where}: unknown keys {set(o) - KEYS}")
                for k in ("id", "lang", "text", "labels", "disguise"):
                    if k not in o:
                        errors.append(f"{where}: missing {k}")
                if o.get("id") in ids:
                    errors.append(f"{where}: duplicate id {o.get('id')}")
                ids.add(o.get("id"))
                if o.get("lang") not in LANGS:
                    errors.append(f"{where}: bad lang {o.get('lang')}")
                if not isinstance(o.get("text"), str) or not o["text"].strip():
                    errors.append(f"{where}: empty text")
                labels = o.get("labels", [])
                alt = o.get("alt_labels", [])
                if not isinstance(labels, list) or set(labels) - CATS or len(set(labels)) != len(labels):
                    errors.append(f"{where}: bad labels {labels}")
                if set(alt) - CATS or set(alt) & set(labels) or (alt and not labels):
                    errors.append(f"{where}: bad alt_labels {alt}")
                h = o.get("history", [])
                if not isinstance(h, list) or not all(isinstance(x, str) for x in h):
                    errors.append(f"{where}: bad history")
                by_file[name] += 1
                by_lang[o["lang"]] += 1
                disguises[o.get("disguise")] += 1
                if labels:
                    pos += 1
                    lang_pos[o["lang"]] += 1
                    for c in labels:
                        by_cat[c] += 1
                else:
                    neg += 1
    total = pos + neg
    print("files:", dict(by_file))
    print("total:", total, "positives:", pos, "negatives:", neg, f"({neg / max(total, 1):.0%} negative)")
    print("per language:", dict(sorted(by_lang.items())))
    print("positives per language:", dict(sorted(lang_pos.items())))
    print("per category (primary labels):", dict(sorted(by_cat.items())))
    print("disguises:", dict(sorted(disguises.items())))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
