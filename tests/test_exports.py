"""The export model and its four renderers (newsdiff/exports/)."""

import csv
import gzip
import io
import json
import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsdiff.exports import (
    SCHEMA,
    VERSION,
    ExportOptions,
    comparison_export,
    csv_cell,
    export_create,
    export_filename,
    md_escape,
    render_csv,
    render_html,
    render_json,
    render_markdown,
)
from newsdiff.models import ExportRecord, Link, Passage
from newsdiff.services.annotations import annotation_set, annotation_undo_last, link_create, link_reject
from tests import factories

# The two readouts of the Sheinbaum–Trump call that load_demo ships.
DEMO_DIR = Path(__file__).resolve().parents[1] / "newsdiff" / "demo"
MEXICO_TEXT = (DEMO_DIR / "mexican_presidency.md").read_text(encoding="utf-8")
US_TEXT = (DEMO_DIR / "truth_social.md").read_text(encoding="utf-8")
XSS_NOTE = '<script>alert("note")</script><img src=x onerror=alert(1)>[click](javascript:alert(1))'


def annotated_comparison(*, accounts: int = 2, slug: str = "sheinbaum-trump-call"):
    """The demo call with verdicts, notes, a final verdict, a rejected suggestion, a hand link and an undo."""
    comparison = factories.ComparisonFactory(
        slug=slug, title="Sheinbaum–Trump phone call: two readouts", description="Two readouts of one call."
    )
    mexico = factories.article(
        comparison,
        MEXICO_TEXT,
        fmt="markdown",
        source="Mexican presidency",
        outlet="Demo Wire",
        author="Demo Wire staff",
        url="https://example.org/mexico",
        published_at=datetime(2026, 1, 15, 18, 0, tzinfo=timezone.utc),
        language="en",
    )
    us = factories.article(
        comparison,
        US_TEXT,
        fmt="markdown",
        source="Truth Social",
        outlet="Demo Desk",
        author="Demo Desk",
        url="https://example.org/us",
        published_at=datetime(2026, 1, 15, 19, 30, tzinfo=timezone.utc),
    )
    articles = [mexico, us]
    if accounts >= 3:
        articles.append(
            factories.article(
                comparison,
                "Leaders talk trade\n"
                "President Donald Trump and President Claudia Sheinbaum spoke by telephone on Thursday.\n"
                "The call covered the border, drug trafficking and trade, officials in both capitals said.\n"
                "Canada was not mentioned in either readout.",
                source="Wire service",
                outlet="Third Wire",
            )
        )
    ana, ben, eve = factories.reviewer("ana"), factories.reviewer("ben"), factories.editor("eve")
    links = list(Link.objects.filter(comparison=comparison, article_a=mexico, article_b=us).order_by("pk"))
    assert len(links) >= 3, "the demo texts should produce at least three suggestions"
    first, second, third = links[:3]
    annotation_set(reviewer=ana, link=first, label="matching", note="Both say they spoke by phone.")
    annotation_set(reviewer=ben, link=first, label="matching")
    annotation_set(reviewer=ana, link=second, label="conflicting", note=XSS_NOTE)
    annotation_set(reviewer=ben, link=second, label="matching", note="=HYPERLINK(\"http://evil\")")
    annotation_set(reviewer=eve, link=second, label="conflicting", note="Fifteen minutes vs ten.", final=True)
    link_reject(link=third, reviewer=ana)
    linked = {p.pk for link in links[:2] for p in list(link.a_passages.all()) + list(link.b_passages.all())}
    lone_mx = [
        p for p in Passage.objects.filter(version=mexico.current_version).order_by("index")
        if p.is_reviewable and p.pk not in linked and not p.links_as_a.filter(status="pending").exists()
    ]
    lone_us = [
        p for p in Passage.objects.filter(version=us.current_version).order_by("index")
        if p.is_reviewable and p.pk not in linked and not p.links_as_b.filter(status="pending").exists()
    ]
    annotation_set(reviewer=ana, passage=lone_mx[0], label="unique", note="Only Mexico says this.")
    annotation_set(reviewer=ben, passage=lone_mx[0], label="unique")
    hand = link_create(reviewer=ben, a_passages=[lone_mx[1]], b_passages=[lone_us[0]], label="conflicting")
    annotation_set(reviewer=ben, link=hand, note="A note that is undone next.")
    annotation_undo_last(reviewer=ben, comparison=comparison)
    comparison.refresh_from_db()
    return comparison


