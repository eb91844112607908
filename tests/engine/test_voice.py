"""Who writes (engine/voice.py): an organisation's brief names its own premises and site as
project data; a freelancer's own, or an invitation to come or write, stays contact."""

from __future__ import annotations

import pytest

from engine import Detector, RuleSet

FILLER = (" The work covers 40 listings a month, each with 25 photos, a floor plan and a short text;"
          " the budget is 1,800 USD a month for a start of three months, with a review after the first."
          " Please send two samples of similar work and your availability here on the platform.")


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(RuleSet.default())


def _categories(detector: Detector, text: str) -> set[str]:
    return set(detector.scan(text).categories)


@pytest.mark.parametrize("opening", [
    "We are Northgate Lettings (head office: 27 Queen Street, Leeds LS1 2TW) and we are looking for a photographer.",
    "Somos Inmobiliaria Ribera (oficina: Calle Mayor 14, 28013 Madrid) y buscamos un fotógrafo.",
    "Wir sind die Hausverwaltung Krüger (Sitz: Lindenstraße 9, 10969 Berlin) und suchen einen Fotografen.",
    "Мы — агентство «Северный дом» (офис: Москва, ул. Тверская, д. 12, оф. 3). Ищем фотографа.",
    "Our current listings are on northgate-lettings.co.uk/listings and we are looking for a photographer.",
    "Nous cherchons un photographe. Nos annonces actuelles sont sur immo-lacoste.fr/biens.",
])
def test_an_organisations_own_premises_and_site_in_its_brief_are_project_data(detector, opening):
    assert _categories(detector, opening + FILLER) & {"address", "link"} == set()


@pytest.mark.parametrize("text", [
    # a visit, a delivery or an application there is contact, whoever writes
    "We are Northgate Lettings and we are looking for a photographer. Come to our office at 27 Queen Street,"
    " Leeds LS1 2TW on Monday to see the flats.",
    "Somos Inmobiliaria Ribera y buscamos un fotógrafo. Envía las muestras impresas a nuestra oficina,"
    " Calle Mayor 14, 28013 Madrid.",
    # a freelancer's own studio and site
    "I am looking for a long-term client. My studio is at 27 Queen Street, Leeds LS1 2TW, and my site is"
    " lumenframes.co.uk.",
])
def test_an_invitation_or_a_writers_own_place_stays_contact(detector, text):
    assert _categories(detector, text + FILLER) & {"address", "link"}


def test_a_phone_in_a_brief_stays_a_phone(detector):
    text = "We are Northgate Lettings (head office: 27 Queen Street, Leeds) and we are looking for a photographer." \
           " Our office line is 0113 496 0123." + FILLER
    assert "phone" in _categories(detector, text)


def test_a_short_message_is_no_brief(detector):
    # "our office is at …" in a chat line is no job post: it is judged like any address
    assert "address" in _categories(detector, "we are looking for you: our office is at 27 Queen Street, Leeds LS1 2TW")
