"""Fallback: with Pyodide blocked, the composer still warns (through the server) and says so."""

from __future__ import annotations


def test_blocked_pyodide_falls_back_to_server_checks(make_session):
    session = make_session("alice")
    blocked = []

    def block(route):
        blocked.append(route.request.url)
        route.abort()

    session.context.route("**/static/web/pyodide/**", block)
    conv = session.conversation("inquiry")
    session.open_conversation(conv["id"])
    session.wait_for_mode("server")
    view = session.type_message("ping me on +44 20 7946 0958 later")
    assert blocked, "no Pyodide file was requested"
    assert view["source"] == "server"
    assert "limited" in view["modeText"]
    assert view["action"] == "block" and view["sendDisabled"] is True
    assert any("phone" in m["categories"] and m["text"] == "+44 20 7946 0958" for m in view["marks"])


def test_a_hanging_pyodide_falls_back_after_the_timeout(make_session):
    """A .wasm that never arrives (as with a wrong MIME type, Pyodide would wait forever)."""
    session = make_session("alice")
    session.context.add_init_script("window.contactguardOptions = {timeoutMs: 2000};")
    session.context.route("**/pyodide.asm.wasm", lambda route: None)  # never answered
    conv = session.conversation("inquiry")
    session.open_conversation(conv["id"])
    view = session.type_message("my email is jdoe77@gmail.com")
    assert view["action"] == "block" and view["source"] == "server"
    session.wait_for_mode("server")
    assert "did not finish" in session.page.inner_text(".cg-mode")


def test_another_engine_version_on_the_server_is_shown_and_checks_go_to_the_server(make_session):
    session = make_session("alice")

    def older_engine(route):
        response = route.fetch()
        body = response.json()
        body["engine_version"] = "0.0.0-other"
        route.fulfill(response=response, json=body)

    session.context.route("**/api/rules/current", older_engine)
    conv = session.conversation("inquiry")
    session.open_conversation(conv["id"])
    session.wait_for_mode("server")
    assert "0.0.0-other" in session.page.inner_text(".cg-mode")
    view = session.type_message("call me on +44 20 7946 0958")
    assert view["source"] == "server" and view["action"] == "block"
