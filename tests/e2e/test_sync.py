"""Rule sync and authority: fresh rules without a reload, contract states, the server decides."""

from __future__ import annotations

PIGEON = {"id": "no-pigeon", "category": "social", "kind": "phrase", "value": "carrier pigeon"}
PHONE_TEXT = "Call me on +44 20 7946 0958 this evening"


def test_published_rules_reach_an_open_composer_without_reload(alice, publish_extra_rule):
    conv = alice.conversation("inquiry")
    alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    text = "Shall we switch to carrier pigeon for the files?"
    before = alice.type_message(text)
    assert before["action"] == "allow" and before["marks"] == []
    navigations = alice.page.evaluate("() => performance.getEntriesByType('navigation').length")
    url = alice.page.url

    current = publish_extra_rule(PIGEON)

    # The user comes back to the tab: the worker revalidates by ETag and re-checks the text.
    alice.page.evaluate("() => window.dispatchEvent(new Event('focus'))")
    alice.page.wait_for_selector('.cg-finding[data-category="social"]', timeout=15_000)
    after = alice.settled(text)
    assert after["action"] == "block" and after["source"] == "worker"
    assert [m["text"] for m in after["marks"]] == ["carrier pigeon"]
    assert alice.page.evaluate("() => window.contactguard.client.info.fingerprint") == current["fingerprint"]
    assert alice.page.url == url
    assert alice.page.evaluate("() => performance.getEntriesByType('navigation').length") == navigations


def test_a_reply_with_another_fingerprint_reloads_the_worker_rules(alice, publish_extra_rule):
    """A reply from the server with another fingerprint reloads the rules before the next check."""
    conv = alice.conversation("inquiry")
    alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    old = alice.page.evaluate("() => window.contactguard.client.info.fingerprint")
    current = publish_extra_rule({"id": "no-smoke", "category": "social", "kind": "phrase",
                                  "value": "smoke signals"})
    assert current["fingerprint"] != old
    # Any API reply carries X-Rules-Fingerprint; the client passes it on to the worker.
    alice.page.evaluate("(id) => window.contactguard.client.checkOnServer({text: 'hello', conversationId: id})",
                        conv["id"])
    view = alice.type_message("fine, smoke signals it is")
    assert view["source"] == "worker" and [m["text"] for m in view["marks"]] == ["smoke signals"]
    assert alice.page.evaluate("() => window.contactguard.client.info.fingerprint") == current["fingerprint"]


def test_active_contract_allows_contact_details(alice, admin):
    conv = alice.conversation("offer")
    alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    assert alice.type_message(PHONE_TEXT)["action"] == "block"

    admin.page.goto(f"{admin.server.url}/admin/contracts/{conv['id']}")
    admin.form_post(f"/admin/contracts/{conv['id']}/state", {"state": "active", "reason": "e2e: contract awarded"})
    assert alice.api(f"/api/conversations/{conv['id']}")["state"] == "active"

    alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    view = alice.type_message(PHONE_TEXT)
    assert view["action"] == "allow" and view["marks"] == [] and view["sendDisabled"] is False
    with alice.page.expect_navigation():
        alice.page.click("#send")
    alice.page.wait_for_selector(".cg-composer")
    assert PHONE_TEXT in alice.page.inner_text("#messages")
    delivered = alice.api(f"/api/conversations/{conv['id']}")["messages"][-1]
    assert delivered["text"] == PHONE_TEXT and delivered["status"] == "delivered"


def test_the_server_refuses_what_the_page_posts_around_the_widget(alice):
    conv = alice.conversation("inquiry")
    alice.open_conversation(conv["id"])
    reply = alice.page.evaluate(
        """async ([id, text]) => {
            const token = document.querySelector('meta[name="csrf-token"]').content;
            const response = await fetch(`/api/conversations/${id}/messages`, {
                method: 'POST', credentials: 'same-origin',
                headers: {'Content-Type': 'application/json', 'X-CSRFToken': token},
                body: JSON.stringify({text}),
            });
            return {status: response.status, fingerprint: response.headers.get('X-Rules-Fingerprint'),
                    body: await response.json()};
        }""",
        [conv["id"], PHONE_TEXT],
    )
    rules = alice.api("/api/rules/current")
    assert reply["status"] == 422
    assert reply["fingerprint"] == rules["fingerprint"]
    assert reply["body"]["delivered"] is False
    assert "phone" in reply["body"]["verdict"]["categories"]
    visible = alice.api(f"/api/conversations/{conv['id']}")["messages"]
    assert all(m["status"] == "blocked" for m in visible if m["text"] == PHONE_TEXT)
