"""Tests for newsdiff/text/claims.py: pairwise links joined into claims across accounts."""

from newsdiff.text.claims import BRIDGE_FLOOR, PairLink, build_claims, claim_key

ACCOUNTS = {"a": [1, 2, 3], "b": [11, 12, 13], "c": [21, 22, 23]}


def link(id, x, xs, y, ys, label="match", score=40.0, fixed=False):
    return PairLink(id=id, account_a=x, account_b=y, a=tuple(xs), b=tuple(ys), label=label, score=score, fixed=fixed)


def by_members(claims):
    return {tuple(tuple(v) for v in c.members.values()): c for c in claims}


def test_a_fact_all_three_report_is_one_matching_claim_with_evidence():
    links = [link("ab", "a", [1], "b", [11]), link("bc", "b", [11], "c", [21]), link("ac", "a", [1], "c", [21])]
    claims = build_claims(ACCOUNTS, links)
    claim = by_members(claims)[((1,), (11,), (21,))]
    assert claim.label == "matching" and claim.odd == []
    assert claim.links == ["ab", "ac", "bc"]
    assert claim.evidence[("b", 11)] == ["ab", "bc"]
    # every other passage is a claim of its own account
    assert len(claims) == 1 + 6
    assert all(c.label == "unique" and len(c.reporting) == 1 for c in claims if c is not claim)


def test_the_account_that_contradicts_two_others_is_the_odd_one():
    links = [
        link("ab", "a", [1], "b", [11]),
        link("bc", "b", [11], "c", [21], label="conflict"),
        link("ac", "a", [1], "c", [21], label="conflict"),
    ]
    claim = by_members(build_claims(ACCOUNTS, links, names={"c": "Wire"}))[((1,), (11,), (21,))]
    assert claim.label == "conflicting"
    assert claim.odd == ["c"]
    assert any("odd one out: Wire" in r for r in claim.reasons)


def test_a_fact_two_share_and_the_third_omits_names_the_third():
    claims = build_claims(ACCOUNTS, [link("ab", "a", [2], "b", [12])], names={"c": "Wire"})
    claim = by_members(claims)[((2,), (12,), ())]
    assert claim.label == "unique" and claim.odd == ["c"]
    assert "not reported by Wire" in claim.reasons[0]
    alone = by_members(claims)[((), (), (23,))]
    assert alone.odd == ["c"] and alone.reasons == ["only in Wire"]


def test_a_weak_bridge_is_split_at_its_weakest_link_and_says_so():
    # a1-b1 strong, b1-c1 weak, no a-c link: c1 is set aside rather than chained in.
    links = [link("ab", "a", [1], "b", [11], score=80), link("bc", "b", [11], "c", [21], score=BRIDGE_FLOOR - 10)]
    claims = by_members(build_claims(ACCOUNTS, links))
    kept = claims[((1,), (11,), ())]
    assert kept.set_aside == ["bc"] and any("link bc" in r and "set aside" in r for r in kept.reasons)
    assert claims[((), (), (21,))].set_aside == ["bc"]


def test_a_strong_bridge_keeps_the_cluster_and_records_the_missing_pair():
    links = [link("ab", "a", [1], "b", [11], score=80), link("bc", "b", [11], "c", [21], score=BRIDGE_FLOOR + 5)]
    claim = by_members(build_claims(ACCOUNTS, links))[((1,), (11,), (21,))]
    assert claim.label == "matching" and claim.set_aside == []
    assert any("a and c are not linked directly" in r for r in claim.reasons)


def test_links_a_reviewer_accepted_are_never_set_aside():
    links = [link("ab", "a", [1], "b", [11], score=10, fixed=True), link("bc", "b", [11], "c", [21], score=5, fixed=True)]
    assert ((1,), (11,), (21,)) in by_members(build_claims(ACCOUNTS, links))


def test_a_claim_gathers_at_most_three_passages_of_one_account_strongest_first():
    accounts = {"a": [1, 2, 3, 4], "b": [11]}
    links = [link(f"a{i}", "a", [i], "b", [11], score=score) for i, score in ((1, 70), (2, 20), (3, 60), (4, 40))]
    claims = by_members(build_claims(accounts, links))
    kept = claims[((1, 3, 4), (11,))]
    assert kept.label == "matching"
    assert claims[((2,), ())].set_aside == ["a2"]
    assert any("link a2" in r and "no link holds together" in r for r in kept.reasons)


def test_reviewer_links_are_never_set_aside_and_come_first():
    accounts = {"a": [1, 2, 3, 4], "b": [11]}
    links = [link(f"a{i}", "a", [i], "b", [11], score=90) for i in (1, 2, 3)]
    links.append(link("a4", "a", [4], "b", [11], score=5, fixed=True))
    claims = by_members(build_claims(accounts, links))
    assert ((1, 2, 4), (11,)) in claims and claims[((3,), ())].set_aside == ["a3"]


def test_one_to_many_links_keep_all_passages_and_the_id_is_stable():
    links = [link("ab", "a", [1, 2], "b", [11])]
    first = build_claims({"a": [1, 2, 3], "b": [11, 12]}, links)
    again = build_claims({"a": [1, 2, 3], "b": [11, 12]}, list(reversed(links)))
    assert [c.id for c in first] == [c.id for c in again]
    claim = by_members(first)[((1, 2), (11,))]
    assert claim.id == claim_key(["a:1", "a:2", "b:11"])
    assert claim.label == "matching"


def test_links_into_passages_that_are_not_current_are_ignored():
    claims = build_claims({"a": [1], "b": [11]}, [link("old", "a", [99], "b", [11])])
    assert {tuple(tuple(v) for v in c.members.values()) for c in claims} == {((1,), ()), ((), (11,))}


def test_claims_follow_reading_order():
    links = [link("ab3", "a", [3], "b", [13]), link("ab1", "a", [1], "b", [11])]
    claims = build_claims({"a": [1, 2, 3], "b": [11, 12, 13]}, links)
    assert [c.members["a"] or c.members["b"] for c in claims] == [[1], [2], [12], [3]]


def test_two_accounts_a_conflict_names_both():
    claims = build_claims({"a": [1], "b": [11]}, [link("ab", "a", [1], "b", [11], label="conflict")])
    assert claims[0].label == "conflicting" and claims[0].odd == ["a", "b"]
    assert claims[0].to_dict()["members"] == {"a": [1], "b": [11]}


def test_ids_do_not_decide_ties_so_an_imported_copy_gives_the_same_claims():
    def build(offset):
        accounts = {"a": [p + offset for p in (1, 2, 3, 4)], "b": [11 + offset]}
        links = [link(7 + i + offset, "a", [i + offset], "b", [11 + offset], score=30) for i in (0, 1, 2, 3)]
        links[0] = link(7 + offset, "a", [4 + offset], "b", [11 + offset], score=30)
        return [[[p - offset for p in ids] for ids in c.members.values()] for c in build_claims(accounts, links)]

    # Link ids 7..10 and 9..12 sort differently as strings; the order the links are given decides.
    assert build(0) == build(2) == [[[1, 2, 4], [11]], [[3], []]]