@pytest.fixture
def comparison(db):
    return annotated_comparison()


def export(comparison, **options):
    return comparison_export(comparison, options=ExportOptions(**options))


def all_claims(model):
    return [claim for pair in model["pairs"] for claim in pair["links"]] + [
        claim for account in model["accounts"] for claim in account["unique"]
    ]


class TextOf(HTMLParser):
    """Visible text of an HTML document, and every tag and attribute seen."""

    def __init__(self):
        super().__init__()
        self.text, self.tags, self.attributes, self._skip = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse_html(html: str) -> TextOf:
    parser = TextOf()
    parser.feed(html)
    return parser


# The model ------------------------------------------------------------------


def test_model_names_schema_and_version(comparison):
    """The model says what it is: schema newsdiff.comparison, version 1."""
    model = export(comparison)
    assert model["schema"] == SCHEMA == "newsdiff.comparison"
    assert model["version"] == VERSION == 1
    assert model["comparison"]["slug"] == "sheinbaum-trump-call"


def test_model_lists_accounts_with_their_details(comparison):
    """Each account carries source, outlet, author, URL and time."""
    accounts = export(comparison)["accounts"]
    assert [a["ref"] for a in accounts] == ["a1", "a2"]
    mexico = accounts[0]
    assert mexico["source"] == "Mexican presidency"
    assert mexico["outlet"] == "Demo Wire"
    assert mexico["author"] == "Demo Wire staff"
    assert mexico["url"] == "https://example.org/mexico"
    assert mexico["published_at"] == "2026-01-15T18:00:00.000000+00:00"


def test_model_has_every_verdict_note_and_final_decision(comparison):
    """A link carries both passages, its label, the notes, who decided and when."""
    model = export(comparison)
    links = model["pairs"][0]["links"]
    final = next(claim for claim in links if claim["final"])
    assert final["label"] == "conflicting"
    assert final["final"]["reviewer"] == "eve"
    assert final["final"]["note"] == "Fifteen minutes vs ten."
    assert final["decided_by"] == ["eve"]
    assert final["decided_at"]
    assert {v["reviewer"]: v["label"] for v in final["verdicts"]} == {"ana": "conflicting", "ben": "matching"}
    assert any(v["note"] == XSS_NOTE for v in final["verdicts"])
    assert final["a"] and final["b"]
    agreed = next(claim for claim in links if claim["label"] == "matching")
    assert agreed["decided_by"] == ["ana", "ben"]
    assert not agreed["disputed"]


def test_model_marks_differing_words(comparison):
    """Linked passages come as fragments, the words that differ from the other side marked."""
    claim = export(comparison)["pairs"][0]["links"][0]
    fragments = claim["a"][0]["fragments"]
    assert "".join(f["text"] for f in fragments) == claim["a"][0]["text"]
    assert any(f["differs"] for f in fragments + claim["b"][0]["fragments"])
    assert any(not f["differs"] for f in fragments)


def test_model_counts_per_label_and_per_account(comparison):
    """Counts per label for the whole comparison and per account."""
    model = export(comparison)
    assert model["counts"]["matching"] == 1
    assert model["counts"]["conflicting"] == 2  # the final verdict and the hand link
    assert model["counts"]["unique"] == 1
    mexico, us = model["accounts"]
    assert mexico["counts"]["unique"] == 1
    assert mexico["counts"]["matching"] >= 1 and us["counts"]["matching"] >= 1
    assert mexico["counts"]["claims"] == mexico["counts"]["without_verdict"] + len(
        {
            p["ref"]
            for claim in model["pairs"][0]["links"]
            if claim["label"]
            for p in claim["a"]
        }
    ) + mexico["counts"]["unique"]


