"""English closed word classes (the engine's original lists)."""

from newsdiff.text.lexicon import Lexicon

INF = float("inf")

STOPWORDS = frozenset(
    """
    a about above after again against all also although am among amid an and any are as at be
    because been before being below between both but by can could did do does doing down during
    each either even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less like many may me
    might more most much must my myself neither nor not now of off on once one only or other our
    ours ourselves out over own per rather same several she should since so some such than that
    the their theirs them themselves then there these they this those though through throughout
    thus to too toward towards under until up upon us very via was we were what when where whether
    which while who whom whose why will with within without would yet you your yours yourself
    said says say told according added including s t no
    """.split()
)
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "one": 1, "a": 1, "an": 1, "half": 0.5,
}
MONTHS = {m: k + 1 for k, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: k for m, k in list(MONTHS.items())})
MONTHS["sept"] = 9

# Verbs that report speech, every form but the -ing one (a gerund's subject is not the word before it: "..., adding"):
# a closed class of English grammar. Only a lower-case form counts (capitalised "States" is a name).
SPEECH_VERBS = frozenset("""
    say says said tell tells told write writes wrote written post posts posted add adds added ask asks asked
    state states stated tweet tweets tweeted declare declares declared insist insists insisted warn warns warned
    recall recalls recalled explain explains explained note notes noted remark remarks remarked argue argues argued
    claim claims claimed announce announces announced answer answers answered reply replies replied respond responds
    responded comment comments commented observe observes observed admit admits admitted acknowledge acknowledges
    acknowledged concede concedes conceded confirm confirms confirmed conclude concludes concluded continue continues
    continued counter counters countered retort retorts retorted maintain maintains maintained assert asserts
    asserted contend contends contended stress stresses stressed emphasise emphasises emphasised emphasize emphasizes
    emphasized predict predicts predicted promise promises promised vow vows vowed pledge pledges pledged boast
    boasts boasted complain complains complained lament laments lamented joke jokes joked quip quips quipped exclaim
    exclaims exclaimed shout shouts shouted whisper whispers whispered mutter mutters muttered cry cries cried
    caution cautions cautioned testify testifies testified reflect reflects reflected recount recounts recounted
    agree agrees agreed suggest suggests suggested urge urges urged plead pleads pleaded reiterate reiterates
    reiterated report reports reported wonder wonders wondered muse muses mused reckon reckons reckoned
""".split())
# Words that stand before a name and are not part of it: titles of office and rank, and honorifics.
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame rev fr hon".split())
SPEAKER_TITLES = frozenset("""
    prof professor doctor lord lady reverend father sister brother pastor bishop archbishop cardinal pope rabbi imam
    sheikh
    king queen prince princess duke duchess emperor
    governor gov mayor president pres vice prime minister secretary chancellor premier senator sen representative
    rep congressman congresswoman councillor councilor cllr councilman councilwoman alderman commissioner
    judge justice chief fire police deputy assistant acting interim general gen colonel col major maj captain capt
    lieutenant lt sergeant sgt corporal cpl officer constable inspector insp detective det superintendent supt
    sheriff marshal admiral adm commander cmdr coach director chairman chairwoman chair ambassador attorney speaker
    spokesman spokeswoman spokesperson manager
""".split())

