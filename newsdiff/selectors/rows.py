"""Reads for one write's answer: the rows it touched and the page's counters, whatever the comparison's size.

comparison_side_by_side() builds every row of two accounts; a tag needs only the row it changed and the
counts. The sets of rows are described here as SQL (which links are pairs, which passages stand alone) so
that rows_for() fetches only the rows asked for and comparison_counts() counts in the database. Both follow
the rules of comparison_side_by_side(); tests/selectors/test_rows.py checks that they agree with it.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from newsdiff.models import AlignmentRun, Annotation, Article, Comparison, Link, Passage
from newsdiff.selectors.comparisons import (
    Row,
    SideBySide,
    _lone_row,
    _plain,
    _row_order,
    _rows_in_order,
    comparison_pair,
    highlight_rows,
    reviewer_agreement,
)

ACTIVE = [Link.Status.PENDING, Link.Status.ACCEPTED]
REVIEWABLE = [Passage.Kind.CLAIM, Passage.Kind.QUOTE]
THROUGH_A, THROUGH_B = Link.a_passages.through, Link.b_passages.through


def _active_links(comparison: Comparison, article_a: Article, article_b: Article):
    return Link.objects.filter(comparison=comparison, article_a=article_a, article_b=article_b, status__in=ACTIVE)


def pair_links(comparison: Comparison, article_a: Article, article_b: Article):
    """Active links with passages in both accounts' current versions: the page's pair rows."""
    return _active_links(comparison, article_a, article_b).filter(
        Exists(THROUGH_A.objects.filter(link_id=OuterRef("pk"), passage__version_id=article_a.current_version_id)),
        Exists(THROUGH_B.objects.filter(link_id=OuterRef("pk"), passage__version_id=article_b.current_version_id)),
    )


def lone_passages(comparison: Comparison, article_a: Article, article_b: Article):
    """Reviewable passages of the current versions that stand alone: the page's a_only and b_only rows."""
    # NOT IN over uncorrelated subqueries, which the database evaluates once. A correlated NOT EXISTS
    # made SQLite walk every link of the comparison for each passage (0.7 s at 2,000 passages a side).
    linked_a = THROUGH_A.objects.filter(link_id__in=_active_links(comparison, article_a, article_b).values("pk"))
    linked_b = THROUGH_B.objects.filter(link_id__in=pair_links(comparison, article_a, article_b).values("pk"))
    return Passage.objects.filter(kind__in=REVIEWABLE).filter(
        Q(version_id=article_a.current_version_id) & ~Q(pk__in=linked_a.values("passage_id"))
        | Q(version_id=article_b.current_version_id) & ~Q(pk__in=linked_b.values("passage_id"))
    )


def _row_annotations(comparison: Comparison, article_a: Article, article_b: Article):
    return Annotation.objects.filter(comparison=comparison).filter(
        Q(link_id__in=pair_links(comparison, article_a, article_b).values("pk"))
        | Q(passage_id__in=lone_passages(comparison, article_a, article_b).values("pk"))
    )


# The page's row sets as SQL, for the counters and for rows_for(). Written by hand rather than with the ORM:
# building these nested subqueries through the ORM cost 20-40 ms of Python per tag, more than the queries.
# Portable SQL (SQLite and PostgreSQL): CTEs, CASE, no FILTER. Uncorrelated NOT IN: a correlated NOT EXISTS
# made SQLite walk every link of the comparison for each passage (0.7 s at 2,000 passages a side).
_ROW_SETS = """
active AS (
  SELECT id, status FROM newsdiff_link
  WHERE comparison_id = %(comparison)s AND article_a_id = %(a)s AND article_b_id = %(b)s
    AND status IN ('pending', 'accepted')),
pair AS (
  SELECT id, status FROM active
  WHERE EXISTS (SELECT 1 FROM newsdiff_link_a_passages t JOIN newsdiff_passage p ON p.id = t.passage_id
                WHERE t.link_id = active.id AND p.version_id = %(version_a)s)
    AND EXISTS (SELECT 1 FROM newsdiff_link_b_passages t JOIN newsdiff_passage p ON p.id = t.passage_id
                WHERE t.link_id = active.id AND p.version_id = %(version_b)s)),
lone AS (
  SELECT id FROM newsdiff_passage
  WHERE kind IN ('claim', 'quote') AND (
    version_id = %(version_a)s
      AND id NOT IN (SELECT passage_id FROM newsdiff_link_a_passages WHERE link_id IN (SELECT id FROM active))
    OR version_id = %(version_b)s
      AND id NOT IN (SELECT passage_id FROM newsdiff_link_b_passages WHERE link_id IN (SELECT id FROM pair))))
"""

