"""proposals.jsonl: long proposals and briefs (400 to 2,200 characters). Positives have
exactly one contact item buried among numbers, prices, versions and documentation links;
negatives are equally long and equally dense in numbers and links, but clean."""
import random

from common import R, write
from proposals_banks import BANK, CLEAN_LINKS, ITEMS, THEMES

rng = random.Random(20260302)
ORDER = ["intro", "experience", "approach", "price", "tech", "questions"]


def body(lang, extra_links):
    b = BANK[lang]
    theme = rng.randrange(len(b["intro"]))
    parts = [b["intro"][theme]]
    for key in ORDER[1:]:
        themes = THEMES.get((lang, key), list(range(len(b[key]))))
        if theme in themes and rng.random() < 0.85:
            parts.append(b[key][themes.index(theme)])
    if extra_links:
        parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(CLEAN_LINKS[lang]))
    return parts


def fit(parts, closing, lo=400, hi=2200):
    text = "\n\n".join(parts + [closing])
    while len(text) > hi and len(parts) > 2:
        parts.pop(rng.randrange(1, len(parts)))
        text = "\n\n".join(parts + [closing])
    return text


recs = []
for lang in BANK:
    items = ITEMS[lang]
    # positives: each item buried once (signatures replace the closing), plus one repeat
    for _i, (item, labels, tag) in enumerate(items + [items[i % len(items)] for i in range(0)]):
        parts = body(lang, extra_links=rng.random() < 0.6)
        if "\n" in item:  # a signature: it is the closing
            closing = rng.choice(BANK[lang]["closing"]).split("\n\n")[0] + "\n\n" + item
        else:
            parts.insert(rng.randrange(1, len(parts) + 1), item)
            closing = rng.choice(BANK[lang]["closing"])
        text = fit(parts, closing)
        assert item in text and 400 <= len(text) <= 2200, (lang, tag, len(text))
        recs.append(R(lang, text, labels, "buried-" + tag,
                      alt=["email", "social"] if tag == "github-profile-with-email" else None))
    # negatives: same length range, same density of numbers and links, no contact
    for _j in range(len(items)):
        parts = body(lang, extra_links=True)
        text = fit(parts, rng.choice(BANK[lang]["closing"]))
        assert 400 <= len(text) <= 2200, (lang, len(text))
        recs.append(R(lang, text, [], "long-clean-numbers-prices-versions-doc-links"))

write("proposals", recs)
