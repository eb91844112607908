"""The live channel (admin/live.py): who may subscribe, the event format, resuming by Last-Event-ID."""

from __future__ import annotations

import json

import pytest
from admin_testdata import ADDRESS_TEXT, CLEAN_TEXT, PASSWORD, PHONE_TEXT
from sqlalchemy import event

from admin import live
from admin.contracts import change_state
from admin.db import db
from admin.enforcement import send_message
from admin.models import Conversation, Message, User
from admin.versions import create_version, current_published_row, publish

THREADED = {"wsgi.multithread": True}  # what a threaded server says: streams may wait there


def events_url(conversation_id: int) -> str:
    return f"/api/conversations/{conversation_id}/events"


def parse(body: str) -> list[dict]:
    """SSE text -> events: {"event", "id", "data"} (data parsed as JSON), plus {"retry"} and {"comment"}."""
    found = []
    for block in body.split("\n\n"):
        if not block.strip():
            continue
        item: dict = {}
        for line in block.split("\n"):
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "":
                item["comment"] = value
            elif field == "data":
                item["data"] = json.loads(value)
            else:
                item[field] = value
        found.append(item)
    return found


def messages_in(events: list[dict]) -> list[dict]:
    return [e["data"] for e in events if e.get("event") == "message"]


def subscribe(auth, conversation_id: int, last_event_id: str | None = None, query: str = "") -> tuple[object, list]:
    """One pass of the stream (the test client is a single-threaded server): the reply and its events."""
    headers = {"Last-Event-ID": last_event_id} if last_event_id is not None else {}
    response = auth.client.get(events_url(conversation_id) + query, headers=headers)
    return response, parse(response.get_data(as_text=True)) if response.status_code == 200 else []


def as_user(auth, username: str) -> None:
    auth.logout()
    auth.login(username, PASSWORD)


def post(auth, conversation_id: int, text: str):
    return auth.post_json(f"/api/conversations/{conversation_id}/messages", {"text": text})


# -- who may subscribe -------------------------------------------------------------------------

@pytest.mark.parametrize(("username", "status"), [
    ("alice", 200), ("bob", 200),          # the two parties
    ("admin", 200), ("reviewer", 200),     # staff read every conversation
    ("carol", 403), ("dave", 403),         # other users never
])
def test_only_participants_and_staff_may_subscribe(auth, demo, username, status):
    auth.login(username, PASSWORD)
    response, events = subscribe(auth, demo.conversations["inquiry"])
    assert response.status_code == status
    if status == 200:
        assert response.mimetype == "text/event-stream"
        assert [e.get("event") for e in events] == [None, "state", "rules"]
    else:
        assert response.get_json()["error"] == "forbidden"


def test_subscribing_needs_a_login_and_an_existing_conversation(auth, demo):
    response = auth.client.get(events_url(demo.conversations["inquiry"]))
    assert response.status_code == 401
    auth.login("alice", PASSWORD)
    assert auth.client.get(events_url(987654)).status_code == 404


@pytest.mark.parametrize("bad", ["x", "1:2:3:4", "1:inquiry:v2", "-1", "1:in quiry:1", "1:inquiry:3:", "9" * 13])
def test_a_malformed_last_event_id_is_400(auth, demo, bad):
    auth.login("alice", PASSWORD)
    response, _ = subscribe(auth, demo.conversations["inquiry"], last_event_id=bad)
    assert response.status_code == 400
    assert response.get_json()["error"] == "bad_last_event_id"


# -- the format --------------------------------------------------------------------------------

def test_a_fresh_subscription_says_retry_state_and_rules_and_nothing_old(app, auth, demo):
    conv = demo.conversations["inquiry"]
    auth.login("alice", PASSWORD)
    post(auth, conv, CLEAN_TEXT)
    response, events = subscribe(auth, conv)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["X-Rules-Fingerprint"]
    assert events[0] == {"retry": str(app.config["LIVE_RETRY_MS"])}
    with app.app_context():
        rules = current_published_row()
        newest = db.session.execute(db.select(db.func.max(Message.id))).scalar()
        expected = [
            {"event": "state", "id": f"{newest}:inquiry:", "data": {"conversation_id": conv, "state": "inquiry"}},
            {"event": "rules", "id": f"{newest}:inquiry:{rules.id}",
             "data": {"version": rules.number, "fingerprint": rules.fingerprint}},
        ]
    assert events[1:] == expected  # the page already shows the older message


