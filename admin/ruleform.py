"""The structured rule editor as WTForms forms whose field names are the document's paths.

`detectors.phone.min_digits`, `extra_rules[3].value`: a field's name is the path the engine's
validator names in a RuleSetError, so WTForms' own per-field errors and the engine's errors
land on the same field. Lists of rows (apps, extra rules, exception reasons) are
`PathList(FormField(...))`, which names its rows `name[index]`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Field,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.fields import SelectMultipleField, TextAreaField
from wtforms.utils import unset_value
from wtforms.validators import Length, NumberRange

from admin.enums import Action, Category, ContractState
from admin.exceptions import MAX_CLAIMS_PER_DAY, ExceptionPolicy
from engine.rules import FALLBACK_LANGUAGE, MESSAGE_LANGUAGES, NUMBER_WORD_LANGUAGES

TRANSLATED_LANGUAGES: tuple[str, ...] = tuple(lang for lang in MESSAGE_LANGUAGES if lang != FALLBACK_LANGUAGE)
"""Languages a user-facing text may be translated into; the English text is the field itself."""
BLANK_ROWS = 3
"""Empty rows offered under every list, for adding entries without JavaScript."""
EXTRA_RULE_KINDS: tuple[str, ...] = ("phrase", "domain", "pattern")
MAX_NOTE_CHARS = 500


class WordListField(TextAreaField):
    """A list of words edited as text: items separated by commas or line breaks."""

    def __init__(self, label: str | None = None, joiner: str = "\n", case: str | None = None, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.joiner = joiner
        self.case = case

    def _value(self) -> str:
        return self.joiner.join(self.data or [])

    def process_formdata(self, valuelist: list[str]) -> None:
        """Split, trim, drop empties, and fold case when the document wants it."""
        text = valuelist[0] if valuelist else ""
        items = [item.strip() for item in re.split(r"[,\n]", text) if item.strip()]
        if self.case == "lower":
            items = [item.lower() for item in items]
        elif self.case == "upper":
            items = [item.upper() for item in items]
        self.data = items


class PathList(FieldList):
    """A FieldList whose rows are named like the document's list items: `extra_rules[0]`."""

    def _extract_indices(self, prefix: str, formdata) -> Iterator[int]:
        pattern = re.compile(re.escape(prefix) + r"\[(\d+)\]")
        for key in formdata:
            found = pattern.match(key)
            if found:
                yield int(found.group(1))

    def _add_entry(self, formdata=None, data=unset_value, index=None):
        if index is None:
            index = self.last_index + 1
        self.last_index = index
        options = {"name": f"{self.name}[{index}]", "id": f"{self.id}-{index}", "_meta": self.meta,
                   "translations": self._translations}
        field = self.meta.bind_field(self._form, self.unbound_field, options)
        field.index = index
        field.short_name = str(index)
        field.process(formdata, data)
        self.entries.append(field)
        return field

    def _compact_indices(self) -> None:
        # Rows keep the index they were submitted with, so errors find their row again.
        return

    def add_blank_rows(self, count: int = BLANK_ROWS) -> None:
        """Offer `count` empty rows after the existing ones."""
        for _ in range(count):
            self.append_entry()


def _nested(form_class: type[Form]) -> FormField:
    return FormField(form_class, separator=".")


def localized_fields(name: str, field_class: type[Field]) -> dict[str, Field]:
    """`name` (the English text) plus `name.es`, `name.pt`, ...: the document's paths of its translations."""
    return {name: field_class(), **{f"{name}.{lang}": field_class() for lang in TRANSLATED_LANGUAGES}}


def localized_data(name: str, value: Any) -> dict[str, str]:
    """A document's text (a string, or {language: text}) as the form's flat fields."""
    texts = value if isinstance(value, dict) else {FALLBACK_LANGUAGE: value or ""}
    return {name: texts.get(FALLBACK_LANGUAGE, ""), **{f"{name}.{lang}": texts.get(lang, "")
                                                       for lang in TRANSLATED_LANGUAGES}}


def localized_value(form: Form, name: str) -> str | dict[str, str]:
    """The document's text from the flat fields: a plain string while there are no translations."""
    english = (form[name].data or "").strip()
    translations = {lang: text for lang in TRANSLATED_LANGUAGES
                    if (text := (form[f"{name}.{lang}"].data or "").strip())}
    return {FALLBACK_LANGUAGE: english, **translations} if translations else english