def test_model_reports_kappa(comparison):
    """Reviewer agreement: Cohen's kappa over the whole comparison and per pair of reviewers."""
    agreement = export(comparison)["agreement"]
    assert agreement["reviewers"] == ["ana", "ben"]
    assert agreement["pairs"][0]["reviewers"] == ["ana", "ben"]
    assert agreement["pairs"][0]["shared"] == 3
    assert agreement["kappa"] is not None


def test_model_lists_unique_claims_of_each_account(comparison):
    """A passage tagged unique is listed under its account."""
    mexico, us = export(comparison)["accounts"]
    tagged = [claim for claim in mexico["unique"] if claim["label"] == "unique"]
    assert len(tagged) == 1
    assert tagged[0]["verdicts"][0]["note"] == "Only Mexico says this."
    assert tagged[0]["kind"] == "unique" and tagged[0]["b"] == []
    assert all(claim["label"] == "unique" for claim in us["unique"])


def test_untagged_suggestions_are_left_out_or_marked(comparison):
    """Untagged suggestions appear only when asked for, and then marked as suggestions."""
    without = all_claims(export(comparison, suggestions=False))
    with_them = all_claims(export(comparison, suggestions=True))
    assert not any(claim["suggestion"] for claim in without)
    suggestions = [claim for claim in with_them if claim["suggestion"]]
    assert suggestions
    assert all(not claim["label"] for claim in suggestions)
    assert len(with_them) == len(without) + len(suggestions)
    assert any(claim["status"] == "pending" for claim in suggestions)


def test_only_conflicts(comparison):
    """Only conflicts: claims whose verdict is conflicting, or that a reviewer called conflicting."""
    claims = all_claims(export(comparison, only="conflicts"))
    assert len(claims) == 2
    assert all(claim["label"] == "conflicting" for claim in claims)


def test_only_final_verdicts(comparison):
    """Only final verdicts: nothing without an editor's final verdict."""
    claims = all_claims(export(comparison, only="final", suggestions=True))
    assert len(claims) == 1
    assert claims[0]["final"]["reviewer"] == "eve"


def test_rejected_links_stay_in_the_record_not_the_report(comparison):
    """A rejected suggestion is history: in the record, not among the claims."""
    model = export(comparison, suggestions=True)
    rejected = [link["ref"] for link in model["record"]["links"] if link["status"] == "rejected"]
    assert len(rejected) == 1
    assert rejected[0] not in {claim["key"] for claim in all_claims(model)}


def test_record_has_history_with_stable_references(comparison):
    """History entries point at annotations, links and passages by stable reference, never by database id."""
    model = export(comparison)
    events = model["record"]["events"]
    assert [e["ref"] for e in events] == [f"e{n}" for n in range(1, len(events) + 1)]
    actions = [e["action"] for e in events]
    assert {"tag", "final", "reject", "link", "note", "undo"} <= set(actions)
    link_event = next(e for e in events if e["action"] == "link")
    assert all(re.fullmatch(r"a\d+\.v\d+\.p\d+", ref) for ref in link_event["after"]["a"] + link_event["after"]["b"])
    undo = next(e for e in events if e["action"] == "undo")
    assert undo["undoes"] in {e["ref"] for e in events}
    refs = {p["ref"] for account in model["accounts"] for v in account["versions"] for p in v["passages"]}
    for annotation in model["record"]["annotations"]:
        assert annotation["link"] or annotation["passage"] in refs