_COUNTS = (
    "WITH"
    + _ROW_SETS
    + """,
per_row AS (
  SELECT COUNT(DISTINCT CASE WHEN NOT is_final AND label <> '' THEN label END) AS labels,
         MAX(CASE WHEN NOT is_final AND label <> '' THEN label END) AS some_label,
         SUM(CASE WHEN is_final THEN 1 ELSE 0 END) AS finals,
         MAX(CASE WHEN is_final AND label <> '' THEN label END) AS final_label
  FROM newsdiff_annotation
  WHERE comparison_id = %(comparison)s
    AND (link_id IN (SELECT id FROM pair) OR passage_id IN (SELECT id FROM lone))
  GROUP BY link_id, passage_id),
verdicts AS (
  SELECT CASE WHEN final_label IS NOT NULL THEN final_label WHEN labels = 1 THEN some_label ELSE '' END AS verdict,
         labels, finals
  FROM per_row)
SELECT
  (SELECT COUNT(*) FROM pair) + (SELECT COUNT(*) FROM lone),
  (SELECT COUNT(*) FROM pair WHERE status = 'pending'),
  COALESCE(SUM(CASE WHEN verdict = 'matching' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN verdict = 'conflicting' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN verdict = 'unique' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN labels > 1 AND finals = 0 THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN labels > 0 OR finals > 0 THEN 1 ELSE 0 END), 0)
FROM verdicts
"""
)


# The verdict counters alone, for a tag, a note or a final verdict (which cannot change the rows): the
# comparison's verdicts grouped by row first, then each row checked for being on the page with index
# lookups, so the cost follows the number of rows with verdicts, not of passages (about 5 µs a row on
# SQLite: 10-15 ms with all 2,000 rows of a 2,000-passage pair tagged by one to three reviewers, where
# checking each verdict instead of each row cost 12-27 ms). docs/SCALING.md.
# "+l.article_a_id": the unary plus keeps SQLite from driving the lookup through the link table's article
# index (every link of the comparison per row).
_ON_A_PAIR_ROW = """
  an.link_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM newsdiff_link l
    WHERE l.id = an.link_id AND l.status IN ('pending', 'accepted') AND +l.article_a_id = %(a)s AND +l.article_b_id = %(b)s
      AND EXISTS (SELECT 1 FROM newsdiff_link_a_passages t JOIN newsdiff_passage p ON p.id = t.passage_id
                  WHERE t.link_id = l.id AND p.version_id = %(version_a)s)
      AND EXISTS (SELECT 1 FROM newsdiff_link_b_passages t JOIN newsdiff_passage p ON p.id = t.passage_id
                  WHERE t.link_id = l.id AND p.version_id = %(version_b)s))
"""
_ON_A_LONE_ROW = """
  an.passage_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM newsdiff_passage p
    WHERE p.id = an.passage_id AND p.kind IN ('claim', 'quote') AND (
      p.version_id = %(version_a)s AND NOT EXISTS (
        SELECT 1 FROM newsdiff_link_a_passages t JOIN newsdiff_link l ON l.id = t.link_id
        WHERE t.passage_id = p.id AND l.status IN ('pending', 'accepted')
          AND +l.article_a_id = %(a)s AND +l.article_b_id = %(b)s)
      OR p.version_id = %(version_b)s AND NOT EXISTS (
        SELECT 1 FROM newsdiff_link_b_passages t JOIN newsdiff_link l ON l.id = t.link_id
        WHERE t.passage_id = p.id AND l.status IN ('pending', 'accepted')
          AND +l.article_a_id = %(a)s AND +l.article_b_id = %(b)s
          AND EXISTS (SELECT 1 FROM newsdiff_link_a_passages ta JOIN newsdiff_passage pa ON pa.id = ta.passage_id
                      WHERE ta.link_id = l.id AND pa.version_id = %(version_a)s))))
"""
_VERDICTS = f"""
WITH grouped AS (
  SELECT link_id, passage_id,
         COUNT(DISTINCT CASE WHEN NOT is_final AND label <> '' THEN label END) AS labels,
         MAX(CASE WHEN NOT is_final AND label <> '' THEN label END) AS some_label,
         SUM(CASE WHEN is_final THEN 1 ELSE 0 END) AS finals,
         MAX(CASE WHEN is_final AND label <> '' THEN label END) AS final_label
  FROM newsdiff_annotation
  WHERE comparison_id = %(comparison)s
  GROUP BY link_id, passage_id),
per_row AS (
  SELECT labels, some_label, finals, final_label FROM grouped an
  WHERE {_ON_A_PAIR_ROW} OR {_ON_A_LONE_ROW}),
verdicts AS (
  SELECT CASE WHEN final_label IS NOT NULL THEN final_label WHEN labels = 1 THEN some_label ELSE '' END AS verdict,
         labels, finals
  FROM per_row)
SELECT
  COALESCE(SUM(CASE WHEN verdict = 'matching' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN verdict = 'conflicting' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN verdict = 'unique' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN labels > 1 AND finals = 0 THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN labels > 0 OR finals > 0 THEN 1 ELSE 0 END), 0)
FROM verdicts
"""