class PhoneForm(Form):
    """detectors.phone"""

    enabled = BooleanField()
    regions = WordListField(joiner=", ", case="upper")
    min_digits = IntegerField()
    max_digits = IntegerField()


class EmailForm(Form):
    """detectors.email"""

    enabled = BooleanField()
    providers = WordListField()


class AddressForm(Form):
    """detectors.address"""

    enabled = BooleanField()


class LinkForm(Form):
    """detectors.link"""

    enabled = BooleanField()
    shorteners = WordListField()


class AppForm(Form):
    """detectors.social.apps[i]"""

    name = StringField()
    aliases = WordListField(joiner=", ")
    euphemisms = WordListField(joiner=", ")
    domains = WordListField(joiner=", ")
    by_number = BooleanField()
    delete = BooleanField()

    def item(self) -> dict[str, Any] | None:
        """The document's app entry, or None for a blank or deleted row."""
        app: dict[str, Any] = {"name": (self.name.data or "").strip(), "aliases": self.aliases.data or [],
                               "euphemisms": self.euphemisms.data or [], "domains": self.domains.data or []}
        if self.delete.data or not any(app.values()):
            return None
        if self.by_number.data:
            app["by_number"] = True  # written only when set: documents without it stay as they were
        return app


class SocialForm(Form):
    """detectors.social"""

    enabled = BooleanField()
    apps = PathList(_nested(AppForm))


class DetectorsForm(Form):
    """detectors"""

    phone = _nested(PhoneForm)
    email = _nested(EmailForm)
    address = _nested(AddressForm)
    link = _nested(LinkForm)
    social = _nested(SocialForm)


class NumberWordsForm(Form):
    """number_words"""

    languages = SelectMultipleField(choices=[SelectChoice(lang) for lang in NUMBER_WORD_LANGUAGES])


class ExtraRuleForm(Form):
    """extra_rules[i]"""

    id = StringField()
    category = SelectField(choices=[SelectChoice(c.value) for c in Category])
    kind = SelectField(choices=[SelectChoice(k) for k in EXTRA_RULE_KINDS])
    value = StringField()
    note = StringField(validators=[Length(max=MAX_NOTE_CHARS)])
    delete = BooleanField()

    def item(self) -> dict[str, Any] | None:
        """The document's rule entry, or None for a blank or deleted row."""
        row = {key: (getattr(self, key).data or "").strip() for key in ("id", "category", "kind", "value", "note")}
        if self.delete.data or (not row["id"] and not row["value"]):
            return None
        if not row["note"]:
            del row["note"]
        return row


class ExceptionReasonForm(Form):
    """exception_reasons[i] (its label in English, `label`, and translated, `label.es`, ...), and what
    the reason releases (the server's exception policy)"""

    id = StringField()
    releases = SelectMultipleField(choices=[SelectChoice(c.value) for c in Category])
    delete = BooleanField()

    def item(self) -> dict[str, Any] | None:
        """The document's reason entry, or None for a blank or deleted row."""
        reason = {"id": (self.id.data or "").strip(), "label": localized_value(self, "label")}
        if self.delete.data or not any(reason.values()):
            return None
        return reason


for _name, _field in localized_fields("label", StringField).items():
    setattr(ExceptionReasonForm, _name, _field)


ActionRowForm = type("ActionRowForm", (Form,), {
    "__doc__": "actions.<state>: the action per category",
    **{c.value: SelectField(choices=[SelectChoice(a.value) for a in Action]) for c in Category},
})
ActionsForm = type("ActionsForm", (Form,), {
    "__doc__": "actions: one row per contract state",
    **{s.value: _nested(ActionRowForm) for s in ContractState},
})
MessagesForm = type("MessagesForm", (Form,), {
    "__doc__": "messages: what users are told, per category: `messages.phone` in English, `messages.phone.es`, ...",
    **{name: field for c in Category for name, field in localized_fields(c.value, TextAreaField).items()},
})


class ContextForm(Form):
    """context"""

    history_messages = IntegerField()


