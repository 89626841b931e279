"""Tests for the reader of typed quantities (`cues.quantities` with `numbers`, `values`, `units`, `designations`,
`ordinals`): what is read, and how."""

from __future__ import annotations

import pytest

from newsdiff.text.cues import conflict_reasons, quantities, quantity_clauses, values_differ


def test_years_alone_are_not_counts():
    """A bare year is not a quantity of anything: at most the year an event is dated by."""
    assert [q.key for q in quantities("The law passed in 2015 after a long fight.")] == ["date:year"]
    assert quantities("The 2015 law passed after a long fight.") == ()


@pytest.mark.parametrize("a, b, reason", [
    ("It was the third strike by drivers this year.", "It was the city's fourth bus strike this year.",
     'numbers differ: "third strike" vs "fourth bus strike"'),
    ("She became the second woman to lead the party.", "She is the first female leader of the party.", None),
    ("He is the third Ashford player to join the club.", "He is the fourth Ashford player to join the club.",
     'numbers differ: "third Ashford player" vs "fourth Ashford player"'),
])
def test_an_ordinal_counts_the_head_of_the_phrase_after_it(a, b, reason):
    """"third strike" / "fourth bus strike": the ordinal counts the phrase's last noun (English), not the first
    word after it; different heads ("woman" / "leader") are not compared."""
    assert conflict_reasons(a, b) == ([reason] if reason else [])


def test_the_phrase_after_an_ordinal_stops_at_punctuation_and_function_words():
    # no noun "Lam" counted: "finished third" is a placing (`test_a_placing_is_an_ordinal_after_a_verb...`)
    assert [q.key for q in quantities("Reed finished third, Lam said.")] == ["placing"]
    assert [q.key for q in quantities("the fourth bus strike in two years")][:2] == ["ordinal:strike", "ordinal:bus"]
    assert [q.key for q in quantities("the third strike by the city's bus drivers")] == ["ordinal:strike"]


def test_a_time_stamp_line_is_compared_with_nothing():
    """Publication stamps say when a page was written, not when the event happened."""
    assert conflict_reasons("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM",
                            "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013") == []
    assert conflict_reasons("Posted on March 09, 2013", "Posted: Friday, March 8, 2013 2:39 pm") == []
    # a short sentence with a value that is not a date is no stamp
    assert conflict_reasons("Turnout was 38 percent.", "Turnout reached 41 percent.")


def test_second_before_a_noun_is_an_ordinal_not_a_unit_of_time():
    """"a second rehab center" counts centers; "a second" and "10 seconds" are durations."""
    assert [q.key for q in quantities("She checked into a second rehab center.")][0] == "ordinal:center"
    assert [q.key for q in quantities("It lasted a second.")] == ["duration"]
    assert [q.key for q in quantities("He ran the race in 10 seconds flat.")] == ["duration"]


@pytest.mark.parametrize("text, key, value", [
    ("Harcastle will build two hundred and forty homes.", "count:home", 240),
    ("The firm will pay two and a half million pounds towards schools.", "money:£", 2_500_000),
    ("The firm will pay £3.5m towards schools.", "money:£", 3_500_000),
    ("The plan is worth 1,200 million pounds.", "money:£", 1_200_000_000),
    ("The cavers were underground for two and a half days.", "duration", 2.5 * 1440),
    ("Building work should take a year and a half.", "duration", 1.5 * 525600),
    ("The hearing lasted an hour and a half.", "duration", 90),
    ("Three hundred five people signed.", "count:peopl", 305),
    ("Twenty-five people signed.", "count:peopl", 25),
    ("A third of the flats will be let below market rents.", "percent", 100 / 3),
    ("Two thirds of the voters stayed home.", "percent", 200 / 3),
])
def test_numbers_read_across_surface_forms(text, key, value):
    """Number words in compounds ("two hundred and forty"), "and a half" before a scale, a unit or after a unit,
    and fractions "of" something, read as one value of the kind they give."""
    assert [(q.key, q.value) for q in quantities(text) if q.key == key] == [(key, pytest.approx(value))]


