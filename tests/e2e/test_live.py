"""The live channel in Chromium: what an open conversation page shows stays true without a reload.

Delivery is timed from just before the server-side change (the admin's request, or the commit
of another process) to the moment the page shows the change (the page's own clock, which is
the machine's clock). Every measurement is printed (`pytest -s`); DELIVERY_BOUND_S is the bound.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]

DELIVERY_BOUND_S = 2.0
"""The issue's bound: a change reaches an open page within 2 s (the channel itself takes ~0.1 s here)."""
PHONE_TEXT = "Call me on +44 20 7946 0958 this evening"
CLEAN_TEXT = "Thanks, I will send the first sketches on Friday."
LIVE_TIMEOUT_MS = 20_000  # a generous wait for the page; the delivery bound is asserted separately
PAGE_TIMEOUT_MS = 30_000

# What Send would do now: the widget's data-sendable (the button itself may only be aria-disabled).
COMPOSER_ALLOWS = """() => {
    const root = document.querySelector('.cg-composer');
    return root.dataset.status === 'settled' && root.dataset.action === 'allow' && root.dataset.sendable === 'true';
}"""
COMPOSER_BLOCKS = """() => {
    const root = document.querySelector('.cg-composer');
    return root.dataset.status === 'settled' && root.dataset.action === 'block' && root.dataset.sendable === 'false';
}"""

# The verdict shown, settled or still waiting for the worker's (after new rules): a block held back.
WARNING_SHOWN = """() => {
    const root = document.querySelector('.cg-composer');
    return root.dataset.action === 'block' && root.dataset.sendable === 'false'
        && window.contactguard.composers[0].checkedText === document.querySelector('#composer').value;
}"""


def sendable(page) -> bool:
    return page.evaluate("() => document.querySelector('.cg-composer').dataset.sendable") == "true"


def shown_at(page, condition: str, timeout_ms: int = LIVE_TIMEOUT_MS) -> float:
    """Wait until `condition` (a JS function) holds on the page; the page's clock then, in seconds."""
    try:
        handle = page.wait_for_function(f"() => ({condition})() && Date.now()", polling=20, timeout=timeout_ms)
    except PlaywrightTimeout:
        pytest.fail(f"the page never showed it; it shows {widget_state(page)}")
    return handle.json_value() / 1000


def widget_state(page) -> dict:
    """What the page shows, for failure messages."""
    return page.evaluate("""() => {
        const root = document.querySelector('.cg-composer');
        return {action: root && root.dataset.action, status: root && root.dataset.status,
                sendable: root && root.dataset.sendable, mode: root && root.dataset.mode,
                text: document.querySelector('#composer').value,
                state: document.querySelector('#composer').dataset.state,
                badge: document.querySelector('#contract-state').textContent,
                live: document.querySelector('#messages').dataset.live,
                summary: root && root.querySelector('.cg-summary').textContent};
    }""")


def delivered(what: str, changed_at: float, seen_at: float, bound: float = DELIVERY_BOUND_S) -> float:
    """Print and check one delivery time."""
    latency = seen_at - changed_at
    print(f"\nlive delivery, {what}: {latency * 1000:.0f} ms (bound {bound * 1000:.0f} ms)")
    assert latency <= bound, f"{what} took {latency:.2f} s to reach the page (bound {bound} s)"
    return latency


def navigations(page) -> int:
    return page.evaluate("() => performance.getEntriesByType('navigation').length")


def open_live(session, conversation_id: int) -> None:
    """Open a conversation page and wait until its composer and its live channel are up."""
    session.open_conversation(conversation_id)
    session.page.wait_for_selector('#messages[data-live="open"]', state="attached", timeout=PAGE_TIMEOUT_MS)