class ExceptionsForm(Form):
    """exceptions: the server's limit on claims"""

    claims_per_day = IntegerField(validators=[NumberRange(0, MAX_CLAIMS_PER_DAY)])


class RuleSetForm(FlaskForm):
    """The whole structured editor; `document(base)` turns it into a rule set document."""

    revision = IntegerField()
    note = StringField(validators=[Length(max=MAX_NOTE_CHARS)])
    name = StringField()
    detectors = _nested(DetectorsForm)
    number_words = _nested(NumberWordsForm)
    allowed_domains = WordListField(case="lower")
    reference_hosts = WordListField(case="lower")
    work_sample_hosts = WordListField(case="lower")
    extra_rules = PathList(_nested(ExtraRuleForm))
    actions = _nested(ActionsForm)
    messages = _nested(MessagesForm)
    exception_reasons = PathList(_nested(ExceptionReasonForm))
    exceptions = _nested(ExceptionsForm)
    context = _nested(ContextForm)

    @classmethod
    def for_version(cls, version: Any) -> RuleSetForm:
        """The editor filled from a stored version: its document, note, revision and exception policy."""
        doc = version.document
        policy = ExceptionPolicy.from_version(version)
        reasons = [{**r, **localized_data("label", r.get("label")),
                    "releases": [c.value for c in policy.released_by(r["id"])]}
                   for r in doc.get("exception_reasons", [])]
        messages = {}
        for category, text in (doc.get("messages") or {}).items():
            messages.update(localized_data(category, text))
        return cls(formdata=None, data={**doc, "exception_reasons": reasons, "messages": messages,
                                        "note": version.note,
                                        "revision": version.revision,
                                        "exceptions": {"claims_per_day": policy.claims_per_day}})

    def exception_policy(self) -> dict[str, Any]:
        """The exception policy the editor shows: releases per reason and the daily claims."""
        releases = {}
        for row in self.exception_reasons:
            item = row.form.item()
            if item and item["id"]:
                releases[item["id"]] = list(row.form.releases.data or [])
        return {"claims_per_day": self.exceptions.claims_per_day.data, "releases": releases}

    def add_blank_rows(self) -> None:
        """Empty rows under every list of the editor."""
        for rows in (self.detectors.social.apps, self.extra_rules, self.exception_reasons):
            rows.add_blank_rows()

    def document(self, base: dict[str, Any]) -> dict[str, Any]:
        """The rule set document: `base` (for keys the editor does not show) with every field applied."""
        doc = copy.deepcopy(base)
        doc["name"] = self.name.data or ""
        detectors = doc.setdefault("detectors", {})
        for category in Category:
            section = getattr(self.detectors, category.value).form
            values = {key: field.data for key, field in section._fields.items() if key != "apps"}
            detectors.setdefault(category.value, {}).update(values)
        social = self.detectors.social.form
        detectors[Category.SOCIAL.value]["apps"] = [a for a in (row.form.item() for row in social.apps) if a]
        doc["number_words"] = {"languages": [lang for lang in NUMBER_WORD_LANGUAGES
                                             if lang in (self.number_words.languages.data or [])]}
        for name in ("allowed_domains", "reference_hosts", "work_sample_hosts"):
            doc[name] = getattr(self, name).data or []
        doc["extra_rules"] = [r for r in (row.form.item() for row in self.extra_rules) if r]
        doc["actions"] = {s.value: {c.value: self.actions[s.value][c.value].data for c in Category}
                          for s in ContractState}
        doc["messages"] = {c.value: localized_value(self.messages.form, c.value) for c in Category}
        doc["exception_reasons"] = [r for r in (row.form.item() for row in self.exception_reasons) if r]
        doc.setdefault("context", {})["history_messages"] = self.context.history_messages.data
        return doc

    def field_errors(self) -> list[tuple[str, str]]:
        """WTForms' errors as (document path, message), the path being the field's name."""
        return [(field.name, message) for field in _leaves(self) for message in field.errors]


def _leaves(form: Form) -> Iterator[Field]:
    for field in form:
        if isinstance(field, FormField):
            yield from _leaves(field.form)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                yield from _leaves(entry.form) if isinstance(entry, FormField) else [entry]
        else:
            yield field
