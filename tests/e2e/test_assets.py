"""The bundle as Flask serves it: MIME types Pyodide needs, cache lifetimes, the manifest."""

from __future__ import annotations

import hashlib

import pytest
import requests


@pytest.mark.parametrize(("key", "name", "mimetype"), [
    ("pyodide", "pyodide.asm.wasm", "application/wasm"),
    ("pyodide", "pyodide.mjs", "text/javascript"),
    ("app", "worker.mjs", "text/javascript"),
    ("app", "composer.css", "text/css"),
])
def test_bundle_files_have_their_type_and_a_long_immutable_cache(server, web_bundle, key, name, mimetype):
    response = requests.get(f"{server.url}/static/web/{web_bundle[key]}/{name}", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == mimetype
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=31536000" in response.headers["Cache-Control"]
    entry = web_bundle["files"][f"{web_bundle[key]}/{name}"]
    assert hashlib.sha256(response.content).hexdigest() == entry["sha256"]
    assert len(response.content) == entry["size"]


def test_wheels_are_listed_and_served(server, web_bundle):
    names = [w.rsplit("/", 1)[1] for w in web_bundle["wheels"]]
    assert any(n.startswith("contactguard_engine-") and n.endswith("-py3-none-any.whl") for n in names)
    assert any(n.startswith(("phonenumberslite-9.0.42-", "phonenumbers-9.0.42-")) for n in names)
    for wheel in web_bundle["wheels"]:
        response = requests.get(f"{server.url}/static/web/{wheel}", timeout=10)
        assert response.status_code == 200 and response.content[:2] == b"PK"


def test_manifest_is_revalidated_every_time(server, web_bundle):
    response = requests.get(f"{server.url}/static/web/manifest.json", timeout=10)
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.json()["engine_version"] == web_bundle["engine_version"]
    etag = response.headers["ETag"]
    again = requests.get(f"{server.url}/static/web/manifest.json", headers={"If-None-Match": etag}, timeout=10)
    assert again.status_code == 304


def test_missing_files_are_404(server):
    assert requests.get(f"{server.url}/static/web/app/0000000000000000/nope.mjs", timeout=10).status_code == 404
    assert requests.get(f"{server.url}/static/web/../pyproject.toml", timeout=10).status_code == 404


def test_large_files_go_out_gzipped_to_browsers_that_accept_it(server, web_bundle):
    url = f"{server.url}/static/web/{web_bundle['pyodide']}/pyodide.asm.wasm"
    size = web_bundle["files"][f"{web_bundle['pyodide']}/pyodide.asm.wasm"]["size"]
    gz = requests.get(url, headers={"Accept-Encoding": "gzip"}, stream=True, timeout=10)
    assert gz.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in gz.headers["Vary"]
    assert gz.headers["Content-Type"] == "application/wasm"
    assert int(gz.headers["Content-Length"]) < size / 2
    gz.close()
    plain = requests.get(url, headers={"Accept-Encoding": "identity"}, stream=True, timeout=10)
    assert "Content-Encoding" not in plain.headers and int(plain.headers["Content-Length"]) == size
    plain.close()