def test_model_is_built_in_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    """The number of queries does not grow with passages, links or verdicts."""
    small = annotated_comparison(slug="small")
    with django_assert_max_num_queries(40) as small_queries:
        comparison_export(small)
    big = factories.ComparisonFactory(slug="big")
    a = factories.article(big, factories.synthetic_text(120, seed=1), source="A")
    factories.article(big, factories.synthetic_text(120, seed=2), source="B")
    r = factories.reviewer("rita")
    for link in Link.objects.filter(comparison=big)[:30]:
        annotation_set(reviewer=r, link=link, label="matching", note="n")
    for passage in Passage.objects.filter(article=a)[:5]:
        annotation_set(reviewer=r, passage=passage, label="unique")
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        comparison_export(big)


def test_three_accounts_export_every_pair_in_json_and_a_claim_grid_in_the_reports(db):
    """With three accounts JSON holds each of the three pairs and the claims; the reports show the claim grid
    (one row per claim, a column per account) instead of pairs, so they grow with claims, not pairs."""
    comparison = annotated_comparison(accounts=3)
    model = export(comparison, suggestions=True)
    assert [(p["a"], p["b"]) for p in model["pairs"]] == [("a1", "a2"), ("a1", "a3"), ("a2", "a3")]
    assert all(pair["links"] for pair in model["pairs"])
    assert len(model["accounts"]) == 3
    claims = model["claims"]
    assert claims and all(set(c["members"]) == {"a1", "a2", "a3"} for c in claims)
    html = render_html(model)
    assert 'class="pair"' not in html and html.split('id="claims"')[1].count("<tr><td>") == len(claims)
    assert "— not reported" in html
    rows = list(csv.DictReader(io.StringIO(render_csv(model))))
    assert len(rows) == len(claims) and {row["pair"] for row in rows} == {"all"}
    md = render_markdown(model)
    assert md.count("\n## ") == 3 + 1  # accounts, counts, agreement; the grid


# HTML -----------------------------------------------------------------------


def test_html_is_self_contained(comparison):
    """Inline CSS, no script, nothing fetched from elsewhere; a print stylesheet with @page."""
    html = render_html(export(comparison))
    parsed = parse_html(html)
    assert "script" not in parsed.tags
    assert "link" not in parsed.tags and "img" not in parsed.tags and "iframe" not in parsed.tags
    assert "src" not in parsed.attributes
    # url(#…) names a pattern inside the document (the alignment map's hatching); anything else would be fetched.
    assert not re.search(r"url\((?!#[\w-]+\))|@import", html)
    assert "@page" in html and "@media print" in html
    assert "break-inside: avoid" in html


def test_html_has_claims_marks_notes_and_kappa(comparison):
    """The report shows accounts, both passages with differing words marked, notes, deciders and kappa."""
    model = export(comparison)
    html = render_html(model)
    text = " ".join(parse_html(html).text)
    assert "Mexican presidency" in text and "Truth Social" in text and "Demo Wire staff" in text
    assert "<mark>" in html
    assert "Fifteen minutes vs ten." in text
    assert "eve" in text and "(final)" in text
    assert "Cohen's kappa" in text
    assert "Only Mexico says this." in text
    first = model["pairs"][0]["links"][0]
    assert first["a"][0]["fragments"][0]["text"].strip()[:20] in text