def _params(comparison: Comparison, article_a: Article, article_b: Article) -> dict:
    return {
        "comparison": comparison.pk,
        "a": article_a.pk,
        "b": article_b.pk,
        "version_a": article_a.current_version_id,
        "version_b": article_b.current_version_id,
    }


def comparison_counts(comparison: Comparison, *, article_a: Article | None, article_b: Article | None) -> dict[str, int]:
    """The page's counters (SideBySide.counts) computed by the database in one query."""
    names = ["rows", "suggestions", "matching", "conflicting", "unique", "disputed", "reviewed"]
    if article_a is None or article_b is None:
        return dict.fromkeys(names, 0)
    with connection.cursor() as cursor:
        cursor.execute(_COUNTS, _params(comparison, article_a, article_b))
        values = cursor.fetchone()
    return {name: int(value or 0) for name, value in zip(names, values)}


def comparison_verdict_counts(comparison: Comparison, *, article_a: Article | None, article_b: Article | None) -> dict[str, int]:
    """The verdict counters only (matching, conflicting, unique, disputed, reviewed), in one query."""
    names = ["matching", "conflicting", "unique", "disputed", "reviewed"]
    if article_a is None or article_b is None:
        return dict.fromkeys(names, 0)
    with connection.cursor() as cursor:
        cursor.execute(_VERDICTS, _params(comparison, article_a, article_b))
        values = cursor.fetchone()
    return {name: int(value or 0) for name, value in zip(names, values)}


def _in(values) -> tuple[str, list]:
    """An SQL list of placeholders for values ('NULL' for none, which matches nothing) and its parameters."""
    values = list(values)
    return (", ".join(["%s"] * len(values)) or "NULL"), values


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _columns(model, alias: str) -> str:
    return ", ".join(f"{alias}.{connection.ops.quote_name(f.column)}" for f in model._meta.concrete_fields)


def _rows_sql(pair: list[int], run: list[int], link_ids: list[int], passage_ids: list[int]) -> tuple[str, list]:
    """One statement for rows_for(): memberships in active links of two accounts, each with its passage and
    link, and the passages asked for, each with whether the latest alignment run suggested it unique.

    Memberships: of the links asked for, of the passages asked for, and the A side of any such link holding
    a B passage asked for (to tell which passages a pair hides). Each result row is (side, link id, the
    passage's columns, suggested unique, the link's columns), side 'a' or 'b' for a membership and 'p' for a
    passage asked for (no link; its flag set).
    "+l.comparison_id" and the like: the unary plus keeps SQLite from walking every link of the comparison
    through its index (1.2 ms at 2,000 passages a side) instead of looking up the few memberships asked for.
    """
    links, link_params = _in(link_ids)
    passages, passage_params = _in(passage_ids)
    no_link = ", ".join(["NULL"] * len(Link._meta.concrete_fields))
    side = """
SELECT '{side}', t.link_id, {passage}, CAST(NULL AS BOOLEAN), {link}
FROM {through} t JOIN newsdiff_link l ON l.id = t.link_id JOIN newsdiff_passage p ON p.id = t.passage_id
WHERE +l.comparison_id = %s AND +l.article_a_id = %s AND +l.article_b_id = %s AND l.status IN ('pending', 'accepted')
  AND (t.link_id IN ({links}) OR t.passage_id IN ({passages}){extra})"""
    common = {"passage": _columns(Passage, "p"), "link": _columns(Link, "l"), "links": links, "passages": passages}
    sql = (
        side.format(
            side="a",
            through=_table(THROUGH_A),
            extra=f" OR t.link_id IN (SELECT link_id FROM {_table(THROUGH_B)} WHERE passage_id IN ({passages}))",
            **common,
        )
        + " UNION ALL "
        + side.format(side="b", through=_table(THROUGH_B), extra="", **common)
        + f"""
UNION ALL
SELECT 'p', NULL, {common["passage"]}, p.id IN (
    SELECT passage_id FROM {_table(AlignmentRun.unique_passages.through)} WHERE alignmentrun_id = (
      SELECT id FROM {_table(AlignmentRun)} WHERE comparison_id = %s AND article_a_id = %s AND article_b_id = %s
      ORDER BY created_at DESC, id DESC LIMIT 1)), {no_link}
FROM newsdiff_passage p WHERE p.id IN ({passages}) AND p.version_id IN (%s, %s)"""
    )
    params = [*pair, *link_params, *passage_params, *passage_params, *pair, *link_params, *passage_params]
    return sql, params + [*pair, *passage_params, *run]