def test_a_fraction_without_of_or_a_number_before_it_is_no_share():
    """"the third of June", "a third candidate": no share (the ordinal reading is kept where it applies)."""
    assert not [q for q in quantities("The talks resume on the third of June.") if q.key == "percent"]
    assert not [q for q in quantities("A third candidate received the rest.") if q.key == "percent"]


@pytest.mark.parametrize("text, key, value", [
    ("The club paid a million pounds for the striker.", "money:£", 1_000_000),
    ("The club paid half a million dollars for the striker.", "money:$", 500_000),
    ("A thousand people marched.", "count:peopl", 1000),
    ("The call lasted a quarter of an hour.", "duration", 15),
    ("The call lasted three quarters of an hour.", "duration", 45),
    ("The waiting list grew by a quarter in five years.", "percent", 25),
])
def test_scales_after_a_and_fractions_of_units_and_changes(text, key, value):
    """"a million", "half a million": the scale multiplies one (a half); "a quarter of an hour" is a duration, not a
    share; "grew by a quarter" a percentage."""
    assert [(q.key, q.value) for q in quantities(text) if q.key == key] == [(key, pytest.approx(value))]


def test_a_million_against_a_scale_letter():
    assert conflict_reasons("The club paid a million pounds for the striker.", "The club paid £2m for the striker.") \
        == ['numbers differ: "a million pounds" vs "£2m"']
    assert conflict_reasons("The club paid a million pounds for the striker.", "The club paid £1m for the striker.") \
        == []


def test_over_before_a_duration_is_its_span_not_a_bound():
    """"over three days" says over which time the talks ran; "over 3,000 people" is more than 3,000."""
    assert conflict_reasons("The talks were held over three days in Geneva.", "The talks in Geneva lasted four days.") \
        == ['numbers differ: "three days" vs "four days"']
    assert conflict_reasons("Over 3,000 people marched in the capital.", "About 3,200 people marched in the capital.") \
        == []


@pytest.mark.parametrize("text, value, low, high", [
    ("Nearly two-thirds of the harvest was lost.", 200 / 3, 0.85 * 200 / 3, 200 / 3),
    ("Three-quarters of the staff voted to strike.", 75, 74.5, 75.5),
    ("About one-fifth of the homes were flooded.", 20, 18, 22),
    ("Half of the members stayed away.", 50, 49.5, 50.5),
    ("More than half of the seats were empty.", 50, 50, float("inf")),
    ("One in three households has no car.", 100 / 3, 100 / 3 - 0.5, 100 / 3 + 0.5),
    ("Roughly 3 out of 10 voters backed the plan.", 30, 27, 33),
])
def test_hyphenated_fractions_half_of_and_ratios_are_shares_widened_by_hedges(text, value, low, high):
    """Every fraction is a share whatever its spelling ("two-thirds", "three-quarters", "half of", "one in three",
    "3 out of 10"), and a hedge before it widens it as it widens a percentage."""
    found = [q for q in quantities(text) if q.key == "percent"]
    assert [(q.value, q.low, q.high) for q in found] == [(pytest.approx(value), pytest.approx(low),
                                                          pytest.approx(high))]


@pytest.mark.parametrize("text", [
    "Prices rose in the first half of the year.",
    "The tickets sold out in 5 in 10 minutes.",
    "He scored one in 2019 and two since.",
])
def test_halves_of_a_period_and_counts_in_a_year_are_no_shares(text):
    assert not [q for q in quantities(text) if q.key == "percent"]


@pytest.mark.parametrize("a, b, conflict", [
    ("A hard frost destroyed about 40 percent of the pear harvest.", "Growers say nearly two-thirds of the pear "
     "harvest was destroyed.", True),
    ("Almost half of the nurses voted for the strike.", "Some 80% of the nurses voted for the strike.", True),
    ("One in four pupils missed the exam.", "Around 25% of pupils missed the exam.", False),
    ("About a third of the flats were empty.", "Some 35% of the flats were empty.", False),
    ("Three-quarters of the council backed the plan.", "Two-thirds of the council backed the plan.", True),
])
def test_fractions_against_percentages(a, b, conflict):
    assert bool(conflict_reasons(a, b)) is conflict


