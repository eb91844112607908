"""Scope: what the sentence around a finding says about it.

Talking about the rule is clean (POLICY.md, "Decisions on gray areas"): "I can't give you my
WhatsApp before a contract", "I'll share my number once the contract is active", "please don't
send emails here". Findings that are about intent (a move to an app, a request for the other
party's details, directions to a site) are dropped when their clause is negated or their
sentence defers the contact until a contract. Findings that carry an identifier (a number, an
address, a handle) are never dropped here: giving one now is sharing it now.

A reported question ("the client asked whether we could move to WhatsApp") is someone else's
ask retold, not a proposal. A fourth feature keeps work topics clean: "customers reach you
through WhatsApp" is the product being built, so a move whose subject is a third party
(customers, users, visitors) is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from engine.lexicon import lazy_compile, lexicon, word_pattern

# Rules whose finding is an intent, not an identifier (features after "<category>.").
INTENT_FEATURES = frozenset({
    "contact_intent", "move_to_app", "app_verb", "app_meeting", "off_platform", "directions", "marketplace",
    "move_agreed", "answered_app", "chosen_app", "answered_there",
    "searched_profile",  # a name to look for, no identifier: "Mon Telegram, vous l'aurez dès que le contrat démarre"
    # replies that point to contact the history holds (engine/replies.py): no identifier of their own
    "confirmed", "selected", "elsewhere", "meeting_credentials",
})
_REACH = 300  # characters either side of a finding that its sentence may span
_SENTENCE = re.compile(r"[.!?\n\u3002\u06d4\u0964\u061f]+")
_CLAUSE = re.compile(r"[,;:\u060c]|\s(?:but|pero|mas|mais|aber|lekin|magar|но|а|لكن|بس)\s")


def is_intent(rule: str) -> bool:
    """Whether a hit's rule is an intent finding (the scope may clear it)."""
    category, _, feature = rule.partition(".")
    return category == "request" or feature.split("+")[0] in INTENT_FEATURES


class _Cues:
    def __init__(self) -> None:
        words = lexicon()
        self.negation = word_pattern(words["negation_cues"])
        self.question = word_pattern(words["negation_questions"])
        self.question_asked = word_pattern(words["negation_questions_asked"])
        self.deferral = word_pattern(words["deferral_conjunctions"])
        self.contract = word_pattern(words["contract_words"])
        self.anaphor = word_pattern(words["deferral_anaphors"])
        # "the client asked whether we could move the stand-up to WhatsApp": someone else's question, reported
        self.reported = word_pattern(words["reported_questions"])
        self.concession = word_pattern(words["concession_frames"])  # "I understand it would be easier to …"
        # Hindi negates after the verb: "share nahi kar sakta"
        self.negation_after = word_pattern(words["negation_after"])
        # a verb negated right after it, as Russian may put it: "в вайбер я переходить не буду"
        self.negation_right_after = lazy_compile(r"\s*(?:[^\W\d_]+\s+)?(?:"
                                                 + word_pattern(words["negation_right_after"]).pattern + ")")
        from engine.detectors.social import load_lexicon

        requests = load_lexicon("requests_lexicon.json")
        self.ask = word_pattern(requests["ask"])  # "send me your email" asks anew
        # the words of a list of contact nouns: "your phone number, email, or social handles"
        nouns = {w for ws in requests["nouns"].values() for n in ws for w in _LIST_ITEM.findall(n.lower())}
        self.list_words = _LIST_GLUE | nouns | {"handle", "handles", "social", "socials", "details"}
        subjects = word_pattern(words["third_party_subjects"]).pattern
        self.third_party = lazy_compile(subjects + r"\s+(?:\w+\s+){0,3}$")


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    return _Cues()