def _loader(model):
    """A function that makes a model instance from its concrete columns in order, through the database's
    converters as the ORM applies them (dates on SQLite, JSON)."""
    columns = [field.get_col(model._meta.db_table) for field in model._meta.concrete_fields]
    converters = [
        (i, column, converter)
        for i, column in enumerate(columns)
        for converter in connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    ]

    def load(values):
        values = list(values)
        for i, column, converter in converters:
            values[i] = converter(values[i], column, connection)
        return model.from_db(connection.alias, None, values)

    return load


def _annotations_of(comparison: Comparison, link_ids, passage_ids) -> list[Annotation]:
    """The verdicts on these links and passages, oldest first, each with its reviewer's id and user name."""
    user_model = get_user_model()
    links, link_params = _in(link_ids)
    passages, passage_params = _in(passage_ids)
    columns = ", ".join(f"an.{connection.ops.quote_name(f.column)}" for f in Annotation._meta.concrete_fields)
    username = connection.ops.quote_name(user_model._meta.get_field(user_model.USERNAME_FIELD).column)
    sql = (
        f"SELECT {columns}, u.{username} AS reviewer_username FROM {_table(Annotation)} an"
        f" JOIN {_table(user_model)} u ON u.id = an.reviewer_id"
        f" WHERE +an.comparison_id = %s AND (an.link_id IN ({links}) OR an.passage_id IN ({passages})) ORDER BY an.id"
    )
    # "+an.comparison_id": look the verdicts up by row, not by walking every verdict of the comparison.
    annotations = list(Annotation.objects.raw(sql, [comparison.pk, *link_params, *passage_params]))
    for annotation in annotations:
        # Only the user name is shown; the user's other fields load if something asks for them.
        annotation.reviewer = user_model.from_db(
            connection.alias, ["id", user_model.USERNAME_FIELD], (annotation.reviewer_id, annotation.reviewer_username)
        )
    return annotations


