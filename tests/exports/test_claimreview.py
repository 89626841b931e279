"""schema.org ClaimReview export (newsdiff/exports/claimreview.py), checked against schema.org's vocabulary
and the properties fact-check readers require (Google's ClaimReview guidelines: claimReviewed, reviewRating
with alternateName, url; recommended author, datePublished, itemReviewed)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from newsdiff.exports import ExportOptions, comparison_export, render_claimreview
from newsdiff.models import Annotation
from newsdiff.services.annotations import annotation_set
from tests import factories
from tests.test_exports import annotated_comparison

pytestmark = pytest.mark.django_db

# The schema.org properties each type used here accepts (its own and inherited: Thing → CreativeWork →
# Review → ClaimReview; Thing → CreativeWork → Claim; Thing → Intangible → Rating; Thing → Organization,
# Person), from schema.org's type pages; only the ones an export could plausibly use are listed.
THING = {"name", "url", "identifier", "description", "alternateName", "sameAs"}
CREATIVE_WORK = THING | {
    "author", "datePublished", "headline", "text", "inLanguage", "publisher", "dateModified", "creator", "about",
}
VOCABULARY = {
    "ClaimReview": CREATIVE_WORK | {"itemReviewed", "reviewRating", "reviewBody", "claimReviewed"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "CreativeWork": CREATIVE_WORK,
    "Rating": THING | {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "author", "reviewAspect"},
    "Organization": THING | {"legalName", "logo"},
    "Person": THING | {"givenName", "familyName"},
}


def nodes(value):
    """Every JSON object in a document, depth first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


@pytest.fixture
def model(settings):
    settings.NEWSDIFF_ORGANIZATION = "Demo Desk Verification"
    settings.NEWSDIFF_CLAIMREVIEW_URL = "https://news.example.org/checks/{slug}/#claim-{claim}"
    comparison = annotated_comparison()
    lone = Annotation.objects.filter(comparison=comparison, label="unique").first().passage
    annotation_set(reviewer=factories.editor("fin"), passage=lone, label="unique", note="Checked.", final=True)
    return comparison_export(comparison, options=ExportOptions())


def test_one_claimreview_per_final_verdict(model):
    document = json.loads(render_claimreview(model))
    assert document["@context"] == "https://schema.org"
    finals = Annotation.objects.filter(is_final=True).exclude(label="")
    assert len(document["@graph"]) == finals.count() == 2
    assert {review["reviewRating"]["alternateName"] for review in document["@graph"]} == {"Conflicting", "Unique"}


def test_every_type_and_property_is_schema_org_vocabulary(model):
    document = json.loads(render_claimreview(model))
    for node in nodes(document["@graph"]):
        assert node["@type"] in VOCABULARY, node["@type"]
        unknown = set(node) - {"@type", "@id"} - VOCABULARY[node["@type"]]
        assert not unknown, (node["@type"], unknown)


def test_the_fields_fact_check_readers_require_are_there(model):
    for review in json.loads(render_claimreview(model))["@graph"]:
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"].strip()
        assert review["reviewRating"]["@type"] == "Rating" and review["reviewRating"]["alternateName"]
        assert review["url"].startswith("https://news.example.org/checks/sheinbaum-trump-call/#claim-")
        assert review["author"] == {"@type": "Organization", "name": "Demo Desk Verification"}
        assert len(review["datePublished"]) == 10  # YYYY-MM-DD
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["appearance"]


def test_the_claim_and_its_appearances_come_from_the_accounts(model):
    reviews = {r["reviewRating"]["alternateName"]: r for r in json.loads(render_claimreview(model))["@graph"]}
    conflict, unique = reviews["Conflicting"], reviews["Unique"]
    final_link = Annotation.objects.get(is_final=True, label="conflicting").link
    assert conflict["claimReviewed"] == " ".join(p.text for p in final_link.a_passages.order_by("index"))
    assert conflict["reviewRating"]["ratingExplanation"] == "Fifteen minutes vs ten."
    appearances = conflict["itemReviewed"]["appearance"]
    assert [a["url"] for a in appearances] == ["https://example.org/mexico", "https://example.org/us"]
    assert [a["datePublished"][:16] for a in appearances] == ["2026-01-15T18:00", "2026-01-15T19:30"]
    assert appearances[0]["author"] == {"@type": "Person", "name": "Demo Wire staff"}
    assert conflict["itemReviewed"]["firstAppearance"]["url"] == "https://example.org/mexico"
    assert conflict["itemReviewed"]["author"]["name"] == "Mexican presidency"
    lone = Annotation.objects.get(is_final=True, label="unique").passage
    assert unique["claimReviewed"] == lone.text and len(unique["itemReviewed"]["appearance"]) == 1


def test_without_a_url_template_url_is_left_out_and_the_default_author_is_newsdiff(settings, db):
    settings.NEWSDIFF_CLAIMREVIEW_URL = ""
    del settings.NEWSDIFF_ORGANIZATION
    model = comparison_export(annotated_comparison())
    (review,) = json.loads(render_claimreview(model))["@graph"]
    assert "url" not in review and review["author"]["name"] == "newsdiff"


def test_the_command_writes_claimreview(db):
    annotated_comparison()
    out = StringIO()
    call_command("export_comparison", "sheinbaum-trump-call", "--format", "claimreview", stdout=out)
    assert json.loads(out.getvalue())["@graph"][0]["@type"] == "ClaimReview"
