"""Validate every dev2 JSONL file (each line parses, schema, unique ids, unique texts per
file) and print counts per file, label and language (used for the README)."""
import collections
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
LANGS = ("en", "es", "pt", "fr", "de", "hi", "ru", "ar")
CATS = ("phone", "email", "address", "link", "social")
KEYS = {"id", "lang", "text", "history", "labels", "alt_labels", "disguise"}
REQUIRED = {"id", "lang", "text", "labels", "disguise"}


def check(name, ln, r, ids, errors):
    where = f"{name}:{ln}"
    if set(r) - KEYS or not REQUIRED <= set(r):
        errors.append(f"{where}: keys {sorted(r)}")
        return
    if r["id"] in ids:
        errors.append(f"{where}: duplicate id {r['id']}")
    ids.add(r["id"])
    if r["lang"] not in LANGS:
        errors.append(f"{where}: lang {r['lang']}")
    if not r["id"].startswith(f"{name}-{r['lang']}-"):
        errors.append(f"{where}: id {r['id']}")
    for k in ("labels", "alt_labels"):
        if not set(r.get(k, [])) <= set(CATS):
            errors.append(f"{where}: {k} {r[k]}")
    hist = r.get("history", [])
    if not (isinstance(hist, list) and all(isinstance(h, str) for h in hist)):
        errors.append(f"{where}: history")
    if not isinstance(r["text"], str) or not r["text"].strip():
        errors.append(f"{where}: empty text")


def main():
    ids = set()
    errors = []
    table = []
    tot_label = collections.Counter()
    tot_lang = collections.Counter()
    label_lang = collections.Counter()
    neg_lang = collections.Counter()
    tot = [0, 0]
    for path in sorted(glob.glob(os.path.join(OUT, "*.jsonl"))):
        name = os.path.basename(path)[:-6]
        texts = collections.Counter()
        per_lang = {lang: [0, 0] for lang in LANGS}
        labels = collections.Counter()
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                try:
                    r = json.loads(line)
                except ValueError as e:
                    errors.append(f"{name}:{ln}: {e}")
                    continue
                before = len(errors)
                check(name, ln, r, ids, errors)
                if len(errors) > before:
                    continue
                texts[(r["text"], tuple(r.get("history", [])))] += 1
                per_lang[r["lang"]][0 if r["labels"] else 1] += 1
                for c in r["labels"]:
                    labels[c] += 1
                    tot_label[c] += 1
                    label_lang[c, r["lang"]] += 1
                if not r["labels"]:
                    neg_lang[r["lang"]] += 1
                tot_lang[r["lang"]] += 1
        for k, v in texts.items():
            if v > 1:
                errors.append(f"{name}: duplicate text {k[0][:60]!r}")
        pos = sum(p for p, n in per_lang.values())
        neg = sum(n for p, n in per_lang.values())
        tot[0] += pos
        tot[1] += neg
        table.append((name, pos, neg, per_lang, labels))

    print("| file | messages | positive | negative | " + " | ".join(LANGS) + " | " + " | ".join(CATS) + " |")
    print("|---" * (4 + len(LANGS) + len(CATS)) + "|")
    for name, pos, neg, per_lang, labels in table:
        langs = " | ".join(f"{per_lang[lang][0]}/{per_lang[lang][1]}" for lang in LANGS)
        cats = " | ".join(str(labels[c]) for c in CATS)
        print(f"| {name} | {pos + neg} | {pos} | {neg} | {langs} | {cats} |")
    langs = " | ".join(str(tot_lang[lang]) for lang in LANGS)
    cats = " | ".join(str(tot_label[c]) for c in CATS)
    print(f"| **total** | {tot[0] + tot[1]} | {tot[0]} | {tot[1]} | {langs} | {cats} |")
    print()
    print("| label | " + " | ".join(LANGS) + " | total |")
    print("|---" * (len(LANGS) + 2) + "|")
    for c in CATS:
        row = " | ".join(str(label_lang[c, lang]) for lang in LANGS)
        print(f"| {c} | {row} | {tot_label[c]} |")
    row = " | ".join(str(neg_lang[lang]) for lang in LANGS)
    print(f"| none ([]) | {row} | {sum(neg_lang.values())} |")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    print(f"\nOK: {tot[0] + tot[1]} lines, {len(ids)} unique ids", file=sys.stderr)


if __name__ == "__main__":
    main()