def rows_for(comparison: Comparison, *, keys: list[str], viewer=None, a_id=None, b_id=None) -> SideBySide:
    """The rows among keys that the side-by-side page shows now, highlighted, in a fixed number of queries.

    Keys that are not rows of the page (a link rejected, a passage now inside a pair) are left out.
    The SideBySide returned carries the two accounts and these rows only (no agreement: see agreement()).
    The SQL is written by hand: the same reads through the ORM cost about 8 ms of Python per request
    (building and compiling the querysets), several times what the database spends on them.
    """
    articles, article_a, article_b = comparison_pair(comparison, a_id, b_id)
    view = SideBySide(comparison, articles, article_a, article_b, [], [], None, [])
    if article_a is None or article_b is None:
        return view
    link_ids = [int(k[1:]) for k in keys if k[:1] == "l" and k[1:].isdigit()]
    passage_ids = [int(k[1:]) for k in keys if k[:1] == "p" and k[1:].isdigit()]
    version_a, version_b = article_a.current_version_id, article_b.current_version_id
    pair = [comparison.pk, article_a.pk, article_b.pk]
    with connection.cursor() as cursor:
        cursor.execute(*_rows_sql(pair, [version_a, version_b], link_ids, passage_ids))
        found = cursor.fetchall()
    n_passage, passage_from, link_from = len(Passage._meta.concrete_fields), _loader(Passage), _loader(Link)
    passages, links, suggested_unique = {}, {}, set()
    in_a, in_b = [], []
    for side, link_id, *values in found:
        passage = passages.get(values[0]) or passage_from(values[:n_passage])
        passages[passage.pk] = passage
        if side == "p":
            if values[n_passage]:
                suggested_unique.add(passage.pk)
            continue
        (in_a if side == "a" else in_b).append((link_id, passage.pk, passage.version_id))
        if link_id in link_ids and link_id not in links:
            links[link_id] = link_from(values[n_passage + 1 :])
    members: dict[tuple[str, int], list[int]] = defaultdict(list)
    for side, rows, version in (("a", in_a, version_a), ("b", in_b, version_b)):
        for link_id, passage_id, passage_version in rows:
            if passage_version == version:
                members[(side, link_id)].append(passage_id)
    is_pair = {link_id for (side, link_id) in list(members) if side == "a" and members.get(("b", link_id))}
    # A passage of A inside any active link, or of B inside a pair, has no row of its own.
    hidden = {passage_id for _, passage_id, _ in in_a} | {
        passage_id for link_id, passage_id, _ in in_b if link_id in is_pair
    }
    links = {pk: link for pk, link in links.items() if pk in is_pair}
    asked = {pk for pk in passage_ids if pk in passages and passages[pk].version_id in (version_a, version_b)}
    lone = sorted(pk for pk in asked if pk not in hidden and passages[pk].is_reviewable)
    shown_other = {pk for pk in asked if not passages[pk].is_reviewable}

    annotations = defaultdict(list)
    for annotation in _annotations_of(comparison, sorted(links), lone):
        annotations[f"l{annotation.link_id}" if annotation.link_id else f"p{annotation.passage_id}"].append(annotation)

    for key in keys:
        kind, number = key[:1], int(key[1:]) if key[1:].isdigit() else 0
        if kind == "l" and number in links:
            a = sorted((passages[pk] for pk in members[("a", number)]), key=lambda p: p.index)
            b = sorted((passages[pk] for pk in members[("b", number)]), key=lambda p: p.index)
            row = Row(key=key, kind="pair", a=[_plain(p) for p in a], b=[_plain(p) for p in b], link=links[number])
        elif kind == "p" and (number in lone or number in shown_other):
            passage = passages[number]
            row = _lone_row(passage, "a" if passage.version_id == article_a.current_version_id else "b")
            row.suggested_unique = number in suggested_unique
        else:
            continue
        mine = annotations.get(key, [])
        row.annotations = [a for a in mine if not a.is_final]
        row.final = next((a for a in mine if a.is_final), None)
        if viewer is not None:
            row.mine = next((a for a in row.annotations if a.reviewer_id == viewer.pk), None)
        view.rows.append(row)
    highlight_rows(view.rows)
    return view


class _Stub:
    """The few fields of a passage or link that fix the order of the rows and the filters (no text, no model)."""

    __slots__ = ("pk", "index", "version_id", "kind", "text", "status", "suggested_label")

    def __init__(self, pk, index=0, version_id=None, kind="", status="", suggested_label=""):
        self.pk, self.index, self.version_id, self.kind, self.text = pk, index, version_id, kind, ""
        self.status, self.suggested_label = status, suggested_label


# The inputs of the rows' order as plain tuples: ids, indexes and memberships, no model. Written by hand:
# through the ORM (querysets, values_list, model-like stubs) these reads cost several times the SQL.
# Memberships of every active link of the two accounts, both sides in one statement (uncorrelated IN: the
# active links are found once, then each one's memberships by the through table's index), then each active
# link's status and suggested label: (what, link id, passage id, suggested label), what = 'a' or 'b' for a
# membership, the status for a link.
_WALK_MEMBERS = """
WITH active AS (
  SELECT id, status, suggested_label FROM newsdiff_link
  WHERE comparison_id = %(comparison)s AND article_a_id = %(a)s AND article_b_id = %(b)s
    AND status IN ('pending', 'accepted'))
SELECT 'a', t.link_id, t.passage_id, NULL FROM newsdiff_link_a_passages t
WHERE t.link_id IN (SELECT id FROM active)
UNION ALL
SELECT 'b', t.link_id, t.passage_id, NULL FROM newsdiff_link_b_passages t
WHERE t.link_id IN (SELECT id FROM active)
UNION ALL
SELECT status, id, NULL, suggested_label FROM active
"""


