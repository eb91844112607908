"""Regions of a message that are data, not chat: code, config, logs, tables, and placeholder values.

POLICY.md ("Decisions on gray areas"): reserved and fictional data is clean where it is data.
Numbers inside a SQL fixture, a unit test, a config file or a stack trace are values the work is
about, not a way to reach the writer; the same value offered as the writer's own ("call me on
...") is judged like any other. Two features come from here:

- `data_spans`: spans of the original text that read as code or data, line by line (fenced
  blocks, inline code, assignments, JSON keys, SQL, calls, markup, log lines, table rows);
- `placeholder_digits`: digit strings that are placeholders or documented fictional ranges
  (all one digit, counting runs, NANP 555-01xx and 555 area codes, Ofcom's drama ranges,
  Twilio's 500-555 test numbers).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from engine.scope import is_intent

# Values that are never a piece of contact, shared by the readings that must tell them apart:
# a date alone ("23/11", "٢٣/١١/٢٠٢٦") and a time of day ("14 h", "18:30", "6pm", "5 baje", "11 बजे",
# "14 Uhr", "في الساعة ٤").
DATE_ONLY = re.compile(r"(?:[0-3]?\d|[٠-٣]?[٠-٩])[/.\-](?:[01]?\d|[٠١]?[٠-٩])(?:[/.\-](?:\d{2}|\d{4}))?\.?")
CLOCK = re.compile(r"(?<![\d.,:+\-])(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d(?!\d|[.,:]\d)"
                   r"|\s?(?:h|uhr|am|pm|a\.m\.|p\.m\.|baje|बजे|ч)(?![^\W_]))|(?:الساعة|الساعه)\s*[\d٠-٩]{1,2}")

_FENCE = re.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)", re.DOTALL)
_INLINE = re.compile(r"`[^`\n]{1,400}`")
# One line of code, config, log or table (each alternative is a whole family of syntax).
_CODE_LINE = re.compile(
    # keywords no sentence starts with, or that a sentence starts with only in lower case in chat
    # ("public form at …", "function room booked"): those need code after them
    r"^[ \t]*(?:#include|#define|SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|VALUES|WHERE|FROM|JOIN|LEFT JOIN|RIGHT JOIN|"
    r"INNER JOIN|OUTER JOIN|ORDER BY|GROUP BY|HAVING|LIMIT|UNION|WITH|"
    # the instructions of a Dockerfile (Docker's reference), in capitals as they are written
    r"RUN|CMD|ENV|EXPOSE|WORKDIR|COPY|ADD|ARG|LABEL|ENTRYPOINT|USER|VOLUME|HEALTHCHECK|ONBUILD|STOPSIGNAL|SHELL)\s"
    r"|^[ \t]*(?:def|fn|func|function)\s+[\w$]+\s*\("
    r"|^[ \t]*(?:const|var|let)\s+[\w${}\[\], ]+\s*[=:;]"
    r"|^[ \t]*(?:(?:public|private|protected|static|final|abstract|async|export|internal)\s+){1,4}"
    r"(?:class|interface|enum|record|struct|void|int|long|double|float|bool|boolean|string|String|var|val|def|fun|"
    r"function|async|[A-Z]\w*(?:<[^>]*>)?\s+\w+\s*[(=;])"
    r"|^[ \t]*namespace\s+[\w.\\]+\s*[;{]?\s*$"
    r"|^[ \t]*(?:if|for|while|catch|switch|it|test|describe|expect|assert|print|console\.\w+)\s*\("
    r"|^[ \t]*(?:from [\w.]+ import|import [\w.{}, *]+$|export (?:default|const|function|class)|"
    r"let \w+ =|class \w+\s*[(:{]|return .*;|curl -|npm (?:i|install|run) |pip install |git (?:clone|push|pull) )"
    r"|^[ \t]*@\w+[(\w.]*\s*$"  # a decorator or annotation line
    # statements and blocks: "x = {a: 1};", "if (x) { y }" (not "{2290}" in prose)
    r"|[;{]\s*$|^\s*[}\]][;,)]*\s*$|(?:[:=(]\s*|\)\s*)\{[^\n]*\}[;,)]*\s*$"
    r"|^[ \t]*[\w.\[\]'\"]+\s*(?:=|\+=|:=|=>)\s*\S"  # assignments
    r"|^[ \t]*[\"'][\w\- .]+[\"']\s*:\s*\S"  # JSON and dict keys
    r"|\b[a-zA-Z_][\w.]*\((?:[\w'\"., =:/+-]*)\)\s*[;,)]?\s*$"  # a call ending the line
    # markup with attributes, or a line of tags alone; "<p>call me on ...</p>" from a rich-text
    # editor is prose in tags
    r"|^[ \t]*<[a-zA-Z][\w-]*\s[^<>\n]*=[^<>\n]*>|^[ \t]*(?:</?[a-zA-Z][\w-]*[^<>\n]*>\s*)+$"
    r"|^\s*(?:\[?\d{4}[-/.]\d{2}[-/.]\d{2}[ T]\d{2}:\d{2}|\[?\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}"  # logs
    r"|\[?(?:INFO|DEBUG|WARN|WARNING|ERROR|TRACE|FATAL|NOTICE|CRIT)\]?\s)"
    r"|\[(?:error|warn|notice|info|debug|crit|alert|emerg)\]\s"  # nginx and Apache error logs
    r"|^\s*at [\w.$<>]+\(.*\)\s*$|^\s*File \".*\", line \d+"  # stack traces
    # DNS records and mail headers: "v=DMARC1; p=none; rua=mailto:…", "DKIM-Signature: v=1; a=rsa-sha256; d=…"
    r"|\bv=(?:spf1|DMARC1|DKIM1|BIMI1)\b|(?:\b[a-z][\w.-]{0,15}=[^;\s]+;\s*){2,}"
    r"|^[ \t]*(?:DKIM-Signature|Authentication-Results|Received(?:-SPF)?|Return-Path|ARC-[\w-]+|X-[\w-]+):\s"
    # robots.txt (RFC 9309 and its common extensions)
    r"|^[ \t]*(?:[Uu]ser-[Aa]gent|Disallow|Allow|Sitemap|Crawl-delay|Host|Clean-param):\s"
    r"|^(?:[^|\n]*\|){2,}[^|\n]*$"  # table rows
    r"|^[^,\n]{1,60}(?:,(?! )[^,\n]{0,60}){3,}$"  # CSV rows (no space after the commas)
    r"|^[^;\n]{1,60}(?:;[^;\n]{0,60}){3,}$"  # rows separated by semicolons (European CSV)
    r"|^[ \t]*[\[{(][ \t]*[\"'{]"  # an item of a list of dicts or tuples: {"name": ..., "tel": ...},
    r"|^[ \t]*\{[ \t]*[a-zA-Z_]\w*\s*:\s*[^\n]*\}[,;)\]]*[ \t]*$"  # an object literal's item: { tel: "…" },
    r"|^(?: {4}|\t)\S",  # indented block
    re.MULTILINE,
)


# A YAML block: three or more lines of lower-case keys, one of them a list item or indented
# ("- name: Jane Tester⏎  phone: …⏎  email: …"); a signature's "Phone: …⏎Email: …" has capitals
_YAML_LINE = r"[ \t]*(?:- )?[a-z_][a-z0-9_-]*:(?:[ \t]+[^\n]*)?"
_YAML_BLOCK = re.compile(
    r"^(?=(?:" + _YAML_LINE + r"\n){0,8}(?:[ \t]+|[ \t]*- )[a-z_])(?:" + _YAML_LINE + r"(?:\n|$)){3,}",
    re.MULTILINE,
)
_DNS_RECORD = re.compile(r"\bv=(?:DMARC1|spf1|DKIM1|BIMI1)\b|\bru[af]=mailto:", re.IGNORECASE)
_COMMENT = re.compile(r"^[ \t]*(?:#|//|--|/\*|\*|<!--|;|'(?=\s)|REM\s)")  # VBA and BASIC comment with ' and REM
_TRAILING_COMMENT = re.compile(r"\S[ \t]+(?:#|//|--)[ \t]+")  # code, then a comment on the same line
_COMMENT_LINE = re.compile(r"^[ \t]*(?:#|//|--|/\*|\*)[^\n]*", re.MULTILINE)
# a regular expression's literal or the call that compiles or applies one
_VALIDATOR = re.compile(r"/\^[^/\n]{4,}/[gimsuy]*|\b(?:re\.(?:compile|match|fullmatch|search)|preg_match|"
                        r"Pattern\.compile|new RegExp|Regex)\(|\.(?:test|matches)\(")
_ARROW_CALL = re.compile(r"[\w.]+\([^()\n]*\)\s*(?:->|=>|==|→)")  # a call and its result: "f('x') -> 'y'"
# "51.5074" does not end a sentence, nor does the dot of "e.g.", "i.e.", "p. ex.", "etc." before a word
_ABBREVIATIONS = ("e.g", "i.e", "z. b", "z.b", "p. ex", "p.ex", "p. ej", "p.ej", "bzw", "etc", "vs", "cf", "bspw",
                  "usw")
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?])|(?:" + "|".join(rf"(?<={re.escape(a)})" for a in _ABBREVIATIONS)
                       + r")\.\s)+[.!?]*", re.IGNORECASE)


_CLAUSE_DASH = re.compile(r"\s[\u2013\u2014-]\s|;")


@lru_cache(maxsize=1)
def _example_markers() -> re.Pattern[str]:
    from engine.lexicon import lexicon, word_alternation

    return re.compile(word_alternation(lexicon()["example_markers"]))


def data_spans(text: str, cues: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Sorted, disjoint spans of `text` that read as code or data: code lines, fenced and inline
    code, and sentences that say they hold test or placeholder data (`cues`). Comment lines are
    prose: people write "call me on ..." in them."""
    spans: list[tuple[int, int]] = []
    if "\n" in text or "`" in text or _CODE_LINE.search(text):
        for m in _FENCE.finditer(text):
            spans.append((m.start(), m.end()))
        for m in _INLINE.finditer(text):
            spans.append((m.start(), m.end()))
        for m in _CODE_LINE.finditer(text):
            a = text.rfind("\n", 0, m.start()) + 1
            b = text.find("\n", m.end())
            spans.append((a, len(text) if b < 0 else b))
        for m in _YAML_BLOCK.finditer(text):
            spans.append((m.start(), m.end()))
        if spans:
            # a comment line right after a line of code belongs to the block (its examples are data),
            # and so does one right before it, which documents it
            for m in _COMMENT_LINE.finditer(text):
                if any(a <= m.start() - 1 <= b or a == m.end() + 1 for a, b in spans):
                    spans.append((m.start(), m.end()))
    if cues is not None and cues.search(text.lower()):
        lower = text.lower()
        examples = _example_markers()
        for m in _SENTENCE.finditer(text):
            found = [c for c in cues.finditer(lower, m.start(), m.end())]
            if found:
                end = m.end()
                if all(examples.fullmatch(c.group()) for c in found):
                    # "for example" reaches to its clause's end: "zum Beispiel die Referenz in der Brünner
                    # Straße – oder Sie schauen bei uns vorbei: Prager Straße 142" gives a real place after it
                    cut = _CLAUSE_DASH.search(text, found[-1].end(), end)
                    if cut is not None:
                        spans.append((m.start(), cut.start()))
                        continue
                if re.search(r"[:\u2014\u2013-]\s*$", m.group()):
                    # "add these 3 stores to the locator:" introduces the rows that follow
                    blank = text.find("\n\n", end)
                    end = len(text) if blank < 0 else blank
                spans.append((m.start(), end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        elif b > a:
            merged.append((a, b))
    return merged


_FIELD_SEP = re.compile(r"\s*(?:[,;|\t]|\s[\u2013\u2014-]\s)\s*")
_RECORD_VALUE = re.compile(r"@|\d{3}")
_FIELD_LABEL = re.compile(r"(?:^|[,;|\t]\s*)[^\W\d_][^\W\d_ .]{1,15}\s?:(?!//)")


def record_rows(text: str) -> list[list[tuple[int, int]]]:
    """Spans of the rows of a table written as lines: two or more consecutive lines, each of three
    fields or more split by the same kind of separator, each with a contact-shaped value, and no two
    alike ("Dr. Alan Pryce, Pryce Dental, 020 7946 0123, alan@prycedental.co.uk" above "Dr. Mia Chen,
    Smile Studio, 0161 496 0456, mia@smilestudio.co.uk"): someone's records handed over as the work,
    a scraped sample, a lead list, a store locator. Each run of such lines is one table; a value is
    a row's only when its column repeats (see `Detector.find`): a signature's lines hold different
    kinds of contact."""
    if text.count("\n") < 1:
        return []
    rows: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int, int]] = []
    pos = 0
    for line in text.split("\n") + [""]:
        end = pos + len(line)
        fields = len(_FIELD_SEP.split(line.strip())) if line.strip() else 0
        if _FIELD_LABEL.search(line):
            fields = 0  # "Phone: 0176 …, Email: a@b.de, Web: …": one person's labelled contact block
        if fields >= 3 and _RECORD_VALUE.search(line) and (not run or abs(run[-1][2] - fields) <= 1):
            run.append((pos, end, fields))
        else:
            if len(run) >= 2 and len({text[a:b].strip() for a, b, _ in run}) == len(run):
                rows.append([(a, b) for a, b, _ in run])
            run = [(pos, end, fields)] if fields >= 3 and _RECORD_VALUE.search(line) else []
        pos = end + 1
    return rows