def test_messages_arrive_as_each_viewer_sees_them(auth, demo):
    conv = demo.conversations["inquiry"]
    auth.login("alice", PASSWORD)
    assert post(auth, conv, CLEAN_TEXT).status_code == 201
    assert post(auth, conv, PHONE_TEXT).status_code == 422       # refused: kept, never delivered
    redacted = post(auth, conv, ADDRESS_TEXT).get_json()["message"]["text"]
    assert redacted != ADDRESS_TEXT

    _, events = subscribe(auth, conv, last_event_id="0")
    mine = messages_in(events)
    assert [(m["status"], m["text"]) for m in mine] == [
        ("delivered", CLEAN_TEXT), ("blocked", None), ("redacted", redacted)]
    assert mine[1]["attempted_text"] == PHONE_TEXT and mine[1]["action"] == "block"
    assert {m["sender"] for m in mine} == {"alice"} and {m["sender_name"] for m in mine} == {"Alice"}

    as_user(auth, "bob")
    _, events = subscribe(auth, conv, last_event_id="0")
    theirs = messages_in(events)
    assert [(m["status"], m["text"]) for m in theirs] == [("delivered", CLEAN_TEXT), ("redacted", redacted)]
    assert all("attempted_text" not in m and "original_text" not in m and "action" not in m for m in theirs)
    assert ADDRESS_TEXT not in json.dumps(events) and PHONE_TEXT not in json.dumps(events)

    as_user(auth, "admin")
    _, events = subscribe(auth, conv, last_event_id="0")
    assert [m["original_text"] for m in messages_in(events)] == [CLEAN_TEXT, PHONE_TEXT, ADDRESS_TEXT]


def test_event_data_is_json_on_one_line_whatever_the_text(auth, demo):
    conv = demo.conversations["inquiry"]
    auth.login("alice", PASSWORD)
    text = "line one\n\ndata: not an event\r\nevent: state\n<script>alert(1)</script>"
    assert post(auth, conv, text).status_code == 201
    as_user(auth, "bob")
    response, events = subscribe(auth, conv, last_event_id="0")
    assert [m["text"] for m in messages_in(events)] == [text]
    assert [e.get("event") for e in events if "event" in e] == ["state", "rules", "message"]


# -- resuming ----------------------------------------------------------------------------------

def test_last_event_id_resumes_without_loss_or_repeat(app, auth, demo):
    conv = demo.conversations["inquiry"]
    auth.login("alice", PASSWORD)
    texts = [f"{CLEAN_TEXT} ({n})" for n in range(5)]
    for text in texts[:2]:
        post(auth, conv, text)
    as_user(auth, "bob")
    _, first = subscribe(auth, conv, last_event_id="0")
    assert [m["text"] for m in messages_in(first)] == texts[:2]
    after_first_message = next(e["id"] for e in first if e.get("event") == "message")
    last = first[-1]["id"]

    # A reconnect from the middle gets the rest once, and no state or rules already known.
    _, again = subscribe(auth, conv, last_event_id=after_first_message)
    assert [e.get("event") for e in again[1:]] == ["message"]
    assert [m["text"] for m in messages_in(again)] == texts[1:2]

    # Meanwhile: three more messages, a refused one from the other party, a state change.
    as_user(auth, "alice")
    for text in texts[2:4]:
        post(auth, conv, text)
    post(auth, conv, PHONE_TEXT)
    post(auth, conv, texts[4])
    with app.app_context():
        change_state(db.session.get(Conversation, conv), "offer", "test", None)
        db.session.commit()
    as_user(auth, "bob")
    _, resumed = subscribe(auth, conv, last_event_id=last)
    assert [m["text"] for m in messages_in(resumed)] == texts[2:]
    assert [e["data"]["state"] for e in resumed if e.get("event") == "state"] == ["offer"]
    assert not [e for e in resumed if e.get("event") == "rules"]
    ids = [e["id"] for e in resumed if "id" in e]
    assert [live.Cursor.parse(i).message_id for i in ids] == sorted(live.Cursor.parse(i).message_id for i in ids)

    # Up to date: a reconnect with the newest id gets nothing at all.
    _, nothing = subscribe(auth, conv, last_event_id=resumed[-1]["id"])
    assert [e for e in nothing if "event" in e] == []


