"""Tests for the cue of a date for an event against "no date" for it (`cues.schedule`)."""

from __future__ import annotations


def test_a_date_for_an_event_against_no_date_for_it_is_a_cue():
    from newsdiff.text.cues import schedule_reasons

    reasons = schedule_reasons("Both teams will meet later this month.", "No date was announced for the proposed meetings.")
    assert reasons == ['dates differ: "later this month" vs "No date was announced for the proposed meetings."']
    assert schedule_reasons("The board has not set a date for the vote.", "The vote is on March 3.")
    # No shared event, no "no date", or a negation that is not about a date: nothing.
    assert schedule_reasons("The council will meet next week.", "No date was given for the concert.") == []
    assert schedule_reasons("The council will meet next week.", "The meeting was announced.") == []
    assert schedule_reasons("The talks resume next week.", "It was not the first time the talks stalled.") == []
