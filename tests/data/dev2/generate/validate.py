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
        per_lang = {l: [0, 0] for l in LANGS}
        labels = collections.Counter()
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                try:
                    r = json.loads(line)
                except ValueError as e:
                    errors.append("%s:%d: %s" % (name, ln, e))
                    continue
                if set(r) - KEYS or not {"id", "lang", "text", "labels", "disguise"} <= set(r):
                    errors.append("%s:%d: keys %s" % (name, ln, sorted(r)))
                if r["id"] in ids:
                    errors.append("%s:%d: duplicate id %s" % (name, ln, r["id"]))
                ids.add(r["id"])
                if not r["id"].startswith("%s-%s-" % (name, r["lang"])):
                    errors.append("%s:%d: id %s" % (name, ln, r["id"]))
                if r["lang"] not in LANGS:
                    errors.append("%s:%d: lang %s" % (name, ln, r["lang"]))
                for k in ("labels", "alt_labels"):
                    if not set(r.get(k, [])) <= set(CATS):
                        errors.append("%s:%d: %s %s" % (name, ln, k, r[k]))
                if "history" in r and not (isinstance(r["history"], list) and all(isinstance(h, str) for h in r["history"])):
                    errors.append("%s:%d: history" % (name, ln))
                key = (r["text"], tuple(r.get("history", [])))
                texts[key] += 1
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
                errors.append("%s: duplicate text %r" % (name, k[0][:60]))
        pos = sum(p for p, n in per_lang.values())
        neg = sum(n for p, n in per_lang.values())
        tot[0] += pos
        tot[1] += neg
        table.append((name, pos, neg, per_lang, labels))
    print("| file | messages | positive | negative | " + " | ".join(LANGS) + " | " + " | ".join(CATS) + " |")
    print("|---" * (4 + len(LANGS) + len(CATS)) + "|")
    for name, pos, neg, per_lang, labels in table:
        print("| %s | %d | %d | %d | %s | %s |" % (
            name, pos + neg, pos, neg,
            " | ".join("%d/%d" % tuple(per_lang[l]) for l in LANGS),
            " | ".join(str(labels[c]) for c in CATS)))
    print("| **total** | %d | %d | %d | %s | %s |" % (
        tot[0] + tot[1], tot[0], tot[1], " | ".join(str(tot_lang[l]) for l in LANGS),
        " | ".join(str(tot_label[c]) for c in CATS)))
    print()
    print("| label | " + " | ".join(LANGS) + " | total |")
    print("|---" * (len(LANGS) + 2) + "|")
    for c in CATS:
        print("| %s | %s | %d |" % (c, " | ".join(str(label_lang[c, l]) for l in LANGS), tot_label[c]))
    print("| none ([]) | %s | %d |" % (" | ".join(str(neg_lang[l]) for l in LANGS), sum(neg_lang.values())))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    print("\nOK: %d lines, %d unique ids" % (tot[0] + tot[1], len(ids)), file=sys.stderr)


if __name__ == "__main__":
    main()
