"""Generated requests against every documented operation (schemathesis): no 500, replies as documented."""

from __future__ import annotations

import re

import pytest
import schemathesis
from admin_testdata import PASSWORD
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from admin.db import db

EXAMPLES_PER_OPERATION = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _session(app, username: str) -> tuple[dict[str, str], dict[str, str]]:
    """A logged-in user's session cookie and CSRF header, sent with every generated request."""
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    return {"session": client.get_cookie("session").value}, {"X-CSRFToken": token}


@pytest.mark.parametrize("mode", list(schemathesis.GenerationMode))
def test_api_never_fails_and_keeps_its_contract(app, backend, mode, make_token):
    # On PostgreSQL too: it refuses text SQLite stores (NUL, lone surrogates) and big integers.
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    cookies, headers = _session(app, "alice")
    # The /api/marketplace operations authenticate by a service token; every other one ignores it.
    headers["Authorization"] = f"Bearer {make_token()}"
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6  # schemathesis leaves the document itself out
    seen_statuses: set[int] = set()
    token_statuses: set[int] = set()
    for operation in operations:

        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case) -> None:
            response = case.call(headers=headers, cookies=cookies)
            case.validate_response(response, checks=CHECKS)
            assert "x-rules-fingerprint" in response.headers
            if response.status_code >= 400 and response.headers.get("content-type", [""])[0].startswith("application/"):
                assert {"error", "message"} <= set(response.json())
            seen_statuses.add(response.status_code)
            if case.operation.path.startswith("/api/marketplace/"):
                token_statuses.add(response.status_code)
            db.session.remove()

        with app.app_context():
            try:
                run()
            except Unsatisfiable:
                # Nothing to negate (no parameters, no body): the positive run covers the operation.
                assert mode is schemathesis.GenerationMode.NEGATIVE
    assert seen_statuses & {200, 201}
    if mode is schemathesis.GenerationMode.POSITIVE:
        assert token_statuses & {200, 201}  # the token authenticated: the routes were really exercised