def set_state(admin, conversation_id: int, state: str) -> float:
    """The admin moves a conversation to `state` through the admin form; returns the time just before."""
    admin.page.goto(f"{admin.server.url}/admin/contracts/{conversation_id}")
    token = admin.csrf()
    started = time.time()
    response = admin.context.request.post(
        f"{admin.server.url}/admin/contracts/{conversation_id}/state",
        form={"csrf_token": token, "state": state, "reason": "e2e: live channel"}, max_redirects=0)
    assert response.status == 303, f"{response.status} {response.text()[:300]}"
    return started


def ensure_state(admin, conversation_id: int, state: str) -> None:
    if admin.api(f"/api/conversations/{conversation_id}")["state"] != state:
        set_state(admin, conversation_id, state)


WRITER = r"""
import sys, time
from admin import create_app
from admin.contracts import change_state
from admin.db import db
from admin.enforcement import send_message
from admin.models import Conversation, User

what, conversation_id, value = sys.argv[1], int(sys.argv[2]), sys.argv[3]
app = create_app({"SESSION_COOKIE_SECURE": False})
with app.app_context():
    conversation = db.session.get(Conversation, conversation_id)
    if what == "state":
        change_state(conversation, value, "e2e: from another process", None)
        db.session.commit()
    else:
        sender = db.session.execute(db.select(User).where(User.username == sys.argv[4])).scalar_one()
        assert send_message(conversation, sender, value).message.delivered_text is not None
    print(time.time())
"""