def test_a_publish_reaches_subscribers_as_a_rules_event(app, auth, demo):
    conv = demo.conversations["offer"]
    auth.login("dave", PASSWORD)
    _, events = subscribe(auth, conv)
    cursor = events[-1]["id"]
    with app.app_context():
        current = current_published_row()
        doc = dict(current.document, extra_rules=[*current.document["extra_rules"], {
            "id": "test-pigeon", "category": "social", "kind": "phrase", "value": "carrier pigeon"}])
        version = create_version(doc, None, "test: one more rule")
        publish(version, None, current.id)
        db.session.commit()
        number, fingerprint = version.number, version.fingerprint
    _, events = subscribe(auth, conv, last_event_id=cursor)
    assert [e["data"] for e in events if e.get("event") == "rules"] == [
        {"version": number, "fingerprint": fingerprint}]
    assert not [e for e in events if e.get("event") in ("state", "message")]


def test_the_header_wins_over_the_query_cursor(auth, demo):
    conv = demo.conversations["inquiry"]
    auth.login("alice", PASSWORD)
    post(auth, conv, CLEAN_TEXT)
    as_user(auth, "bob")
    # The page's first connection passes its cursor in the URL; the browser's reconnects add the header.
    _, by_query = subscribe(auth, conv, query="?last_event_id=0")
    assert [m["text"] for m in messages_in(by_query)] == [CLEAN_TEXT]
    _, by_header = subscribe(auth, conv, last_event_id=by_query[-1]["id"], query="?last_event_id=0")
    assert messages_in(by_header) == []


def test_a_long_backlog_comes_in_several_reads_in_order(app, auth, demo, monkeypatch):
    monkeypatch.setattr(live, "MESSAGES_PER_READ", 3)
    conv = demo.conversations["inquiry"]
    with app.app_context():
        alice = db.session.get(User, demo.users["alice"])
        for n in range(8):
            send_message(db.session.get(Conversation, conv), alice, f"{CLEAN_TEXT} #{n}")
    auth.login("bob", PASSWORD)
    response = auth.client.get(events_url(conv), headers={"Last-Event-ID": "0"}, environ_overrides=THREADED,
                               buffered=False)
    seen: list[str] = []
    chunks = iter(response.response)
    while len(seen) < 8:
        seen += [m["text"] for m in messages_in(parse(next(chunks).decode()))]
    response.close()
    assert seen == [f"{CLEAN_TEXT} #{n}" for n in range(8)]


# -- waiting -----------------------------------------------------------------------------------

def test_a_threaded_server_keeps_the_stream_open_and_delivers_what_comes(app, auth, demo):
    conv = demo.conversations["inquiry"]
    app.config.update(LIVE_STREAM_SECONDS=600, LIVE_POLL_SECONDS=0.2)
    auth.login("bob", PASSWORD)
    response = auth.client.get(events_url(conv), environ_overrides=THREADED, buffered=False)
    chunks = iter(response.response)
    opening = parse(b"".join(next(chunks) for _ in range(2)).decode())
    assert [e.get("event") for e in opening] == [None, "state", "rules"]
    with app.app_context():
        alice = db.session.get(User, demo.users["alice"])
        send_message(db.session.get(Conversation, conv), alice, CLEAN_TEXT)
        change_state(db.session.get(Conversation, conv), "active", "test", None)
        db.session.commit()
    got: list[dict] = []
    while not (messages_in(got) and any(e.get("data", {}).get("state") == "active" for e in got)):
        got += parse(next(chunks).decode())
    response.close()
    assert [m["text"] for m in messages_in(got)] == [CLEAN_TEXT]


def test_a_quiet_stream_sends_keep_alive_comments(app, auth, demo):
    app.config.update(LIVE_STREAM_SECONDS=600, LIVE_POLL_SECONDS=0.01, LIVE_HEARTBEAT_SECONDS=0)
    auth.login("bob", PASSWORD)
    response = auth.client.get(events_url(demo.conversations["inquiry"]), environ_overrides=THREADED,
                               buffered=False)
    chunks = iter(response.response)
    while "comment" not in (parse(next(chunks).decode()) or [{}])[-1]:
        pass
    response.close()


@pytest.mark.parametrize(("username", "status"), [("bob", 200), ("carol", 403), (None, 401)])
def test_a_head_request_asks_without_opening_a_stream(app, auth, demo, username, status):
    """The page probes with HEAD before it reconnects by itself: it must not hold a stream open."""
    app.config.update(LIVE_STREAM_SECONDS=5)
    if username:
        auth.login(username, PASSWORD)
    response = auth.client.head(events_url(demo.conversations["inquiry"]), environ_overrides=THREADED)
    assert response.status_code == status and response.get_data() == b""


