"""What the server itself says to a user (a refused exception claim, a failed login, a logout)
speaks the user's language, with the rule set's own label for the exception."""

from __future__ import annotations

import pytest
from admin_testdata import PHONE_TEXT

REFUSALS = {
    "es": ("La excepción", "Acceso al repositorio"),
    "de": ("Die Ausnahme", "Repository-Zugang"),
    "ru": ("Исключение", "Доступ к репозиторию"),
    "ar": ("الاستثناء", "الوصول إلى المستودع"),
}


def _set_language(auth, language: str, next_path: str = "/demo/"):
    return auth.post_form("/language", {"language": language, "next": next_path})


@pytest.mark.parametrize("language", sorted(REFUSALS))
def test_a_refused_claim_explains_in_the_users_language(auth, demo, language):
    auth.login("alice")
    _set_language(auth, language)
    response = auth.post_json(f"/api/conversations/{demo.conversations['inquiry']}/messages",
                              {"text": PHONE_TEXT, "exception_reason": "repo_access"})
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "exception_not_covering"
    opening, _label = REFUSALS[language]
    assert body["message"].startswith(opening), body["message"]
    assert "releases" not in body["message"]


def test_a_refused_claim_stays_in_english_for_english_users(auth, demo):
    auth.login("alice")
    response = auth.post_json(f"/api/conversations/{demo.conversations['inquiry']}/messages",
                              {"text": PHONE_TEXT, "exception_reason": "repo_access"})
    assert response.get_json()["message"].startswith("The exception")


def test_a_failed_login_is_told_in_the_browsers_language(client):
    page = client.get("/login", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    import re

    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"username": "nobody", "password": "wrong", "csrf_token": token},
                           headers={"Accept-Language": "fr"}, follow_redirects=True)
    assert "Nom d'utilisateur ou mot de passe incorrect" in response.get_data(as_text=True).replace("&#39;", "'")
