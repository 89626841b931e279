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


def _check_claims(output, letters):
    reviewable = {x: {p["id"] for p in output[x] if p["kind"] in ("claim", "quote")} for x in letters}
    seen = {x: [] for x in letters}
    for claim in output["claims"]:
        assert {"id", "members", "label", "reasons"} <= set(claim)
        assert set(claim["members"]) == set(letters)
        assert claim["label"] in ("matching", "conflicting", "unique") and claim["reasons"]
        for x in letters:
            seen[x].extend(claim["members"][x])
    for x in letters:
        assert sorted(seen[x]) == sorted(reviewable[x]), "every reviewable passage is in exactly one claim"


def test_align_two_files_adds_claims_beside_the_old_shape(seeds_dir, capsys):
    call_command(
        "align", str(seeds_dir / "mexican_presidency_account.txt"), str(seeds_dir / "truth_social_account.txt"), "--json"
    )
    output = json.loads(capsys.readouterr().out)
    assert set(output) == {"a", "b", "links", "unique", "claims", "languages"}
    assert output["languages"] == {"a": "en", "b": "en"}  # detected (issue 12)
    _check_claims(output, ["a", "b"])
    both = [c for c in output["claims"] if c["members"]["a"] and c["members"]["b"]]
    assert len(both) <= len(output["links"]) and both


def test_align_three_files_gives_pairs_and_claims_across_all(seeds_dir, tmp_path, capsys):
    wire = tmp_path / "wire.txt"
    wire.write_text(
        "Leaders speak by phone\n\nThe two presidents held a phone call on Thursday about trade and security.\n\n"
        "The call lasted about half an hour, an aide said.\n\nA spokesman said the weather in the capital was mild.\n",
        encoding="utf-8",
    )
    call_command(
        "align",
        str(seeds_dir / "mexican_presidency_account.txt"),
        str(seeds_dir / "truth_social_account.txt"),
        str(wire),
        "--json",
    )
    output = json.loads(capsys.readouterr().out)
    assert {"a", "b", "c", "pairs", "claims"} <= set(output) and "links" not in output
    assert [p["accounts"] for p in output["pairs"]] == [["a", "b"], ["a", "c"], ["b", "c"]]
    assert all({"links", "unique"} <= set(p) for p in output["pairs"])
    _check_claims(output, ["a", "b", "c"])
    weather = next(p["id"] for p in output["c"] if "weather" in p["text"])
    alone = next(c for c in output["claims"] if weather in c["members"]["c"])
    assert alone["label"] == "unique" and not alone["members"]["a"] and not alone["members"]["b"]


def test_align_needs_two_files(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("A sentence.", encoding="utf-8")
    with pytest.raises(CommandError, match="two or more files"):
        call_command("align", str(one), "--json")


@pytest.mark.django_db
def test_align_again_in_the_background_queues_a_job(capsys):
    from newsdiff.models import Job
    from tests import factories

    comparison = factories.ComparisonFactory(slug="call")
    factories.article(comparison, "The call lasted fifteen minutes.\nTrade was discussed at length by both.")
    factories.article(comparison, "The call lasted ten minutes.\nThe weather was fine.")
    call_command("align", "--comparison", "call", "--background")
    job = Job.objects.get(kind=Job.Kind.REALIGN, comparison=comparison)
    assert f"job {job.pk}" in capsys.readouterr().out and job.status == Job.Status.DONE
    with pytest.raises(CommandError, match="--background goes with --comparison"):
        call_command("align", "a.txt", "b.txt", "--background")


def test_align_reads_english_accounts_with_the_shipped_model_unless_turned_off(seeds_dir, capsys, settings):
    """The shipped English model adds its bonus to the seed's lede pair; the setting turns it off."""
    from newsdiff.text import semantic

    files = [str(seeds_dir / "mexican_presidency_account.txt"), str(seeds_dir / "truth_social_account.txt")]
    settings.NEWSDIFF_EMBEDDING_MODEL_DIR = ""
    scores = {}
    for shipped in (True, False):
        settings.NEWSDIFF_SHIPPED_EMBEDDING_MODEL = shipped
        call_command("align", *files, "--json")
        scores[shipped] = {(tuple(l["a"]), tuple(l["b"])): l["score"] for l in json.loads(capsys.readouterr().out)["links"]}
    assert scores[True][((1,), (0,))] > scores[False][((1,), (0,))]
    assert semantic.scorer_for_pair("", "en", "en", shipped=False) is None