def test_html_escapes_notes(comparison):
    """Markup in a note is shown as text, never run."""
    html = render_html(export(comparison))
    parsed = parse_html(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "onerror" not in parsed.attributes
    assert XSS_NOTE in " ".join(parsed.text)


def test_html_escapes_xss_payloads_everywhere(db, data_dir):
    """Every payload from the XSS list, as a title, account details and a note, stays text."""
    payloads = (data_dir / "xss-payload-list.sample300.txt").read_text(encoding="utf-8").splitlines()
    comparison = factories.ComparisonFactory(slug="xss", title=payloads[2], description="\n".join(payloads[:20]))
    article_a = factories.article(comparison, factories.synthetic_text(40, seed=1), source=payloads[3], outlet=payloads[4])
    factories.article(comparison, factories.synthetic_text(40, seed=2), source=payloads[5], author=payloads[6])
    reviewer = factories.reviewer("x")
    links = list(Link.objects.filter(comparison=comparison).order_by("pk"))
    passages = [p for p in Passage.objects.filter(article=article_a).order_by("index") if p.is_reviewable]
    for index, payload in enumerate(payloads):
        if payload.strip():
            target = {"link": links[index % len(links)]} if index % 2 else {"passage": passages[index % len(passages)]}
            label = "matching" if index % 2 else "unique"
            annotation_set(reviewer=reviewer, note=payload, label=label, **target)
    model = export(comparison)
    notes = {v["note"] for claim in all_claims(model) for v in claim["verdicts"]}
    html = render_html(model)
    parsed = parse_html(html)
    assert set(parsed.tags) <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h4", "p", "code", "section",
        "table", "thead", "tbody", "tr", "th", "td", "strong", "article", "div", "span", "mark", "ul", "li",
        "footer", "br", "a",
        # the alignment map
        "figure", "figcaption", "svg", "defs", "pattern", "g", "path", "rect", "circle", "title",
    }
    assert not {a for a in parsed.attributes if a.startswith("on")}
    assert "src" not in parsed.attributes
    text = "".join(parsed.text)
    for note in notes:
        assert note in text  # shown as text, exactly
    markdown = render_markdown(model)
    assert not re.search(r"(?<!\\)[<\[\]]", markdown)  # no tag, link or image can start


# Markdown -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "[click](javascript:alert(1))",
        "![img](http://evil.example/x.png)",
        "<script>alert(1)</script>",
        "<http://evil.example>",
        "https://evil.example/path",
        "www.evil.example",
        "mail me@evil.example",
        "# not a heading",
        "- not a list",
        "1. not a list",
        "> not a quote",
        "`code` *em* _em_ ~~strike~~ | pipe",
        "&lt;entity&gt; &#106;",
        "[ref]: http://evil.example",
    ],
)
def test_markdown_escape_neutralises_syntax(raw):
    """Link, image, raw HTML, autolink, block and inline syntax in user text is escaped."""
    escaped = md_escape(raw)
    assert not re.search(r"(?<!\\)[\[\]<>`*_~|&!#@]", escaped)
    assert "://" not in escaped and not re.search(r"(?i)www\.", escaped)
    assert not re.match(r"[-+=>]|\d+[.)]", escaped)
    assert re.sub(r"\\(.)", r"\1", escaped) == raw  # nothing lost: unescaping gives the text back


def test_markdown_report(comparison):
    """The Markdown report has the accounts, counts, kappa, claims and notes, escaped."""
    md = render_markdown(export(comparison))
    assert md.startswith("# Sheinbaum–Trump phone call: two readouts\n")
    assert "## Accounts" in md and "## Counts" in md and "## Reviewer agreement" in md
    assert "Mexican presidency" in md and "Truth Social" in md
    assert "Conflicting (final)" in md
    assert "Fifteen minutes vs ten\\." not in md  # "." is left alone in prose
    assert "Fifteen minutes vs ten." in md
    assert not re.search(r"(?<!\\)<", md)  # no raw HTML at all: every "<" is escaped
    assert "\\<script\\>" in md
    assert "\\[click\\](javascript:alert(1))" in md
    assert "**" in md  # differing words in bold