def _walk_passages_sql(text: bool) -> str:
    index = connection.ops.quote_name("index")
    return (
        f"SELECT id, {index}, version_id, kind{', text' if text else ''} FROM newsdiff_passage"
        f" WHERE version_id IN (%s, %s) ORDER BY {index}"
    )


@dataclass
class _Walk:
    """Every row of two accounts in page order over ids (_row_order), with what was read to find it."""

    order: list[tuple[str, int]]  # ("l", link id) or ("a" | "b", passage id)
    passages: list[tuple]  # (id, index, version id, kind[, text]) of both current versions, by index
    members: dict[str, dict[int, list[int]]]  # "a" | "b" -> link id -> its passage ids there, in reading order
    links: dict[int, tuple[str, str]]  # active link id -> (status, suggested label)

    @property
    def counts(self) -> dict[str, int]:
        """The rows a reviewer can tag and the suggestions among them, as SideBySide.counts has them: every
        pair, and a passage alone unless it is a heading or boilerplate (Row.reviewable, _lone_row())."""
        dividers = (Passage.Kind.HEADING, Passage.Kind.BOILERPLATE)
        unreviewable = {values[0] for values in self.passages if values[3] in dividers}
        pairs = [pk for side, pk in self.order if side == "l"]
        return {
            "rows": len(pairs) + sum(1 for side, pk in self.order if side != "l" and pk not in unreviewable),
            "suggestions": sum(1 for pk in pairs if self.links[pk][0] == Link.Status.PENDING),
        }


def _walk(comparison: Comparison, article_a: Article, article_b: Article, *, text: bool = False) -> _Walk:
    """The rows of two accounts in page order from ids and indexes, in two queries (and the texts if asked)."""
    version_a, version_b = article_a.current_version_id, article_b.current_version_id
    with connection.cursor() as cursor:
        cursor.execute(_walk_passages_sql(text), [version_a, version_b])
        passages = cursor.fetchall()
        cursor.execute(_WALK_MEMBERS, _params(comparison, article_a, article_b))
        memberships = cursor.fetchall()
    index_of = {values[0]: values[1] for values in passages}
    side_a = [values[0] for values in passages if values[2] == version_a]
    side_b = [values[0] for values in passages if values[2] == version_b]
    members: dict[str, dict[int, list[int]]] = {"a": defaultdict(list), "b": defaultdict(list)}
    links = {}
    for what, link_id, passage_id, suggested_label in memberships:
        if what not in ("a", "b"):
            links[link_id] = (what, suggested_label)
        elif passage_id in index_of:  # a passage of an old version belongs to no row of the page
            members[what][link_id].append(passage_id)
    for side in members.values():
        for group in side.values():
            group.sort(key=index_of.__getitem__)
    order = _row_order(side_a, side_b, sorted(links), members["a"], members["b"], index_of)
    return _Walk(order, passages, members, links)


def _row_index(comparison: Comparison, a_id=None, b_id=None, *, text: bool = False) -> tuple[SideBySide, list[Row]]:
    """Every row of two accounts in page order, built over ids, indexes and link states (and texts if asked)."""
    articles, article_a, article_b = comparison_pair(comparison, a_id, b_id)
    view = SideBySide(comparison, articles, article_a, article_b, [], [], None, [])
    if article_a is None or article_b is None:
        return view, []
    walk = _walk(comparison, article_a, article_b, text=text)
    passages = {values[0]: _Stub(*values[:4]) for values in walk.passages}
    if text:
        for values in walk.passages:
            passages[values[0]].text = values[4]
    links = {pk: _Stub(pk, status=status, suggested_label=label) for pk, (status, label) in walk.links.items()}
    return view, _rows_in_order(walk.order, passages, links, walk.members["a"], walk.members["b"], highlight=False)


