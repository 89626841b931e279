"""Tests for the align command's JSON shape, which other tools are built on."""

import json

import pytest
from django.core.management import CommandError, call_command


def test_align_json_has_the_documented_shape(seeds_dir, capsys):
    call_command(
        "align", str(seeds_dir / "mexican_presidency_account.txt"), str(seeds_dir / "truth_social_account.txt"), "--json"
    )
    output = json.loads(capsys.readouterr().out)
    assert {"a", "b", "links", "unique"} <= set(output)
    texts = {}
    for side in ("a", "b"):
        raw = (seeds_dir / ("mexican_presidency_account.txt" if side == "a" else "truth_social_account.txt")).read_text("utf-8")
        for i, passage in enumerate(output[side]):
            assert passage["id"] == i
            assert {"id", "start", "end", "text", "kind"} <= set(passage)
            assert passage["kind"] in ("heading", "claim", "quote", "boilerplate")
            assert raw.replace("\r\n", "\n")[passage["start"] : passage["end"]] == passage["text"]
        texts[side] = output[side]
    assert output["links"], "the seed pair has corresponding passages"
    for link in output["links"]:
        assert set(link) >= {"a", "b", "score", "label", "reasons"}
        assert 0 <= link["score"] <= 100 and link["label"] in ("match", "conflict")
        assert all(texts["a"][i]["kind"] in ("claim", "quote") for i in link["a"])
        assert all(texts["b"][i]["kind"] in ("claim", "quote") for i in link["b"])
    assert set(output["unique"]) == {"a", "b"}


def test_align_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json")


@pytest.mark.django_db
def test_align_again_keeps_reviewer_verdicts(capsys):
    from newsdiff.models import Annotation
    from newsdiff.services.annotations import annotation_set, link_accept
    from tests import factories

    comparison = factories.ComparisonFactory(slug="call")
    factories.article(comparison, "The call lasted fifteen minutes.\nTrade was discussed at length by both.")
    factories.article(comparison, "The call lasted ten minutes.\nThe weather was fine.")
    link = comparison.links.get()
    reviewer = factories.reviewer()
    link_accept(link=link, reviewer=reviewer)
    annotation_set(reviewer=reviewer, link=link, label="conflicting", note="15 vs 10")
    call_command("align", "--comparison", "call")
    assert "links kept" in capsys.readouterr().out
    assert comparison.links.get(pk=link.pk).status == "accepted"
    assert Annotation.objects.get(link=link).note == "15 vs 10"
    with pytest.raises(CommandError, match="No comparison"):
        call_command("align", "--comparison", "nope")