def test_markdown_notes_cannot_break_out_of_their_line(db):
    """A multi-line note stays inside its quote: no heading, list or HTML block can start."""
    comparison = annotated_comparison(slug="multi")
    link = Link.objects.filter(comparison=comparison, status="accepted").first() or Link.objects.filter(
        comparison=comparison, status="pending"
    ).first()
    reviewer = factories.reviewer("multi")
    annotation_set(
        reviewer=reviewer, link=link, label="matching", note="first\n# heading\n- item\n<div>x</div>\n\n    code"
    )
    md = render_markdown(export(comparison))
    quoted = [line for line in md.splitlines() if line.lstrip().startswith(">")]
    assert "     > \\# heading" in quoted
    assert "     > \\- item" in quoted
    assert "     > \\<div\\>x\\</div\\>" in quoted
    assert "     > code" in quoted


# CSV ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralises_formula_cells(value):
    """A cell beginning with = + - @ tab or CR gets a leading apostrophe."""
    assert csv_cell(value) == "'" + value


def test_csv_leaves_ordinary_cells_and_numbers_alone():
    assert csv_cell("Sheinbaum said") == "Sheinbaum said"
    assert csv_cell(-0.25) == "-0.25"
    assert csv_cell(None) == ""
    assert csv_cell(True) == "yes"


def test_csv_has_one_row_per_claim(comparison):
    """One row per claim: both passages, label, notes, reviewers and times."""
    model = export(comparison)
    rows = list(csv.DictReader(io.StringIO(render_csv(model))))
    assert len(rows) == len(all_claims(model))
    final = next(row for row in rows if row["final_label"])
    assert final["label"] == "conflicting"
    assert final["final_by"] == "eve" and final["final_at"]
    assert final["text_a"] and final["text_b"]
    assert "ana=conflicting" in final["reviewers"] and "ben=matching" in final["reviewers"]
    assert "eve (final): Fifteen minutes vs ten." in final["notes"]
    assert "'=HYPERLINK" not in final["notes"]  # only a cell's first character matters
    unique = [row for row in rows if row["kind"] == "unique"]
    assert unique and unique[0]["account_a"] == "Mexican presidency · Demo Wire"


def test_csv_formula_in_a_note_is_neutralised(db):
    comparison = annotated_comparison(slug="formula")
    passage = next(p for p in Passage.objects.filter(article__comparison=comparison) if p.is_reviewable)
    annotation_set(reviewer=factories.reviewer("f"), passage=passage, label="unique", note="=cmd|' /C calc'!A0")
    rows = list(csv.DictReader(io.StringIO(render_csv(export(comparison)))))
    assert any(row["notes"].startswith("ana") or row["notes"].startswith("f: =cmd") for row in rows)
    assert not any(value.startswith(("=", "+", "@", "\t", "\r")) for row in rows for value in row.values())
    assert not any(value.startswith("-") for row in rows for key, value in row.items() if key != "score")


# JSON -----------------------------------------------------------------------


def test_json_round_trips_the_model(comparison):
    model = export(comparison)
    assert json.loads(render_json(model)) == model