# a table's header: field names, no values ("branch,address,phone", "Name;Straße;PLZ;Telefon", "sku,precio,stock"),
# one word each unless one names a contact column ("Nombre completo;Dirección;Teléfono"): "Anna Brandt, Design
# Studio, Berlin" heads a signature
_CONTACT_COLUMN = re.compile(
    r"(?<![^\W_])(?:address(?:e|es)?|addr|street|straße|strasse|phone|telephone|tel|telefon|teléfono|telefone|"
    r"téléphone|mobile|mobil|cell|email|e-mail|mail|correo|dirección|direccion|endereço|endereco|adresse|адрес|"
    r"телефон|почта|عنوان|العنوان|هاتف|الهاتف|جوال|الجوال|رقم|pata|पता|फ़ोन|फोन)(?![^\W_])", re.IGNORECASE)
_HEADER_FIELD = re.compile(r"[^\W\d][^\W\d]*(?:[ ._/-][^\W\d]+){0,3}")


def headed_tables(text: str) -> list[tuple[int, int]]:
    """Spans of tables written as lines under a header that names their columns ("branch,address,phone"
    over "Karol Bagh,12/4 Ajmal Khan Road,011-2575xxxx", "sku,descripcion,precio,stock" over a
    product's row): records handed over as data, each value in them a record's, however few rows
    repeat a kind of contact, and no number read across two of its fields a phone."""
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for k, line in enumerate(lines):
        fields = _FIELD_SEP.split(line.strip())
        if len(fields) < 3 or not all(_HEADER_FIELD.fullmatch(f) for f in fields):
            continue
        if any(" " in f for f in fields) and _CONTACT_COLUMN.search(line) is None:
            continue
        rows = 0
        while k + 1 + rows < len(lines):
            row = lines[k + 1 + rows].strip()
            if not row or abs(len(_FIELD_SEP.split(row)) - len(fields)) > 1:
                break
            rows += 1
        if rows >= 2:
            last = k + rows
            spans.append((starts[k], starts[last] + len(lines[last])))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the spans."""
    if not spans:
        return False
    k = bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


_OFCOM_DRAMA = (
    "4420794600", "4420794601", "4420794602", "4420794603", "4420794604", "4420794605", "4420794606",
    "4420794607", "4420794608", "4420794609", "44113496", "44114496", "44115496", "44116496", "44117496",
    "44118496", "44121496", "44131496", "44141496", "44151496", "44161496", "44191498", "442896496",
    "442920180", "441632960", "447700900", "448081570", "449098790", "443069990",
)


_FICTION_RANGES = (
    ("49", ("3023125", "6990009", "4066969", "2214710", "8999998")),
    ("33", ("19900", "26191", "35301", "46571", "53649", "63998")),
    ("61", ("491570156", "491570157", "491570158", "491570159", "491570110", "255550", "355550", "755550", "855550")),
)


def placeholder_digits(digits: str) -> bool:
    """Placeholder digits (one digit repeated, a counting run) or a documented fictional range."""
    core = digits.lstrip("0")
    if len(set(digits)) <= 2 and len(digits) >= 7 and (len(set(core)) <= 1 or digits.count("0") >= len(digits) - 2):
        return True  # 5555555555, 9999999999, +7 000 000-00-00, 01 00 00 00 00
    if _counting(digits):
        return True  # 0123456789, 123456789, 2345 6789 0123
    national = digits[1:] if digits.startswith("1") and len(digits) == 11 else digits
    if len(national) == 7 and national.startswith("55501"):
        return True  # the fictional 555-01xx without its area code
    if len(national) == 10 and (national[3:6] == "555" and national[6:8] == "01" or national[:3] in ("555", "500")):
        return True  # NANP fictional 555-01xx, area code 555, Twilio's 500-555 test numbers (and all of 500 in data)
    uk = "44" + digits[1:] if digits.startswith("0") else digits
    if uk.startswith(_OFCOM_DRAMA):
        return True
    # the other regulators' ranges for fiction and examples: Bundesnetzagentur (DE), ARCEP (FR), ACMA (AU)
    for country, prefixes in _FICTION_RANGES:
        if digits.startswith(country):
            national = digits[len(country):]
        elif digits.startswith("0"):
            national = digits[1:]
        else:
            continue
        if national.startswith(prefixes):
            return True
    return False


def fictional_range(digits: str) -> bool:
    """A regulator's range for fiction and examples (NANP 555-01xx, Ofcom's drama numbers, ARCEP's,
    the Bundesnetzagentur's, ACMA's), not a mere run of one digit or a count ("8123 4567" may be one)."""
    return placeholder_digits(digits) and not _counting(digits) and len(set(digits.lstrip("0"))) > 2


def test_number(digits: str) -> bool:
    """Twilio's documented test numbers, +1 500 555 00xx: they reach no one, so they are clean
    outside data too (`placeholder_digits` treats all of area 500 as a placeholder in data)."""
    national = digits[1:] if digits.startswith("1") and len(digits) == 11 else digits
    return len(national) == 10 and national.startswith("500555")


def _counting(digits: str) -> bool:
    """Six or more digits each one more (or one less) than the one before, cyclically."""
    run = best = 1
    step = None
    for a, b in zip(digits, digits[1:], strict=False):
        if (int(b) - int(a)) % 10 in (1, 9) and (run == 1 or (int(b) - int(a)) % 10 == step):
            step = (int(b) - int(a)) % 10
            run += 1
        else:
            run = 1
            step = None
        best = max(best, run)
    return best >= 6 and best >= len(digits) - 4


# placeholder places of documentation and test data, in the eight languages' usual forms
_PLACEHOLDER_PLACE = re.compile(
    r"(?<![^\W_])(?:any(?:town|ville|city|where)|musterstadt|musterstra(?:ss|ß)e|musterweg|musterhausen|beispielstadt|"
    r"beispielstra(?:ss|ß)e|calle falsa|ciudad ejemplo|calle ejemplo|rua (?:de )?exemplo|cidade exemplo|"
    r"example (?:street|st|road|avenue|city)|exampleville|rue de l'exemple|ville-?exemple|примерн\w+|"
    r"шаблонн\w+ ул|شارع المثال|madeupville)(?![^\W_])",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"placeholder|marcador de posición|espace réservé|platzhalter|заглушк|плейсхолдер|عنصر نائب")
_FIELD_RUN = re.compile(r"[^,;|\t]+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")
_KEPT_IN_DATA = frozenset({"shortener", "form", "contact_service", "self_contact", "limit", "contact_page"})


class DataFilter:
    """Drops hits that are values inside code or data, unless the line offers them as the writer's."""

    def __init__(self) -> None:
        from engine.lexicon import lexicon, word_pattern

        words = lexicon()
        self._offer = word_pattern(words["self_contact_cues"] + ["call me", "text me", "whatsapp me", "my whatsapp"]
                                   + [w for w in words["call_me_words"] if " " in w or "-" in w])
        # "my number is in the config, just call it: ```...```": the prose around the data owns it
        self._owned = word_pattern(words["ownership_cues"] + words["self_contact_cues"])
        self.cues = word_pattern(words["data_cues"])
        # a claim on a nearby line of the same data: the writer's own, or a way around the platform's fee
        self._claim = word_pattern(words["ownership_cues"] + words["self_contact_cues"] + words["fee_avoidance"]
                                   + words["own_data_claims"])
        # "ship the test units to ...", "sample yahan bhejna: ...": the address is where the goods go
        self._delivery = delivery_directive()

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The data spans of a message (see `data_spans`)."""
        return data_spans(text, self.cues)  # type: ignore[arg-type]

    def offered(self, text: str, start: int, end: int) -> bool:
        """Whether the line of text[start:end] offers it as the writer's ("call me", "my email")."""
        line = self._line(text, start, end).lower()
        return self._offer.search(line) is not None or self._owned.search(line) is not None

    def _claimed_nearby(self, text: str, a: int, b: int) -> bool:
        """Whether one of the three lines either side of a value's line claims it as the writer's or
        sends the reader there without the platform ('"hinweis": "an mich privat schicken"',
        '"comentario": "para trabajos a medida entra ahí, sin comisiones"')."""
        lo = a
        for _ in range(3):
            lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
        hi = b
        for _ in range(3):
            nxt = text.find("\n", hi + 1)
            hi = len(text) if nxt < 0 else nxt
        near = (text[lo:a] + " " + text[b:hi]).lower()
        return self._claim.search(near) is not None

    def _prose_owns(self, text: str, spans: list[tuple[int, int]]) -> bool:
        return self._owned.search(prose(text, spans)) is not None

    @staticmethod
    def _line(text: str, start: int, end: int) -> str:
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", end)
        return text[a:] if b < 0 else text[a:b]

    def keep(self, text: str, spans: list[tuple[int, int]], category: str, start: int, end: int, rule: str) -> bool:
        """Whether a hit at text[start:end] stands (see the module docstring)."""
        if not inside(spans, start, end):
            return True
        if category == "email" and _PLACEHOLDER.search(self._line(text, start, end).lower()) and not (
                self._offer.search(self._line(text, start, end).lower())
                or self._owned.search(self._line(text, start, end).lower())):
            return False  # "pon como marcador de posición 'tu@correo.com'": a form's placeholder
        if category == "email" and _DNS_RECORD.search(self._line(text, start, end)) and not (
                self._offer.search(self._line(text, start, end).lower())):
            return False  # "v=DMARC1; p=none; rua=mailto:dmarc@shop.ma": the record's report box, the work's data
        if category == "email":
            # "java.lang.Error\n\tat br.com.shop.Cart": a spoken "at" inside code is a stack frame
            line = self._line(text, start, end)
            code = _in_fence(text, start) or _CODE_LINE.search(line) is not None
            # (nor is a fence's language and the decorator on the next line: "```python⏎@router.post"); a
            # comment is prose: "// автор: …, t.akhmetov собака inbox точка ru — пишите туда"
            return not (code and _COMMENT.match(line) is None and ("email.spoken" in rule or "\n" in text[start:end]))
        if is_intent(rule):
            return True  # a request or a move is never data
        if category == "address" and _PLACEHOLDER_PLACE.search(text, start, min(len(text), end + 40)) and not (
                self.offered(text, start, end)):
            return False  # "address: 123 Main Street, Anytown": the documented placeholder in data
        features = {r.partition(".")[2].split("+")[0] for r in rule.split(",")}
        if features & _KEPT_IN_DATA:
            return True
        a = text.rfind("\n", max(0, start - 400), start) + 1 or max(0, start - 400)
        b = text.find("\n", end, end + 400)
        b = min(len(text), end + 400) if b < 0 else b
        line = text[a:b]
        if self._offer.search(line.lower()) or self._owned.search(line.lower()) or self._claim.search(line.lower()):
            return True  # "// questions? call me on ...", "phone = '+44 ...'  # my WhatsApp", "… # chez moi"
        if self._claimed_nearby(text, a, b):
            return True  # '"note": "my own flat — post the test prints here"' two keys below the address
        comment = _COMMENT.match(line)
        trailing = _TRAILING_COMMENT.search(text, a, start) if comment is None else None
        if trailing is not None and category in ("social", "email"):
            # after the code, on its line: "backup.sh --keep 14   # Fragen: ich bin @ben_ops_muc auf Telegram"
            return not self.cues.search(text[trailing.end():b].lower())
        if comment is not None:
            # a comment is prose, unless it says its values are test or example data or shows code
            # ("# format_phone('89991234567') -> '+7 (999) 123-45-67'", "// أمثلة للاختبار: 0412345678 (خطأ)")
            body = (text[a + comment.end():start] + "x" + text[end:b]).strip()
            stop = text.find("\n", b + 1)
            following = text[b:stop if stop > 0 else len(text)]  # the next line
            return not (category in ("phone", "address")
                        and (self.cues.search(line.lower()) or _CODE_LINE.search(body) or _ARROW_CALL.search(body)
                             # the values a validator on the next line accepts ("// aceita (11) 91234-5678⏎
                             # const ok = /^\(?\d{2}…$/.test(v)")
                             or (category == "phone" and _VALIDATOR.search(following))))
        if category in ("phone", "social") and self._prose_owns(text, spans):
            return True  # "my number is in the .env, call it:" then the value in a block
        if category == "phone" and placeholder_digits("".join(c for c in text[start:end] if c.isdecimal())):
            return False
        # the line without the value still reads as code ("x" stands for it, keeping any field
        # separators it spans: an address read across a CSV row's fields), or a data sentence
        outside = _ENTITY.sub("", text[a:start] + text[end:b])  # "&nbsp;" and "&#48;" separate nothing
        value = text[start:end]
        if any(outside.count(sep) >= 2 and sep in _ENTITY.sub("", value) for sep in ",;|\t"):
            value = _FIELD_RUN.sub("x", value)  # its separators are the row's, not a disguise ("+1 | 646 | …")
        else:
            value = "x"
        rest = text[a:start] + value + text[end:b]
        if _CODE_LINE.search(rest) or _in_fence(text, start):
            return False
        if category in ("phone", "address") and self.cues.search(line.lower()):
            if category == "address" and self._delivery.search(text.lower(), max(0, start - 60), start):
                return True  # "ship the test units to <address>": a destination, not a row of data
            return False  # a value in a sentence about test, demo or placeholder data
        inline = _INLINE.search(text, max(0, start - 400), min(len(text), end + 400))
        while inline is not None and inline.end() <= start:
            inline = _INLINE.search(text, inline.end(), min(len(text), end + 400))
        # inside inline code that holds more than the value itself ("`self.user.profile.phone`")
        return not (inline is not None and inline.start() < start and end < inline.end() - 1)


