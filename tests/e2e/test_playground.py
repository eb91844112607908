"""The rule editor's playground: the same worker shows what the draft rules do, as the admin types."""

from __future__ import annotations

import json
import re


def test_rule_editor_playground_uses_the_draft_being_edited(admin):
    page = admin.page
    page.goto(f"{admin.server.url}/admin/rules/")
    response = admin.form_post("/admin/rules/new", {"note": "e2e: playground"})
    version_id = int(re.search(r"/admin/rules/(\d+)", response.url).group(1))
    page.goto(f"{admin.server.url}/admin/rules/{version_id}")
    page.wait_for_selector('.cg-composer[data-mode="worker"]', state="attached", timeout=30_000)

    text = "we could send the drafts by homing owl"
    page.fill("#playground-text", "")
    page.click("#playground-text")
    page.keyboard.type(text)
    page.wait_for_function(
        "(t) => window.contactguard.composers[0].checkedText === t", arg=text, timeout=30_000)
    assert page.locator(".cg-finding").count() == 0

    # The admin edits the raw JSON: the playground re-checks with the unsaved draft at once.
    doc = json.loads(page.input_value("#rules-json"))
    doc["extra_rules"].append({"id": "no-owl", "category": "social", "kind": "phrase", "value": "homing owl"})
    page.fill("#rules-json", json.dumps(doc, indent=1))
    page.wait_for_selector('.cg-finding[data-category="social"]', timeout=15_000)
    assert page.inner_text(".cg-backdrop mark") == "homing owl"
    assert "rules being edited" in page.inner_text(".cg-playground-rules")

    # A draft that does not validate is explained, not silently ignored.
    doc["extra_rules"][-1]["category"] = "pigeon"
    page.fill("#rules-json", json.dumps(doc))
    page.wait_for_function("() => document.querySelector('.cg-summary').textContent.includes('not valid')",
                           timeout=15_000)
    assert "extra_rules" in page.inner_text(".cg-summary")