@pytest.mark.parametrize("text, key, written", [
    ("This is the fourth such attempt by the agency.", "ordinal:attempt", "fourth such attempt"),
    ("It was a second such incident at the plant.", "ordinal:incid", "second such incident"),
])
def test_an_ordinal_counts_the_noun_after_such(text, key, written):
    """"the fourth such attempt": "such" stands between the ordinal and the noun it counts ("a second such
    incident" is no duration of a second)."""
    assert [(q.key, q.text) for q in quantities(text)] == [(key, written)]


@pytest.mark.parametrize("text, value, written", [
    ("The port was shut for three working days.", 3 * 1440, "three working days"),
    ("The probe will sleep for 14 Earth days.", 14 * 1440, "14 Earth days"),
    ("The loan runs for five calendar months.", 5 * 43200, "five calendar months"),
])
def test_a_unit_of_time_with_a_modifier_is_a_duration(text, value, written):
    """"three working days", "14 Earth days": a duration, not a count of the modifier ("count:earth")."""
    assert [(q.key, q.value, q.text) for q in quantities(text)] == [("duration", value, written)]


def test_durations_with_a_modifier_compare_with_plain_ones():
    assert conflict_reasons("It will work for about 14 Earth days before the night.",
                            "It is built to work for roughly two Earth weeks before the night.") == []
    assert conflict_reasons("The port was shut for three working days.", "The port was shut for a week.") == \
        ['numbers differ: "three working days" vs "a week"']


def test_a_fortnight_is_two_weeks():
    """"a fortnight" is a duration of 14 days: it differs from "ten days" and agrees with "two weeks"."""
    assert [(q.key, q.value) for q in quantities("The lander will spend a fortnight in orbit.")] == \
        [("duration", 14 * 1440)]
    assert conflict_reasons("The lander will orbit the Moon for a fortnight.",
                            "The lander will orbit the Moon for ten days.") == \
        ['numbers differ: "a fortnight" vs "ten days"']
    assert conflict_reasons("The lander will orbit the Moon for a fortnight.",
                            "The lander will orbit the Moon for two weeks.") == []


def test_values_differ_when_their_ranges_do_not_meet():
    """`values_differ` compares two quantities of one kind by their ranges; quantities of two kinds never differ."""
    (six_weeks,) = quantities("closed for six weeks")
    (a_month,) = quantities("shut for a month")
    (five_weeks,) = quantities("shut for five weeks")
    (forty,) = quantities("Some forty volunteers")
    assert values_differ(six_weeks, a_month)
    assert not values_differ(five_weeks, a_month)
    assert not values_differ(six_weeks, forty)


def test_quantity_clauses_give_each_value_its_clause_and_sentence():
    """Each value with the content stems of its clause and of its sentence, its unit left out."""
    ((q, clause, sentence),) = quantity_clauses("Landowner Gwen Ashby said the entrance would be shut for a month "
                                                "while loose rock was cleared.")
    assert q.text == "a month"
    assert {"shut", "entranc"} <= clause and "rock" not in clause and "rock" in sentence


@pytest.mark.parametrize("text, read", [
    ("The death toll rose to 12, officials said.", []),
    ("The crowd numbered 30,000; police said it was peaceful.", []),
    ("The toll stood at nine \u2014 rescuers said more were missing.", []),
    ("Some 1,200 workers joined the strike.", [("count:worker", "1,200 workers")]),
])
def test_the_word_after_a_comma_dash_or_colon_is_not_what_a_number_counts(text, read):
    """"rose to 12, officials said": the number ends its phrase at the punctuation; officials are not counted."""
    assert [(q.key, q.text) for q in quantities(text) if "+" not in q.key] == read


