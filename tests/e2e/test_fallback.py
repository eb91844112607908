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
