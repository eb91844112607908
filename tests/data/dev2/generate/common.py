"""Shared helpers for the dev2 corpus generators.

Every generator builds a list of records with R(...) and calls write(name, records).
Ids are assigned in order per language: <file>-<lang>-<nnn>.
"""
import json
import os

import phonenumbers

LANGS = ("en", "es", "pt", "fr", "de", "hi", "ru", "ar")
CATS = {"phone", "email", "address", "link", "social"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def R(lang, text, labels, disguise, history=None, alt=None):
    rec = {"lang": lang, "text": text}
    if history:
        rec["history"] = list(history)
    rec["labels"] = sorted(set(labels))
    if alt:
        rec["alt_labels"] = sorted(set(alt))
    rec["disguise"] = disguise
    return rec


def valid_phone(s, region=None):
    """True when phonenumbers accepts s as a valid number (used as a sanity check)."""
    try:
        n = phonenumbers.parse(s, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(n)


def check_phone(s, region=None):
    if not valid_phone(s, region):
        raise ValueError(f"not a valid phone: {s!r} ({region})")
    return s


def write(name, records):
    counters = {}
    out = []
    for r in records:
        assert r["lang"] in LANGS, r
        assert set(r["labels"]) <= CATS, r
        assert set(r.get("alt_labels", [])) <= CATS, r
        assert r["text"].strip(), r
        counters[r["lang"]] = counters.get(r["lang"], 0) + 1
        rid = f"{name}-{r['lang']}-{counters[r['lang']]:03d}"
        rec = {"id": rid}
        rec.update(r)
        # keep key order stable: id, lang, text, history, labels, alt_labels, disguise
        ordered = {k: rec[k] for k in ("id", "lang", "text", "history", "labels", "alt_labels", "disguise") if k in rec}
        out.append(ordered)
    path = os.path.join(OUT, name + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    pos = sum(1 for o in out if o["labels"])
    print(f"{path}: {len(out)} records ({pos} positive, {len(out) - pos} negative)")
    return out