@pytest.mark.parametrize("a, b, reason", [
    ("The ministry published a 10-point plan for hospitals.", "The ministry released a 12-point plan for hospitals.",
     'numbers differ: "10-point" vs "12-point"'),
    ("Ana Silva, a three-time champion, won again in Lisbon.", "Ana Silva, a four-time champion, won again in Lisbon.",
     'numbers differ: "three-time" vs "four-time"'),
])
def test_a_compound_of_an_uncounted_noun_is_read(a, b, reason):
    """"10 points" counts nothing the engine compares, but "a 10-point plan" measures the plan."""
    assert conflict_reasons(a, b) == [reason]


@pytest.mark.parametrize("a, b, reason", [
    ("The striker was out for a two-week spell with a knee injury.", "The striker was out for ten days with a knee injury.",
     'numbers differ: "two-week" vs "ten days"'),
    ("The mayor served a six-month stint as acting governor.", "The mayor was acting governor for eight months.",
     'numbers differ: "six-month" vs "eight months"'),
    ("Under the order the ban on logging stays in place for a four-year period.",
     "Logging will be banned for two years under the order.", 'numbers differ: "four-year" vs "two years"'),
])
def test_a_duration_compound_before_a_span_noun_is_the_duration(a, b, reason):
    """"a three-year period" is three years, whatever the other side says the years are of."""
    assert conflict_reasons(a, b) == [reason]


def test_scale_abbreviations_are_shown_as_written():
    assert quantities("The club paid £48m for the striker.")[0].text == "£48m"
    assert quantities("Sales reached $14.2bn.")[0].text == "$14.2bn"


def test_measures_are_read_in_base_units():
    (q,) = quantities("Unit 2 is a 900-megawatt reactor.")
    assert (q.key, q.value) == ("measure:power", 900e6)
    (q,) = quantities("The reactor is rated at 1.1 GW.")
    assert (q.key, q.value) == ("measure:power", 1.1e9)


def test_a_score_or_season_is_read_as_no_count_and_a_range_as_one_range():
    assert quantities("a 20-13 win") == ()
    assert quantities("in the 2004-05 season") == ()
    (q,) = [x for x in quantities("20-30 people died") if x.key == "count:peopl"]
    assert (q.low, q.high, q.text) == (20.0, 30.0, "20-30 people")
    (q, *_) = quantities("entre 20 y 30 personas", "es")
    assert (q.low, q.high) == (20.0, 30.0)


@pytest.mark.parametrize("text, low, high, written", [
    ("The contract is worth $5-6 million, the club said.", 5e6, 6e6, "$5-6 million"),
    ("The contract is worth $5–$6 million, the club said.", 5e6, 6e6, "$5–$6 million"),
    ("The refit will cost £3m-£4m, the port said.", 3e6, 4e6, "£3m-£4m"),
    ("The refit will cost between $5 million and $6 million.", 5e6, 6e6, "$5 million and $6 million"),
    ("The refit will cost between $5 and $6 million.", 5e6, 6e6, "$5 and $6 million"),
])
def test_a_range_of_money_is_read_as_one_range(text, low, high, written):
    """The currency sign is a token of its own: the range is read from it, the lower end taking the upper's scale
    ("$5-6 million" was read as $5, and "£3m-£4m" as two sums)."""
    (q,) = quantities(text)
    assert (q.key, q.low, q.high, q.text) == (q.key, low, high, written) and q.key.startswith("money:")


@pytest.mark.parametrize("text", [
    "He was shot with a .38-caliber revolver in the hallway.",
    "Police said the 17-year-old fired a .45 pistol at the car.",
    "The jets, an F-16 and a MiG-29 fighter, took off at dawn.",
    "Soldiers carried an AK-47 rifle across the border.",
    "Flight MH17 was shot down over the region.",
    "The airline grounded its Boeing 737 fleet on Monday.",
    "Microsoft released Windows 11 update on Tuesday.",
    "The Celtics won Game 7 on the road in Boston.",
    "Colts beat Chiefs in the Week 16 match-up.",
])
def test_designations_are_no_quantities(text):
    """A model, a type or a calibre named with a number counts nothing ("a .38-caliber revolver" was 38 calibers,
    "an F-16 jet" 16 jets)."""
    assert [q for q in quantities(text) if q.key.startswith(("count:", "measure:", "money:"))] == []