def comparison_row_keys(comparison: Comparison, *, a_id=None, b_id=None) -> tuple[SideBySide, list[str], dict[str, int]]:
    """The keys of every row of two accounts in page order and the page's counters, without building the rows.

    For the first screen, which then reads its 50 rows with rows_for(). Same order as comparison_side_by_side():
    the same _row_order() walk, over ids and indexes only (no row, passage or link object). The counters are
    comparison_counts(): the rows and suggestions counted along the walk, the verdicts by
    comparison_verdict_counts() (the rows' sets need not be found again in SQL). Four queries.
    """
    articles, article_a, article_b = comparison_pair(comparison, a_id, b_id)
    view = SideBySide(comparison, articles, article_a, article_b, [], [], None, [])
    if article_a is None or article_b is None:
        return view, [], comparison_counts(comparison, article_a=article_a, article_b=article_b)
    walk = _walk(comparison, article_a, article_b)
    counts = walk.counts | comparison_verdict_counts(comparison, article_a=article_a, article_b=article_b)
    return view, [f"l{pk}" if side == "l" else f"p{pk}" for side, pk in walk.order], counts


class _Verdict:
    """A verdict as the filters see it: label, final or not, whose (no note, no model instance)."""

    __slots__ = ("label", "is_final", "reviewer_id", "reviewer")

    def __init__(self, label, is_final, reviewer_id, username):
        self.label, self.is_final, self.reviewer_id = label, is_final, reviewer_id
        self.reviewer = _Reviewer(username)


class _Reviewer:
    __slots__ = ("username",)

    def __init__(self, username):
        self.username = username

    def get_username(self):
        return self.username


def comparison_row_index(
    comparison: Comparison, *, viewer=None, a_id=None, b_id=None, text: bool = False
) -> tuple[SideBySide, list[Row]]:
    """Every row of two accounts in page order with what the page's filters look at, and nothing else.

    The rows carry their kind, link state, suggested-unique flag and verdicts as labels and user names (no
    text, no notes, no model instances), so a filter can run over them (views.comparisons._filtered) and
    the page then reads only the chunk it shows with rows_for(). Five queries; the Python work follows the
    number of rows and verdicts, several times less than building every row (comparison_side_by_side).
    text=True: the passages carry their text too (the alignment map sizes and labels its shapes with it).
    """
    view, rows = _row_index(comparison, a_id, b_id, text=text)
    if not rows:
        return view, rows
    article_a, article_b = view.article_a, view.article_b
    verdicts = defaultdict(list)
    # The verdicts on the pair's active links and on the passages of the two current versions, as
    # comparison_side_by_side() reads them; each row then takes those under its own key.
    versions = [article_a.current_version_id, article_b.current_version_id]
    active = _active_links(comparison, article_a, article_b)
    for link_id, passage_id, label, is_final, reviewer_id, username in (
        Annotation.objects.filter(comparison=comparison)
        .filter(Q(link_id__in=active.values("pk")) | Q(passage__version_id__in=versions))
        .order_by("pk")
        .values_list("link_id", "passage_id", "label", "is_final", "reviewer_id", "reviewer__username")
    ):
        verdicts[f"l{link_id}" if link_id else f"p{passage_id}"].append(_Verdict(label, is_final, reviewer_id, username))
    latest_run = (
        AlignmentRun.objects.filter(comparison=comparison, article_a=article_a, article_b=article_b)
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    unique_ids = set(
        AlignmentRun.unique_passages.through.objects.filter(alignmentrun_id=latest_run).values_list("passage_id", flat=True)
    )
    for row in rows:
        mine = verdicts.get(row.key, [])
        row.annotations = [a for a in mine if not a.is_final]
        row.final = next((a for a in mine if a.is_final), None)
        if viewer is not None:
            row.mine = next((a for a in row.annotations if a.reviewer_id == viewer.pk), None)
        row.suggested_unique = row.passage is not None and row.passage.pk in unique_ids
    return view, rows


def agreement(comparison: Comparison, *, a_id=None, b_id=None) -> SideBySide:
    """Cohen's kappa between reviewers over the rows of two accounts (overall and per pair), on request."""
    articles, article_a, article_b = comparison_pair(comparison, a_id, b_id)
    view = SideBySide(comparison, articles, article_a, article_b, [], [], None, [])
    if article_a is None or article_b is None:
        return view
    annotations = list(
        _row_annotations(comparison, article_a, article_b)
        .filter(is_final=False)
        .exclude(label="")
        .select_related("reviewer")
        .only("link_id", "passage_id", "label", "is_final", "reviewer_id", "reviewer__username")
    )
    view.reviewers, view.kappa, view.kappa_pairs = reviewer_agreement(annotations)
    return view