ENGLISH = Lexicon(
    code="en",
    stemmer="english",
    wordfreq="en",
    stopwords=STOPWORDS,
    number_words=NUMBER_WORDS,
    tens=frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split()),
    units=frozenset("one two three four five six seven eight nine".split()),
    tens_joiners=frozenset({"-"}),
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
              "eighth": 8, "ninth": 9, "tenth": 10},
    ordinal_suffix="st|nd|rd|th",
    scales={"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "mn": 1e6,
            "k": 1e3},
    currency_words={"dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£", "pounds": "£",
                    "yen": "¥", "sterling": "£", "usd": "$", "eur": "€", "gbp": "£", "jpy": "¥",
                    "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rupee": "INR", "rupees": "INR", "inr": "INR",
                    "franc": "CHF", "francs": "CHF", "chf": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
                    "rubles": "RUB", "peso": "MXN", "pesos": "MXN", "rand": "ZAR", "naira": "NGN", "shekel": "ILS",
                    "shekels": "ILS", "lira": "TRY", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK"},
    currency_signs={"$": "$", "€": "€", "£": "£", "¥": "¥"},
    minutes={"second": 1 / 60, "seconds": 1 / 60, "minute": 1, "minutes": 1, "hour": 60, "hours": 60,
             "day": 1440, "days": 1440, "week": 10080, "weeks": 10080,
             "fortnight": 20160, "fortnights": 20160, "month": 43200, "months": 43200,
             "year": 525600, "years": 525600},
    months=MONTHS,
    weekdays={d: k for k, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())},
    clock=frozenset({"am", "pm", "a.m.", "p.m."}),
    indefinite=frozenset({"a", "an"}),
    half=frozenset({"half"}),
    one=frozenset({"one"}),
    percent=(("%",), ("percent",), ("per", "cent")),
    links=frozenset(),
    age_words=frozenset({"old"}),
    occasion_nouns=frozenset({"time"}),
    additive_negation=r"\bnot\s+(?:only|just|merely|simply)\b",
    hundreds=frozenset({"hundred"}),
    hundred_joiners=frozenset({"and"}),
    and_half=(("and", "a", "half"),),
    fractions={"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
               "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10},
    fraction_links=frozenset({"of"}),
    fraction_openers=frozenset({"by"}),
    ratio_links=(("in",), ("out", "of")),
    range_words=("between", "and"),
    attribution_openers=("according to",),
    ordinal_skips=frozenset({"such"}),
    place_prepositions=frozenset("in on at into during after before until till from to".split()),
    definite=frozenset({"the", "this", "that", "its", "their", "his", "her"}),
    copulas=frozenset("is are was were be been".split()),
    placing_adverbs=frozenset({"behind", "ahead", "overall"}),
    placing_qualifiers=frozenset("close distant remote narrow clear comfortable strong solid creditable respectable "
                                 "surprise disappointing".split()),
    auxiliaries=frozenset("being has have had".split()),
    participle_endings=("ed", "en", "wn"),
    mass_currency={"pound": 453.6, "pounds": 453.6},
    mass_links=frozenset({"of"}),
    mass_verbs=("weigh",),
    height_units=frozenset({"foot"}),
    hedges={**{tuple(w.split()): (0.9, 1.1) for w in ("about", "around", "some", "roughly", "approximately", "nearly", "almost",
                                          "approx", "circa", "an estimated", "estimated")},
            **{(w,): (0.85, 1.0) for w in ("nearly", "almost")},
            **{tuple(w.split()): (1.0, INF) for w in ("more than", "over", "above", "at least", "upwards of")},
            **{tuple(w.split()): (0.0, 1.0) for w in ("fewer than", "less than", "under", "below", "up to",
                                                      "at most")}},
    span_hedges=frozenset({("over",)}),  # "talks held over three days": over which time, not more than three days
    month_units=frozenset({"month", "months"}),
    day_openers=frozenset((w, "the") for w in ("on", "by", "until", "till", "since", "before", "after", "from")),
    day_month_links=frozenset({"of"}),
    dozens={"dozen": 12},
    vague_counts={("a", "few"): (2, 5), ("few",): (2, 5), ("several",): (3, 9), ("a", "couple", "of"): (2, 3)},
    money_scales=frozenset({"m", "k", "bn", "mn"}),
    measure_units={**{w: ("power", 1.0) for w in ("watt", "watts")},
           **{w: ("power", f) for w, f in (("kw", 1e3), ("mw", 1e6), ("gw", 1e9), ("tw", 1e12))},
           **{w: ("energy", f) for w, f in (("kwh", 1e3), ("mwh", 1e6), ("gwh", 1e9), ("twh", 1e12))},
           **{w: ("length", 1.0) for w in ("metre", "metres", "meter", "meters")},
           **{w: ("length", f) for w, f in (("km", 1e3), ("cm", 1e-2), ("mm", 1e-3), ("mile", 1609.344),
                                            ("miles", 1609.344), ("feet", 0.3048), ("ft", 0.3048), ("inch", 0.0254),
                                            ("inches", 0.0254))},
           **{w: ("mass", 1.0) for w in ("gram", "grams", "gramme", "grammes")},
           **{w: ("mass", f) for w, f in (("kg", 1e3), ("mg", 1e-3), ("tonne", 1e6), ("tonnes", 1e6), ("ton", 1e6),
                                          ("tons", 1e6), ("lb", 453.6), ("lbs", 453.6))},
           **{w: ("area", f) for w, f in (("hectare", 1e4), ("hectares", 1e4), ("acre", 4046.86), ("acres", 4046.86))},
           **{w: ("volume", 1.0) for w in ("litre", "litres", "liter", "liters")},
           **{w: ("volume", f) for w, f in (("ml", 1e-3), ("gallon", 3.785), ("gallons", 3.785))},
           **{w: ("data", 1.0) for w in ("byte", "bytes")},
           **{w: ("data", f) for w, f in (("kb", 1e3), ("mb", 1e6), ("gb", 1e9), ("tb", 1e12))}},
    unit_prefixes={"kilo": 1e3, "mega": 1e6, "giga": 1e9, "tera": 1e12, "milli": 1e-3, "centi": 1e-2},
    square_words=frozenset({"square", "sq"}),
    not_count_stems=frozenset({"percent", "time", "point"}),
    titles=SPEAKER_TITLES | HONORIFICS,
    year_openers=frozenset({"in", "for"}),
    span_nouns=frozenset("period periods spell spells span stretch stint term terms".split()),
    negations=frozenset("not no never none nor neither without nothing nobody cannot denied denies deny "
                        "refused refuses declined declines".split()),
    negation_suffix=r"n['’]t\b",
    implicative_verbs=frozenset("fail fails failed failing neglect neglects neglected neglecting forget forgets forgot "
                                "forgotten forgetting unable yet".split()),
    implicative_link="to",
    privative=frozenset({"without"}),
    antonyms_file="antonyms_en.tsv",
    antonym_pos=frozenset("va"),
    degree_words=frozenset({"so", "such"}),
    since_words=frozenset({"since"}),
    clause_words=("but", "while", "although", "though", "whereas", "because", "after", "before"),
    reporting_verbs=("said", "says", "say", "told", "tells", "tell", "wrote", "writes", "write", "posted", "posts",
                     "added", "adds", "asked", "asks", "stated", "states", "tweeted", "declared", "insisted",
                     "warned", "recalled", "recalls", "explained", "explains"),
    not_speakers=frozenset("""The A An It He She They We I You His Her Their Our This That These Those
        Officials Official Sources Source Police Reporters""".split()),
    speech_verbs=SPEECH_VERBS,
    honorifics=HONORIFICS,
    speaker_determiners=frozenset("the a an his her its their our my your".split()),
    role_links=frozenset({"of", "for"}),
    name_particles=frozenset("de del della di da dos das du la le van von der den ter ten bin al el".split()),
    relative_pronouns=frozenset({"who", "whose", "whom", "which"}),
    coordinators=frozenset({"and", "or", "nor", "&"}),
    speaker_adverbs=frozenset("also later then again once previously still has have had".split()),
    adverb_suffix="ly",
    not_canonical=frozenset({"dozens"}),
    schedule_nouns=frozenset("date dates timetable timeline timeframe schedule".split()),
    time_ahead=(r"\b(?:(?:later|early|earlier|late)\s+)?(?:this|next)\s+(?:week|weekend|month|year|spring|summer"
                r"|autumn|fall|winter)\b|\btomorrow\b|\b(?:in|within|over)\s+the\s+(?:coming|next)\s+"
                r"(?:days|weeks|months)\b"),
)