def test_a_single_threaded_server_answers_once_and_lets_the_browser_poll(app, auth, demo):
    """A waiting stream would hold a sync worker (and every request behind it): it ends at once."""
    app.config.update(LIVE_STREAM_SECONDS=600)
    auth.login("bob", PASSWORD)
    response, events = subscribe(auth, demo.conversations["inquiry"])
    assert response.status_code == 200 and [e.get("event") for e in events[1:]] == ["state", "rules"]


@pytest.mark.parametrize(("obj", "wakes"), [("message", True), ("state", True), ("publish", True), ("user", False)])
def test_commits_of_what_streams_show_wake_them(app, demo, obj, wakes):
    with app.app_context():
        seen = live.CHANGES.generation
        conv = db.session.get(Conversation, demo.conversations["inquiry"])
        if obj == "message":
            send_message(conv, db.session.get(User, demo.users["alice"]), CLEAN_TEXT)
        elif obj == "state":
            change_state(conv, "offer", "test", None)
        elif obj == "publish":
            current = current_published_row()
            publish(create_version(current.document, None, "same again"), None, current.id)
        else:
            db.session.get(User, demo.users["alice"]).display_name = "Alice A."
        db.session.commit()
        assert (live.CHANGES.generation != seen) is wakes


def test_a_rolled_back_write_wakes_nobody(app, demo):
    with app.app_context():
        seen = live.CHANGES.generation
        change_state(db.session.get(Conversation, demo.conversations["inquiry"]), "offer", "test", None)
        db.session.flush()
        db.session.rollback()
        db.session.commit()
        assert live.CHANGES.generation == seen


# -- cost and ordering -------------------------------------------------------------------------

def _recorder(statements: list[str]):
    def note(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    return note


def test_an_idle_poll_is_one_query(app, demo):
    conv = demo.conversations["inquiry"]
    viewer = live.Viewer(demo.users["bob"], False)
    statements: list[str] = []
    with app.app_context():
        cursor = live.changes(conv, viewer, live.Cursor()).cursor
        note = _recorder(statements)
        event.listen(db.engine, "before_cursor_execute", note)
        try:
            found = live.changes(conv, viewer, cursor)
        finally:
            event.remove(db.engine, "before_cursor_execute", note)
    assert found.events == [] and found.cursor == cursor
    assert len(statements) == 1, statements


def test_a_send_updates_the_conversation_row_before_inserting_the_message(app, demo):
    """Per-conversation message ids follow commit order only because the conversation row is
    written (and, on PostgreSQL, locked) before the message gets its id; live.py relies on it."""
    statements: list[str] = []
    with app.app_context():
        note = _recorder(statements)
        event.listen(db.engine, "before_cursor_execute", note)
        try:
            send_message(db.session.get(Conversation, demo.conversations["inquiry"]),
                         db.session.get(User, demo.users["alice"]), CLEAN_TEXT)
        finally:
            event.remove(db.engine, "before_cursor_execute", note)
    writes = [s.split()[0:3] for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert writes.index(["UPDATE", "conversations", "SET"]) < writes.index(["INSERT", "INTO", "messages"])


@pytest.mark.parametrize(("text", "cursor"), [
    ("0", live.Cursor(0)), ("12", live.Cursor(12)), ("12:", live.Cursor(12)),
    ("12:active:", live.Cursor(12, "active")), ("12:active:3", live.Cursor(12, "active", 3)),
    ("12::3", live.Cursor(12, None, 3)),
])
def test_cursors_round_trip(text, cursor):
    assert live.Cursor.parse(text) == cursor
    assert live.Cursor.parse(str(cursor)) == cursor


def test_a_stream_that_ran_its_time_says_end_so_the_page_reconnects_at_once(app, auth, demo):
    """`retry` delays the browser's own reconnect; a planned end must not wait for it."""
    app.config.update(LIVE_STREAM_SECONDS=0.05, LIVE_POLL_SECONDS=0.01)
    auth.login("bob", PASSWORD)
    response = auth.client.get(events_url(demo.conversations["inquiry"]), environ_overrides=THREADED)
    events = parse(response.get_data(as_text=True))
    assert [e.get("event") for e in events][-1] == "end" and events[-1]["data"] == {}
    # A server that answers once per request (the browser polls) never says it: no reconnect storm.
    _, polled = subscribe(auth, demo.conversations["inquiry"])
    assert "end" not in [e.get("event") for e in polled]
