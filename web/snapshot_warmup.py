"""Run inside Pyodide by web/snapshot.mjs just before the worker's memory snapshot is taken.

Puts the wheels on sys.path, imports the engine, compiles the default rule set through the
bridge (so a page whose published rules are the defaults restores them compiled) and warms
every lazily built piece: each detector's patterns, the lexicons, the normalisation tables.
Published rules that differ are compiled after the restore, and re-use `re`'s cache for every
pattern source they share with the defaults. The last expression is a JSON report.
"""

import gc
import importlib
import json
import sys

_spec = json.loads(SNAPSHOT_SPEC)  # noqa: F821 - set by web/snapshot.mjs
sys.path[:0] = _spec["wheels"]
importlib.invalidate_caches()

from engine import RuleSet, bridge  # noqa: E402
from engine.lexicon import LazyPattern  # noqa: E402

# Every category, disguise and language the engine reads, plus conversation context, so the
# lazily built views and tables exist before the snapshot (the patterns are compiled below).
_WARMUP = [
    ("call me on +44 20 7946 0958 or nine one seven four eight two three nine one zero", []),
    ("write to john.doe77 at gmail dot com, or jdoe[at]proton(dot)me", ["hi there"]),
    ("my site is tomharper-design.co.uk/contact and hxxps://portfolio[.]dev", []),
    ("I live at 221B Baker Street, London NW1 6XE", []),
    ("add me on insta @jdoe_designs or telegram t.me/jdoe, whatsapp me", []),
    ("can you send me your number or email so we talk outside?", []),
    ("llámame al seis uno dos tres cuatro cinco seis siete ocho, mi correo arroba gmail punto com", []),
    ("me liga no nove nove oito sete seis, meu zap", []),
    ("appelle-moi au zéro six douze trente-quatre quatre-vingt-dix-neuf", []),
    ("ruf mich an: null eins fünf eins dreiundzwanzig, Musterstraße 12, 10115 Berlin", []),
    ("mera number nau aath saat chhe hai, whatsapp karo", []),
    ("позвони мне восемь девятьсот шестнадцать, почта собака mail точка ру", []),
    ("اتصل بي ثلاثة وعشرون ٠٥٠١٢٣٤٥٦٧", []),
    ("ｃａｌｌ ９１７ ４８２ ３９１０ o r e-m a i l", []),
    ("0123", ["my number is 917 555"]),
    ("@gmail.com", ["john.doe"]),
    ("The invoice 2024-00017 is $1,250.00, version 3.2.1, call on 12/05 at 10:30", ["Thanks"]),
    # the paths behind cheap gates: sizes and amounts after numbers, directions, handle labels, narrated parts
    ("Unit 4, 842 sq ft, Support 38.000 EUR, Arbury 14, Cambridge CB4 2JQ, Verbrauch 128 kWh", []),
    ("frente al parque central, al lado de la farmacia San Rafael; let's meet near Hanuman Mandir", []),
    ("pseudo : remi_shop_builder, my id is kai.draws, ana.silva, then the at sign, then gmail.com", []),
    ("y después outlook.es", ["mi correo empieza por mar.quintana", "luego va la arroba"]),
]
_default = RuleSet.default()
_info = bridge.load_rules(_default.to_dict())
# Compile every lazy pattern before the warm-up scans. The snapshot can hold no more memory than
# Pyodide's initial 30 MiB (its restore does not grow the memory it copies into), and the heap ends
# within a few KiB of it: the patterns come from LazyPattern's own weak registry rather than a list
# of the whole heap, and each warm-up text is scanned in one state only (the "active" state runs
# the same scan; a second pass took the heap past 30 MiB and the memory to 36).
gc.collect()
_patterns = LazyPattern.pending()
for _obj in _patterns:
    _obj.compiled()
_compiled = len(_patterns)
del _patterns
gc.collect()
for _text, _history in _WARMUP:
    bridge.scan({"text": _text, "history": _history, "state": "inquiry"})
# the scans built more lazy patterns (cue sets built on first use): compile those too, after
# freeing what the scans left, so the second list fits in the memory the first one used
gc.collect()
_patterns = LazyPattern.pending()
for _obj in _patterns:
    _obj.compiled()
_compiled += len(_patterns)
del _patterns

SNAPSHOT_KEY = _spec["key"]
del _spec, _default, _obj, _text, _history
gc.collect()
json.dumps({"key": SNAPSHOT_KEY, "fingerprint": _info["fingerprint"], "patterns": _compiled,
            "python": sys.version.split()[0]})
