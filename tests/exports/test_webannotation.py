"""W3C Web Annotation export (newsdiff/exports/webannotation.py), checked against the Web Annotation Data
Model's MUSTs (https://www.w3.org/TR/annotation-model/): an Annotation has @context, an IRI id, type
Annotation and at least one target; a TextualBody has a value; a SpecificResource has exactly one source;
a TextPositionSelector has non-negative start ≤ end; a TextQuoteSelector has exact; a collection has an id,
type AnnotationCollection, and its pages type AnnotationPage with items. Motivations and purposes come from
the spec's list."""

import json
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from newsdiff.exports import ExportOptions, comparison_export, render_webannotation
from newsdiff.exports.webannotation import stable_iri
from newsdiff.models import Annotation, ArticleVersion, Passage
from tests import factories
from tests.test_exports import annotated_comparison

pytestmark = pytest.mark.django_db

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}


def is_iri(value: str) -> bool:
    return bool(urlsplit(value).scheme)


@pytest.fixture
def comparison():
    return annotated_comparison()


@pytest.fixture
def model(comparison):
    return comparison_export(comparison, options=ExportOptions(suggestions=True))


@pytest.fixture
def document(model):
    return json.loads(render_webannotation(model))


def test_the_collection_and_its_page_have_what_the_model_requires(document):
    assert document["@context"] == CONTEXT
    assert document["type"] == "AnnotationCollection" and is_iri(document["id"])
    page = document["first"]
    assert page["type"] == "AnnotationPage" and is_iri(page["id"]) and page["partOf"] == document["id"]
    assert document["total"] == len(page["items"]) > 0


def test_every_verdict_and_note_is_one_annotation(document, model):
    shown = [c for pair in model["pairs"] for c in pair["links"]] + [c for a in model["accounts"] for c in a["unique"]]
    expected = sum(1 for c in shown for v in c["verdicts"] + ([c["final"]] if c["final"] else []) if v["label"] or v["note"])
    assert len(document["first"]["items"]) == expected
    # With suggestions shown, every annotation with a verdict or note is in the export (the undone one is gone).
    stored = Annotation.objects.exclude(label="", note="").count()
    assert expected == stored


def test_every_annotation_has_its_required_parts(document):
    ids = set()
    for annotation in document["first"]["items"]:
        assert annotation["@context"] == CONTEXT and annotation["type"] == "Annotation"
        assert is_iri(annotation["id"]) and annotation["id"] not in ids
        ids.add(annotation["id"])
        assert annotation["motivation"] in MOTIVATIONS
        assert annotation["target"] and annotation["body"]
        for body in annotation["body"]:
            assert body["type"] == "TextualBody" and body["value"] and body["purpose"] in MOTIVATIONS
        for target in annotation["target"]:
            assert target["type"] == "SpecificResource" and is_iri(target["source"]["id"])
            kinds = [selector["type"] for selector in target["selector"]]
            assert kinds == ["TextPositionSelector", "TextQuoteSelector"]
            position, quote = target["selector"]
            assert 0 <= position["start"] <= position["end"] and quote["exact"]


def test_a_verdict_is_a_tagging_body_and_a_note_a_commenting_one(document):
    items = document["first"]["items"]
    final = next(a for a in items if {"purpose": "tagging", "type": "TextualBody", "value": "final verdict"} in a["body"])
    assert final["motivation"] == "assessing"
    assert {"type": "TextualBody", "purpose": "tagging", "value": "Conflicting"} in final["body"]
    assert {"type": "TextualBody", "purpose": "commenting", "value": "Fifteen minutes vs ten.", "format": "text/plain"} in final["body"]
    assert len(final["target"]) == 2  # the two linked passages, one in each account


def test_text_position_offsets_slice_exactly_the_passage_text(document, model, comparison):
    """For every target, the version's text from start to end is the passage, and the quote's exact is the same."""
    versions = {}
    for account in model["accounts"]:
        for version in account["versions"]:
            stored = ArticleVersion.objects.get(article__comparison=comparison, article__position=account["position"], number=version["number"])
            versions[(account["ref"], version["number"])] = stored
    by_source = {stable_iri(comparison.slug, f"{ref}.v{number}"): v for (ref, number), v in versions.items()}
    checked = 0
    for annotation in document["first"]["items"]:
        for target in annotation["target"]:
            version = by_source[target["source"]["id"]]
            position, quote = target["selector"]
            exact = version.text[position["start"]:position["end"]]
            passage = Passage.objects.get(version=version, start=position["start"], end=position["end"])
            assert exact == passage.text == quote["exact"]
            assert version.text[: position["start"]].endswith(quote["prefix"])
            assert version.text[position["end"]:].startswith(quote["suffix"])
            checked += 1
    assert checked >= 5


def test_both_formats_are_offered_on_the_export_page_and_download(client, comparison):
    client.force_login(factories.editor("dl"))
    page = client.get(reverse("comparison-export", args=[comparison.slug])).content.decode()
    assert 'value="claimreview"' in page and 'value="webannotation"' in page
    response = client.get(reverse("comparison-export", args=[comparison.slug]), {"format": "webannotation"})
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Content-Disposition"].endswith('.annotations.jsonld"')
    assert json.loads(response.content)["type"] == "AnnotationCollection"