def from_another_process(server, *args: str) -> float:
    """Write to the server's database from a process of its own (another gunicorn worker, a CLI);
    returns the time of the commit."""
    done = subprocess.run([sys.executable, "-c", WRITER, *map(str, args)], cwd=ROOT, env=server.env(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return float(done.stdout.strip().splitlines()[-1])


def message_texts(page) -> list[str]:
    return page.eval_on_selector_all("#messages li .text", "(items) => items.map((i) => i.textContent)")


def message_ids(page) -> list[str]:
    return page.eval_on_selector_all("#messages li", "(items) => items.map((i) => i.id)")


# -- on the shared server ----------------------------------------------------------------------

@pytest.fixture
def offer_conversation(alice, admin):
    """Alice's conversation in the offer state (put back in it afterwards: other modules expect it)."""
    conv = next(c for c in admin.api("/api/conversations")["conversations"]
                if c["client"]["username"] == "alice" and c["freelancer"]["username"] == "dave")
    ensure_state(admin, conv["id"], "offer")
    yield conv
    ensure_state(admin, conv["id"], "offer")


def test_a_state_change_reaches_an_open_composer_without_reload(alice, admin, offer_conversation):
    conv_id = offer_conversation["id"]
    open_live(alice, conv_id)
    alice.wait_for_mode("worker")
    assert alice.type_message(PHONE_TEXT)["action"] == "block" and not sendable(alice.page)
    loads, url = navigations(alice.page), alice.page.url

    started = set_state(admin, conv_id, "active")
    seen = shown_at(alice.page, COMPOSER_ALLOWS)
    delivered("state offer -> active, Send enabled", started, seen)
    view = alice.settled(PHONE_TEXT)
    assert view["action"] == "allow" and view["findings"] == []
    assert alice.page.inner_text("#contract-state") == "active"
    assert "state-active" in alice.page.get_attribute("#contract-state", "class").split()

    # And back: the warning returns just as fast.
    started = set_state(admin, conv_id, "offer")
    seen = shown_at(alice.page, COMPOSER_BLOCKS)
    delivered("state active -> offer, Send disabled", started, seen)
    assert alice.page.inner_text("#contract-state") == "offer"
    assert (navigations(alice.page), alice.page.url) == (loads, url)


def test_a_published_rule_set_reaches_an_open_composer_without_reload(alice, admin, draft_extra_rule):
    conv = alice.conversation("inquiry")
    open_live(alice, conv["id"])
    alice.wait_for_mode("worker")
    text = "Shall we move this chat to the zorblax relay?"
    assert alice.type_message(text)["action"] == "allow"
    loads = navigations(alice.page)
    alice.page.evaluate("""() => {
        window.__rulesEventAt = null;
        window.contactguard.live.addEventListener('rules', () => { window.__rulesEventAt ??= Date.now(); });
    }""")
    rule = {"id": "e2e-live-zorblax", "category": "social", "kind": "phrase", "value": "zorblax relay"}
    draft = draft_extra_rule(rule)  # leaves the admin on the draft's page

    expected = admin.page.get_attribute('input[name="expected_published_id"]', "value")
    started = time.time()
    response = admin.context.request.post(
        f"{admin.server.url}/admin/rules/{draft}/publish",
        form={"csrf_token": admin.csrf(), "expected_published_id": expected or "none"}, max_redirects=0)
    committed = time.time()  # the publish is committed before the reply
    assert response.status in (302, 303), response.status
    # The warning and the held-back Send come first from the server's verdict (the worker is
    # still compiling the new rules), then from the worker's own: the page is right all along.
    seen = shown_at(alice.page, WARNING_SHOWN)
    event_at = alice.page.evaluate("() => window.__rulesEventAt") / 1000
    delivered("publish of a new rule version, warning shown (from the publish's reply)", committed, seen)
    view = alice.settled(text)
    worker_at = time.time()
    print(f"publish request {(committed - started) * 1000:.0f} ms; the rules event reached the page "
          f"{(event_at - committed) * 1000:.0f} ms after its reply; the worker's own verdict about "
          f"{(worker_at - committed) * 1000:.0f} ms after it")
    current = alice.api("/api/rules/current")
    assert view["source"] == "worker" and [m["text"] for m in view["marks"]] == ["zorblax relay"]
    assert alice.page.evaluate("() => window.contactguard.client.info.fingerprint") == current["fingerprint"]
    assert navigations(alice.page) == loads


def test_a_message_from_one_party_appears_for_the_other(alice, make_session):
    conv = alice.conversation("inquiry")
    bob = make_session("bob")
    open_live(bob, conv["id"])
    open_live(alice, conv["id"])
    loads = navigations(bob.page)
    before = message_ids(bob.page)

    # Markup is text: the other party sees it as written, never as HTML.
    text = f"{CLEAN_TEXT} <b>not bold</b> <img src=x onerror=alert(1)>"
    alice.wait_for_mode("worker")
    alice.type_message(text)
    started = time.time()
    with alice.page.expect_navigation():
        alice.page.click("#send")
    seen = shown_at(bob.page, f"() => [...document.querySelectorAll('#messages li .text')]"
                              f".some((t) => t.textContent === {text!r})")
    delivered("a message to the other party", started, seen)
    assert bob.page.locator("#messages b, #messages img").count() == 0

    # Her refused attempt never reaches him; a redacted message arrives redacted.
    alice.page.evaluate(
        """async ([id, texts]) => {
            const token = document.querySelector('meta[name="csrf-token"]').content;
            for (const text of texts) {
                await fetch(`/api/conversations/${id}/messages`, {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json', 'X-CSRFToken': token}, body: JSON.stringify({text})});
            }
        }""",
        [conv["id"], [PHONE_TEXT, "Samples can go to 221B Baker Street, London NW1 6XE", "see you then"]],
    )
    bob.page.wait_for_function("() => [...document.querySelectorAll('#messages li .text')]"
                               ".some((t) => t.textContent === 'see you then')", timeout=LIVE_TIMEOUT_MS)
    visible = bob.api(f"/api/conversations/{conv['id']}")["messages"]
    assert message_ids(bob.page) == [f"message-{m['id']}" for m in visible]  # each once, in order
    assert message_texts(bob.page)[-3:] == [text, visible[-2]["text"], "see you then"]
    assert PHONE_TEXT not in bob.page.inner_text("#messages") and "Baker Street" not in visible[-2]["text"]
    assert len(message_ids(bob.page)) == len(before) + 3 and navigations(bob.page) == loads
    # The composer judges with the history the server uses: the new messages are in it.
    assert bob.page.evaluate("() => window.contactguard.composers[0].history.slice(-1)[0]") == "see you then"


def test_the_server_verdict_wins_just_before_sending(alice, draft_extra_rule, publish_draft):
    """Whatever the page missed, Send asks the server first; a different verdict is shown, not sent."""
    conv = alice.conversation("inquiry")
    open_live(alice, conv["id"])
    alice.wait_for_mode("worker")
    alice.page.evaluate("() => window.contactguard.live.stop()")  # as if the channel were down
    text = "Ring my quuxphone line after lunch"
    assert alice.type_message(text)["action"] == "allow"
    rule = {"id": "e2e-live-quuxphone", "category": "phone", "kind": "phrase", "value": "quuxphone line"}
    publish_draft(draft_extra_rule(rule), rule)
    loads = navigations(alice.page)
    count = len(alice.api(f"/api/conversations/{conv['id']}")["messages"])

    alice.page.click("#send")
    alice.page.wait_for_selector('.cg-composer[data-precheck="differs"]', state="attached", timeout=LIVE_TIMEOUT_MS)
    view = alice.settled(text)
    assert view["action"] == "block" and not sendable(alice.page)
    assert [m["text"] for m in view["marks"]] == ["quuxphone line"]
    assert "judged this message differently" in alice.page.inner_text(".cg-server-note")
    assert len(alice.api(f"/api/conversations/{conv['id']}")["messages"]) == count  # nothing was sent
    assert navigations(alice.page) == loads


def test_send_goes_through_when_the_server_agrees(alice):
    conv = alice.conversation("inquiry")
    open_live(alice, conv["id"])
    alice.wait_for_mode("worker")
    text = f"{CLEAN_TEXT} (agreed)"
    alice.type_message(text)
    with alice.page.expect_navigation():
        alice.page.click("#send")
    assert alice.api(f"/api/conversations/{conv['id']}")["messages"][-1]["text"] == text


def test_waiting_streams_never_starve_other_requests(alice):
    """The server runs requests side by side: open streams hold threads, not the server."""
    conv = alice.conversation("inquiry")
    cookies = {c["name"]: c["value"] for c in alice.context.cookies()}
    url = f"{alice.server.url}/api/conversations/{conv['id']}/events"
    streams = [requests.get(url, cookies=cookies, stream=True, timeout=30) for _ in range(8)]
    try:
        for stream in streams:
            assert stream.status_code == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
            assert next(stream.iter_lines()).startswith(b"retry:")  # open, and now waiting
        started = time.monotonic()
        # A single-threaded server would answer only when a stream ends (45 s): past the timeout.
        assert requests.get(f"{alice.server.url}/api/health", timeout=10).status_code == 200
        print(f"\n/api/health beside 8 open streams: {(time.monotonic() - started) * 1000:.0f} ms")
    finally:
        for stream in streams:
            stream.close()


# -- on a server of this module's own: other processes, restarts ---------------------------------

@pytest.fixture(scope="module")
def bob_alone(restartable_server, make_session):
    """Bob, logged in on the module's own server, with his inquiry conversation open."""
    bob = make_session("bob", on=restartable_server)
    conv = bob.conversation("inquiry")
    open_live(bob, conv["id"])
    yield bob, conv["id"]
    bob.page.goto("about:blank")  # no reconnects to this module's server once it is gone


def test_a_change_from_another_process_arrives_by_the_poll(restartable_server, bob_alone):
    """Another worker process's commit wakes no stream here: the once-a-second poll finds it."""
    bob, conv_id = bob_alone
    text = "A message written by another process"
    committed = from_another_process(restartable_server, "message", conv_id, text, "alice")
    seen = shown_at(bob.page, f"() => [...document.querySelectorAll('#messages li .text')]"
                              f".some((t) => t.textContent === {text!r})")
    delivered("a message committed by another process", committed, seen)

    committed = from_another_process(restartable_server, "state", conv_id, "offer")
    seen = shown_at(bob.page, "() => document.querySelector('#contract-state').textContent === 'offer'")
    delivered("a state change committed by another process", committed, seen)
    assert bob.page.evaluate("() => document.querySelector('#composer').dataset.state") == "offer"


def test_the_stream_survives_a_server_restart(restartable_server, bob_alone):
    bob, conv_id = bob_alone
    loads = navigations(bob.page)
    state = bob.page.inner_text("#contract-state")
    restartable_server.stop()
    bob.page.wait_for_selector('#messages:not([data-live="open"])', state="attached", timeout=LIVE_TIMEOUT_MS)

    # While the server is down: a message and a state change (written straight to its database).
    missed = "Sent while the server was down"
    from_another_process(restartable_server, "message", conv_id, missed, "alice")
    from_another_process(restartable_server, "state", conv_id, "active" if state != "active" else "offer")
    restartable_server.start()

    bob.page.wait_for_function(f"() => [...document.querySelectorAll('#messages li .text')]"
                               f".some((t) => t.textContent === {missed!r})", timeout=60_000)
    bob.page.wait_for_selector('#messages[data-live="open"]', state="attached", timeout=LIVE_TIMEOUT_MS)
    assert bob.page.inner_text("#contract-state") != state

    # After the restart the channel is live again: the next message comes at once, and nothing twice.
    after = "Sent after the restart"
    committed = from_another_process(restartable_server, "message", conv_id, after, "alice")
    seen = shown_at(bob.page, f"() => [...document.querySelectorAll('#messages li .text')]"
                              f".some((t) => t.textContent === {after!r})")
    delivered("a message after a server restart", committed, seen)
    visible = bob.api(f"/api/conversations/{conv_id}")["messages"]
    assert message_ids(bob.page) == [f"message-{m['id']}" for m in visible]
    assert message_texts(bob.page).count(missed) == 1 and navigations(bob.page) == loads


def test_streams_end_and_the_page_reconnects_without_loss_or_repeats(restartable_server, bob_alone):
    """Streams last 3 s on this server: messages written on both sides of reconnects appear once each."""
    bob, conv_id = bob_alone
    bob.page.evaluate("""() => {
        window.__liveOpens = 0;
        window.contactguard.live.addEventListener('status', (e) => { if (e.detail === 'open') window.__liveOpens++; });
    }""")
    texts = [f"Across reconnects, part {n}" for n in range(4)]
    for n, text in enumerate(texts):
        from_another_process(restartable_server, "message", conv_id, text, "alice")
        # The next message only after the stream ended and the page reconnected once more.
        bob.page.wait_for_function(f"() => window.__liveOpens >= {n + 1}", timeout=LIVE_TIMEOUT_MS)
    bob.page.wait_for_function(f"() => [...document.querySelectorAll('#messages li .text')]"
                               f".some((t) => t.textContent === {texts[-1]!r})", timeout=LIVE_TIMEOUT_MS)
    visible = bob.api(f"/api/conversations/{conv_id}")["messages"]
    assert message_ids(bob.page) == [f"message-{m['id']}" for m in visible]
    assert [message_texts(bob.page).count(text) for text in texts] == [1, 1, 1, 1]


def test_the_page_stops_listening_once_logged_out(restartable_server, make_session):
    """A stream re-checks the session whenever it reconnects (every 3 s here); logged out, the page
    stops for good instead of retrying forever."""
    dave = make_session("dave", on=restartable_server)
    open_live(dave, dave.conversation("offer")["id"])
    dave.form_post("/logout", {})  # from the page's context: the open page's session ends with it
    dave.page.wait_for_selector('#messages[data-live="closed"]', state="attached", timeout=LIVE_TIMEOUT_MS)