def cleared(text: str, start: int, end: int) -> bool:
    """Whether the intent finding text[start:end] is negated, deferred or about third parties."""
    # a window around the finding: many findings in a long text stay linear
    lo = max(0, start - _REACH)
    hi = min(len(text), end + _REACH)
    lower = text[lo:hi].lower()
    start, end = start - lo, end - lo
    sentence_start = _last(_SENTENCE, lower, 0, start)
    nxt = _SENTENCE.search(lower, end)
    sentence_end = nxt.start() if nxt else len(lower)
    clause_start = max(sentence_start, _last(_CLAUSE, lower, sentence_start, start))
    listed = len(_LIST_ITEM.findall(lower, start, end)) <= 3 and not _cues().ask.match(lower, start)
    while (listed and clause_start > sentence_start
           and set(_LIST_ITEM.findall(lower, clause_start, start)) <= _cues().list_words
           and _word_before(lower, sentence_start, clause_start) in _cues().list_words):
        # "don't send your phone number, email, or social handles": a list item belongs to the
        # clause that began the list
        clause_start = max(sentence_start, _last(_CLAUSE, lower, sentence_start, clause_start - 1))
    cues = _cues()
    before = lower[clause_start:start]
    span = lower[start:end]
    after_end = _CLAUSE.search(lower, end, sentence_end)
    while listed and after_end is not None:
        # "phone number, email, WhatsApp ya Telegram ID, ya personal website share karne ki permission
        # nahi deta": a list item's verb, and its negation, come after the rest of the list
        following = _CLAUSE.search(lower, after_end.end(), sentence_end)
        words = _LIST_ITEM.findall(lower, after_end.end(), following.start() if following else sentence_end)
        if not words or not (set(words) <= cues.list_words or words[0] in _LIST_JOINS):
            break  # "send me your Telegram ID, I don't use WhatsApp": another clause, not the list's
        after_end = following
    after = lower[end:after_end.start() if after_end else sentence_end]
    asked = nxt is not None and ("?" in nxt.group() or "\u061f" in nxt.group())
    if (cues.negation.search(before) or cues.negation.search(span) or cues.negation_after.search(after)
            or cues.negation_right_after.match(after)) \
            and not cues.question.search(lower, sentence_start, end) \
            and not (asked and cues.question_asked.search(lower, sentence_start, end)):
        return True  # "I can't give you my number", "please don't send emails here" (not "on ne pourrait pas …?")
    if cues.reported.search(lower, sentence_start, start):
        return True  # "the client asked whether we could move our stand-up to WhatsApp"
    if cues.concession.search(lower, sentence_start, start):
        # "Entendo que seria mais prático trocarmos WhatsApp, mas a plataforma proíbe …": the move granted as
        # easier, then refused by the rule after a "but" in the same sentence
        turn = _CONTRAST.search(lower, end, sentence_end)
        if turn is not None and (cues.negation.search(lower, turn.end(), sentence_end)
                                 or cues.contract.search(lower, turn.end(), sentence_end)):
            return True
    sentence = lower[sentence_start:sentence_end]
    if cues.deferral.search(sentence) and cues.contract.search(sentence):
        return True  # "I'll share my WhatsApp once the contract is active"
    opening = _ANSWER_LABEL.match(sentence)
    if cues.anaphor.match(sentence, opening.end()) and sentence_start > 0:
        # "I'll keep everything here until you send the offer. After that, WhatsApp is fine": the
        # sentence goes on from one that defers the contact until the contract
        previous = lower[_last(_SENTENCE, lower, 0, sentence_start - 1):sentence_start]  # its own stop left out
        if cues.deferral.search(previous) and cues.contract.search(previous):
            return True
    if nxt is not None and ("?" in nxt.group() or "\u061f" in nxt.group()):
        # "Q: Can we talk on Discord? A: After the contract is active, sure": the answer defers it
        following = _SENTENCE.search(lower, nxt.end())
        answer = lower[nxt.end():following.start() if following else len(lower)]
        opening = _ANSWER_LABEL.match(answer)  # the answer opens with the deferral: "A: After the contract ..."
        if cues.deferral.match(answer, opening.end()) and cues.contract.search(answer):
            return True
    return cues.third_party.search(before) is not None  # "customers reach you through WhatsApp"


_CONTRAST = re.compile(r"(?<![^\W_])(?:but|pero|mas|mais|aber|lekin|magar|но|однако|لكن|بس|however|sin embargo|porém|"
                       r"cependant|jedoch)(?![^\W_])")
_ANSWER_LABEL = re.compile(r"\s*(?:[^\W\d_]{1,8}\s*:\s*)?")
_LIST_ITEM = re.compile(r"[^\W\d_]+")
# the conjunctions that go on with a list ("…, ya personal website", "…, or your site")
_LIST_JOINS = frozenset({"or", "and", "nor", "y", "o", "ni", "e", "ou", "et", "und", "oder", "и", "или", "ни", "aur",
                         "ya", "و", "أو"})
# what may stand between two items of one list: "..., email, or social handles", "..., y tu correo"
_LIST_GLUE = _LIST_JOINS | frozenset({"your", "tu", "tus", "su", "sus", "seu", "sua", "ton", "ta", "votre", "dein",
                                      "deine", "ihr", "ihre", "твой", "ваш", "aapka", "tumhara", "also", "even", "any"})


def _word_before(text: str, lo: int, pos: int) -> str:
    """The last word of text[lo:pos] ("number" in "your phone number, ")."""
    words = _LIST_ITEM.findall(text, max(lo, pos - 40), pos)
    return words[-1] if words else ""


def _last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    """End of the last match of `pattern` in text[lo:hi], or `lo`."""
    pos = lo
    for m in pattern.finditer(text, lo, hi):
        pos = m.end()
    return pos
