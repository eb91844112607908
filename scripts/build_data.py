"""Regenerate engine/data tables from authoritative sources (run by hand; output is committed).

- confusables.json: Unicode's confusables (TR39) as shipped by `confusable-homoglyphs`,
  kept to letters and punctuation that look like an ASCII letter, digit, '@', '.' or '/', and the
  Latin small capitals by their Unicode names.
- tlds.txt: top-level domains from the Public Suffix List shipped by `publicsuffixlist`.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import confusable_homoglyphs
import publicsuffixlist

DATA = Path(__file__).resolve().parent.parent / "engine" / "data"
TARGETS = set("abcdefghijklmnopqrstuvwxyz0123456789@./:")
SMALL_CAPITAL = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])")


def confusables() -> dict[str, str]:
    path = Path(os.path.dirname(confusable_homoglyphs.__file__)) / "confusables.json"
    table = json.loads(path.read_text("utf-8"))
    out: dict[str, str] = {}
    for target, homoglyphs in table.items():
        if len(target) != 1 or target.lower() not in TARGETS:
            continue
        for entry in homoglyphs:
            char = entry["c"]
            if len(char) != 1 or ord(char) < 128:
                continue
            # NFKC already folds full-width and mathematical forms; keep only the rest.
            if unicodedata.normalize("NFKC", char).lower() != target.lower():
                out.setdefault(char, target.lower())
    # Small capitals ("ɪɴsᴛᴀ: ᴄᴀʀᴏʟ.ᴍᴀᴘᴀs"): the Unicode names say which letter each is; NFKC keeps them
    for code in range(0x80, 0x20000):
        name = unicodedata.name(chr(code), "")
        small = SMALL_CAPITAL.fullmatch(name)
        if small and unicodedata.normalize("NFKC", chr(code)) == chr(code):
            out.setdefault(chr(code), small.group(1).lower())
    return dict(sorted(out.items()))


def tlds() -> list[str]:
    path = Path(os.path.dirname(publicsuffixlist.__file__)) / "public_suffix_list.dat"
    seen = set()
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        tld = line.lstrip("*.!").rsplit(".", 1)[-1]
        # ASCII TLDs and internationalised ones in their own script ("рф", "भारत"; letters and marks)
        if all(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in tld):
            seen.add(tld.lower())
    return sorted(seen)


def main() -> None:
    conf = confusables()
    (DATA / "confusables.json").write_text(
        json.dumps(conf, ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8"
    )
    tld_list = tlds()
    (DATA / "tlds.txt").write_text("\n".join(tld_list) + "\n", "utf-8")
    print(f"confusables: {len(conf)} characters; tlds: {len(tld_list)}")


if __name__ == "__main__":
    main()