@lru_cache(maxsize=2)
def delivery_directive(anchored: bool = True) -> re.Pattern[str]:
    """A directive that the next words are where goods go, ending right before them: "ship the
    test units to", "sample yahan bhejna:", "ممكن توصل المنتجات للاستوديو:" (a colon after the verb)."""
    from engine.lexicon import lexicon

    words = lexicon()
    verbs = "|".join(sorted((re.escape(w) for w in words["delivery_verbs"]), key=len, reverse=True))
    places = "|".join(sorted((re.escape(w) for w in words["delivery_places"]), key=len, reverse=True))
    tail = r"\s*[:\-\u2014]?\s*" + ("$" if anchored else "")
    return re.compile(
        rf"(?<![^\W_])(?:{verbs})(?![^\W_])[^.!?\n]{{0,40}}?(?<![^\W_])(?:{places}){tail}"
        rf"|(?<![^\W_])(?:{places})\s+(?:{verbs}){tail}"
        rf"|(?<![^\W_])(?:{verbs})(?![^\W_])[^.!?\n:]{{0,40}}:" + tail
    )


def prose(text: str, spans: list[tuple[int, int]]) -> str:
    """The message without its data spans and fenced blocks: what the writer says about them."""
    parts, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            parts.append(text[pos:a])
        pos = max(pos, b)
    parts.append(text[pos:])
    return _FENCED.sub(" ", " ".join(parts)).lower()


_FENCED = re.compile(r"(?:```|~~~)[\s\S]*?(?:```|~~~|$)")


def _in_fence(text: str, pos: int) -> bool:
    """Whether `pos` lies in a fenced block that holds more than the one line."""
    opening = max(text.rfind("```", 0, pos), text.rfind("~~~", 0, pos))
    if opening < 0 or (text.count("```", 0, pos) + text.count("~~~", 0, pos)) % 2 == 0:
        return False  # an even number of fences before it: outside every block
    closing = min((i for i in (text.find("```", pos), text.find("~~~", pos)) if i >= 0), default=len(text))
    return text[opening:closing].strip("`~ \n").count("\n") >= 1
