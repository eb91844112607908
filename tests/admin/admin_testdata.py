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