@pytest.mark.parametrize("text, key, value", [
    ("The medical director told the Guardian 41 bodies had been brought in.", "count:bodi", 41),
    ("The assault on the Gaza Strip began 11 days ago.", "duration", 11 * 1440),
    ("He carried a 9mm pistol.", "measure:length", 0.009),
    ("Today there are 1,009 species listed under the Act-409 animals and 600 plants.", "count:anim", 409),
    ("Magnitude-6.1 quake hits the island.", "count:quak", 6.1),
])
def test_a_name_or_code_before_a_quantity_leaves_it_a_quantity(text, key, value):
    """A number after a capitalised word that reads on as a quantity (a plural noun, a unit) is still read; a unit
    glued to its number ("9mm") is a measure."""
    assert any(q.key == key and abs(q.value - value) < 1e-9 for q in quantities(text))


@pytest.mark.parametrize("a, b", [
    ("Doyle hit a 3-pointer with five seconds left to win it.", "Doyle hit two 3-pointers in the last minute to win it."),
    ("Ames hit a 7-iron to the green on the last hole.", "Ames hit a 9-iron to the green on the last hole, he said."),
])
def test_a_number_noun_compound_that_is_its_phrases_head_counts_nothing(a, b):
    """"a 3-pointer" is a kind of shot, not three pointers: no count to compare with "two 3-pointers"."""
    assert conflict_reasons(a, b) == []
    assert not [q for q in quantities(a) + quantities(b) if q.key.startswith("count:")]


def test_a_plural_count_written_with_a_hyphen_is_still_a_count():
    """"returned an interception 35-yards for a score": a plural after the hyphen is counted (only the "-er" nouns
    made of a number compound, "3-pointers", name a kind)."""
    (q,) = quantities("Ratliff returned an interception 35-yards for a score.")
    assert (q.key, q.value) == ("count:yard", 35.0)


def test_an_en_dash_joins_a_range_or_a_score_as_a_hyphen_does():
    (q,) = [x for x in quantities("Police found 5–7 cars near the depot.") if x.key == "count:car"]
    assert (q.key, q.low, q.high, q.text) == ("count:car", 5.0, 7.0, "5–7 cars")
    assert quantities("The Otters clinched the cup with a 3–1 win.") == ()


@pytest.mark.parametrize("text, placings", [
    ("Smith finished third in the race.", [("placing", 3.0, "finished third")]),
    ("The Greens came fourth.", [("placing", 4.0, "came fourth")]),
    ("He ranked 7th overall.", [("placing", 7.0, "ranked 7th")]),
    ("He was first reported missing on Sunday.", []),
    ("Police arrived first at the scene.", []),
    ("It took a split second to decide.", []),
    ("The car hit 40 metres per second at the line.", []),
    ("Every second counts, he said.", []),
    ("Jones will second the motion.", []),
    ("She seconded the motion.", []),
    ("Smith finished third place in the race.", []),
    ("The second of the three men was arrested.", []),
    ("SMITH FINISHED THIRD IN RACE", []),
])
def test_a_placing_is_an_ordinal_after_a_verb_with_no_noun_after_it(text, placings):
    assert [(q.key, q.value, q.text) for q in quantities(text) if q.key == "placing"] == placings


@pytest.mark.parametrize("a, b, reason", [
    ("Smith came a close second in the sprint final on Sunday.", "Smith came fourth in the sprint final on Sunday.",
     'numbers differ: "came a close second" vs "came fourth"'),
    ("Smith finished a distant third in the race on Sunday.", "Smith finished fifth in the race on Sunday.",
     'numbers differ: "finished a distant third" vs "finished fifth"'),
])
def test_a_placing_with_an_article_and_a_word_of_margin_is_a_placing(a, b, reason):
    """"came a close second", "finished a distant third": an article and a word of margin or verdict between the
    verb and the ordinal leave it a placing."""
    assert conflict_reasons(a, b) == [reason]


