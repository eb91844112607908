"""Texts and rules the admin tests share (a plain module: test modules import it by name)."""

PASSWORD = "correct-horse-battery"
PHONE_TEXT = "call me at +1 415 555 2671 tonight"
EMAIL_TEXT = "write to john.doe@gmail.com please"
ADDRESS_TEXT = "come to 221b baker street"
LINK_TEXT = "apply on my-agency-site.com/jobs"
CLEAN_TEXT = "Sounds good, I can start on Monday."

# Extra rules pin the test texts to a category whatever the detectors' current coverage, so these
# tests check the server's behaviour, not detection quality (the engine's own suite does that).
TEST_EXTRA_RULES = [
    {"id": "test-phone", "category": "phone", "kind": "pattern", "value": r"\+1 415 555 2671"},
    {"id": "test-email", "category": "email", "kind": "pattern", "value": r"john\.doe@gmail\.com"},
    {"id": "test-address", "category": "address", "kind": "phrase", "value": "221b baker street"},
    {"id": "test-link", "category": "link", "kind": "domain", "value": "my-agency-site.com"},
]


def direct_scan(rules):
    """Every stored message judged again, one by one, with `rules` (in the caller's app context):
    what a rescan must report. Returns (count per action, count per category, changed message ids)."""
    from collections import Counter

    from admin.db import db
    from admin.enforcement import recent_history
    from admin.models import Message
    from engine import Detector

    detector = Detector(rules)
    by_action, by_category, changed = Counter(), Counter(), []
    for message in db.session.execute(db.select(Message).order_by(Message.id)).scalars():
        history = recent_history(message.conversation, rules.history_messages, before_id=message.id)
        verdict = detector.scan(message.text, history=history, state=message.state)
        by_action[verdict.action] += 1
        by_category.update(verdict.categories)
        if verdict.action != message.action or list(verdict.categories) != message.category_list:
            changed.append(message.id)
    return by_action, by_category, changed