def test_json_keeps_every_naughty_string_intact(db, data_dir):
    """Every string of the Big List of Naughty Strings survives as a note, a title and a source."""
    strings = [s for s in json.load(gzip.open(data_dir / "blns.json.gz")) if s and "\x00" not in s]
    comparison = factories.ComparisonFactory(slug="blns", title=strings[10][:300], description="\n".join(strings[:50]))
    factories.article(comparison, factories.synthetic_text(30, seed=1), source=strings[20][:200])
    factories.article(comparison, factories.synthetic_text(30, seed=2), source="B")
    reviewers = [factories.reviewer(f"blns{n}") for n in range(len(strings) // 20 + 1)]
    links = list(Link.objects.filter(comparison=comparison).order_by("pk"))
    for number, string in enumerate(strings):
        annotation_set(reviewer=reviewers[number // 20], link=links[number % 20], note=string)
    text = render_json(export(comparison))
    loaded = json.loads(text)
    notes = {a["note"] for a in loaded["record"]["annotations"]}
    assert set(strings) <= notes
    assert loaded["comparison"]["title"] == strings[10][:300]
    assert loaded["accounts"][0]["source"] == strings[20][:200].strip()
    # The renderers that escape must not choke on them either.
    render_html(loaded), render_markdown(loaded), render_csv(loaded)


# Files and the log ----------------------------------------------------------


def test_file_name_is_meaningful():
    day = datetime(2026, 11, 26).date()
    assert export_filename("sheinbaum-trump-call", "html", ExportOptions(), day) == "sheinbaum-trump-call-2026-11-26.html"
    assert (
        export_filename("sheinbaum-trump-call", "csv", ExportOptions(only="conflicts"), day)
        == "sheinbaum-trump-call-conflicts-2026-11-26.csv"
    )


def test_export_create_logs_an_export_record(comparison):
    """Each export is logged: who, which format, which options, via web or cli."""
    editor = factories.editor("eddie")
    exported = export_create(
        comparison=comparison, fmt="md", options=ExportOptions(suggestions=True, only="final"), user=editor, via="cli"
    )
    assert exported.filename.endswith(".md") and exported.content.startswith("# ")
    record = ExportRecord.objects.get()
    assert (record.comparison, record.user, record.format, record.via) == (comparison, editor, "md", "cli")
    assert record.options == {"suggestions": True, "only": "final"}


def test_unknown_option_is_refused():
    with pytest.raises(ValueError):
        ExportOptions(only="everything")


@pytest.mark.parametrize("accounts", [0, 1])
def test_comparison_with_fewer_than_two_accounts_exports(db, accounts):
    """An empty or one-account comparison still exports in every format, with no pairs."""
    comparison = factories.ComparisonFactory(slug=f"small-{accounts}")
    for number in range(accounts):
        factories.article(comparison, factories.synthetic_text(5, seed=number), source=f"S{number}")
    model = export(comparison, suggestions=True)
    assert model["pairs"] == [] and len(model["accounts"]) == accounts
    assert model["agreement"]["kappa"] is None
    for render in (render_html, render_markdown, render_csv, render_json):
        assert render(model)


def test_suggested_conflict_reads_possible_conflict_with_its_evidence(comparison):
    """An untagged suggested conflict is reported as a possible conflict, with the engine's evidence."""
    from newsdiff.exports.wording import verdict_text as _verdict_text

    claim = {"suggestion": True, "kind": "pair", "suggested_label": "conflict", "suggested_unique": False,
             "evidence": ['numbers differ: "15-minute" vs "10 minutes"']}
    assert _verdict_text(claim) == 'Suggestion, untagged (engine: possible conflict — numbers differ: "15-minute" vs "10 minutes")'
    for claim in all_claims(export(comparison, suggestions=True)):
        assert claim["evidence"] == [] or claim["suggested_label"] == "conflict"


def test_claim_verdicts_round_trip_through_json(db):
    """A claim verdict (conflict, with the odd account) survives export and import; claim ids are the same."""
    from newsdiff.selectors.claims import comparison_claims
    from newsdiff.services.claims import claim_verdict_set
    from newsdiff.services.imports import comparison_import

    comparison = annotated_comparison(accounts=3)
    row = next(r for r in comparison_claims(comparison).rows if r.reporting > 1)
    reporting = [c.article.pk for c in row.cells if c.passages]
    claim_verdict_set(
        comparison=comparison, reviewer=factories.reviewer("cleo"), key=row.key, members=row.members,
        reporting=reporting, label="conflicting", odd=reporting[-1:], note="the odd one",
    )
    first = export(comparison)
    verdicts = [c for c in first["claims"] if c["verdicts"]]
    assert len(verdicts) == 1 and verdicts[0]["verdicts"][0]["odd"] and verdicts[0]["verdict"]["label"] == "conflicting"
    copy = comparison_import(data=json.loads(render_json(first)), slug="copy")
    second = export(copy)
    assert second["claims"] == first["claims"]
    assert "ODD ONE OUT" in render_html(second) and "conflicting (" in render_markdown(second)