@pytest.mark.parametrize("a, b", [
    ("Smith finished a split second behind Jones in the sprint final.",
     "Smith finished fourth behind Jones in the sprint final."),
    ("Smith finished a full second behind Jones in the race.", "Smith finished third behind Jones in the race."),
])
def test_a_split_second_behind_someone_is_no_ordinal_nor_placing(a, b):
    """"a split second behind Jones" is a time: "behind" is no noun an ordinal counts, and "split" or "full" is no
    word that qualifies a placing."""
    assert conflict_reasons(a, b) == []


@pytest.mark.parametrize("text", [
    "Smith finished a split second behind Jones.", "Smith finished a full second behind Jones.",
    "Smith finished a full second ahead of Jones.",
])
def test_no_ordinal_is_read_from_a_split_second(text):
    assert quantities(text) == ()


@pytest.mark.parametrize("a, b", [
    ("The girl was first reported missing on Tuesday by her mother.",
     "The girl was second reported missing on Tuesday by her mother."),
    ("The girl was first reported missing on Tuesday by her mother.",
     "The girl was reported missing for a third time on Tuesday by her mother."),
    ("The comet was first seen on Tuesday by amateurs in Chile.", "The comet was seen for a second time on Tuesday by "
     "amateurs in Chile."),
])
def test_an_ordinal_before_a_past_participle_after_a_copula_is_an_adverb_of_order(a, b):
    """"was first reported missing", "was first seen": an adverb saying when the act came, no tally of the verb."""
    assert conflict_reasons(a, b) == []


def test_an_ordinal_after_a_determiner_before_a_participle_still_counts_the_noun():
    assert [q.key for q in quantities("It was the first reported case of the disease.")] == [
        "ordinal:case", "ordinal:report"]
    assert [q.key for q in quantities("He was second choice for the job.")] == ["ordinal:choic"]


@pytest.mark.parametrize("a, b", [
    ("The center, 6-foot-11, 220 pounds, joined the Lakers on Monday for the season.",
     "The center joined the Lakers on Monday for the season, a deal worth 3 million pounds."),
    ("The baby weighed seven pounds when she was born at the hospital.",
     "The baby, born at the hospital, cost the family 900 pounds in fees."),
    ("Police seized 40 pounds of cocaine in the raid on the house.",
     "Police seized cocaine worth 40,000 pounds in the raid on the house."),
])
def test_pounds_of_a_weight_are_no_money(a, b):
    """"weighed seven pounds", "40 pounds of cocaine", "6-foot-11, 220 pounds": a weight, not compared with money."""
    assert conflict_reasons(a, b) == []


@pytest.mark.parametrize("text, key", [
    ("He weighs 220 pounds.", "measure:mass"),
    ("The 6-foot-11, 220 pounds center signed.", "measure:mass"),
    ("Police seized 40 pounds of cocaine.", "measure:mass"),
    ("The ticket cost 900 pounds.", "money:£"),
    ("Police seized 40 pounds of cocaine worth £4m.", "money:£"),  # the passage writes the currency with its sign
])
def test_pounds_read_as_a_weight_only_by_a_weighing_word_a_mass_or_a_height(text, key):
    assert [q.key for q in quantities(text) if "pound" in q.text][0] == key


def test_a_weight_and_money_in_one_clause_each_keep_their_reading():
    assert [q.key for q in quantities("The center, who weighs 220 pounds, signed a deal worth 5 million pounds.")] \
        == ["measure:mass", "money:£"]
    assert conflict_reasons("The center, 6-foot-11, 220 pounds, signed with the Lakers on Monday.",
                            "The center, 6-foot-11, 240 pounds, signed with the Lakers on Monday.") == [
        'numbers differ: "220 pounds" vs "240 pounds"']


def test_a_passage_longer_than_max_cue_chars_gives_no_values():
    """The cues compare every value of one passage with every value of the other: past MAX_CUE_CHARS (a hostile
    one-"sentence" passage) a passage gives none."""
    from newsdiff.text.cues.quantities import MAX_CUE_CHARS

    text = "The storm killed 12 people."
    assert quantities(text)
    assert quantities(text + " It rained." * (MAX_CUE_CHARS // 11 + 1)) == ()
