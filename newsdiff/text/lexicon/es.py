"""Spanish closed word classes: number words ("quince minutos"), weekdays ("el viernes"), negation
("no", "nunca", "sin"), reporting verbs ("dijo", "afirmó", "publicó"). Stopwords from the `stop-words`
package's Spanish list (ranks.nl and others, maintained), Snowball's Spanish stemmer.

Numbers are read in both styles a Spanish-language newsroom uses: "3.200" or "3,200" for thousands
(a group of three digits after the separator), "1,5" or "1.5" for decimals.
"""

from stop_words import get_stop_words

from newsdiff.text.lexicon import Lexicon

_UNITS = {"uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
          "ocho": 8, "nueve": 9}
_TEENS = {"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
          "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
          "veintiún": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23,
          "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27,
          "veintiocho": 28, "veintinueve": 29}
_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
         "noventa": 90}
_HUNDREDS = {"cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
             "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
             "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700,
             "ochocientos": 800, "ochocientas": 800, "novecientos": 900, "novecientas": 900}
NUMBER_WORDS = {**_UNITS, **_TEENS, **_TENS, **_HUNDREDS, "docena": 12, "decena": 10, "media": 0.5,
                "medio": 0.5}
MONTHS = {m: k + 1 for k, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split())}
MONTHS.update({"ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sep": 9, "sept": 9,
               "setiembre": 9, "oct": 10, "nov": 11, "dic": 12})
# Ordinals, the whole series news writes in one word: "primero" to "décimo", "undécimo"/"decimoprimero" to
# "decimonoveno", the tens ("vigésimo"... "nonagésimo") and "centésimo", each with its feminine and plural forms
# ("cuarta", "cuartos", "cuartas"), and the apocopes before a noun ("primer", "tercer", "decimotercer"). Left out:
# "segundos", the unit of time ("segundos después", "en los últimos segundos"), as English "seconds" is no ordinal;
# the compounds in two words ("vigésimo primero"). "Cuarto" is a noun too (a room, a quarter, "cuartos de final"):
# `ordinal_nouns` below.
_ORDINAL_STEMS = {"primer": 1, "segund": 2, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6, "séptim": 7, "sétim": 7,
                  "octav": 8, "noven": 9, "décim": 10, "undécim": 11, "decimoprimer": 11, "duodécim": 12,
                  "decimosegund": 12, "decimotercer": 13, "decimocuart": 14, "decimoquint": 15, "decimosext": 16,
                  "decimoséptim": 17, "decimoctav": 18, "decimooctav": 18, "decimonoven": 19, "vigésim": 20,
                  "trigésim": 30, "cuadragésim": 40, "quincuagésim": 50, "sexagésim": 60, "septuagésim": 70,
                  "octogésim": 80, "nonagésim": 90, "centésim": 100}
ORDINALS = {stem + end: value for stem, value in _ORDINAL_STEMS.items() for end in ("o", "a", "os", "as")}
ORDINALS.update({"primer": 1, "tercer": 3, "decimoprimer": 11, "decimotercer": 13})
del ORDINALS["segundos"]
_REPORTING = """dijo dice dicen dijeron afirmó afirma afirmaron declaró declara declararon publicó publica
    publicaron escribió escribe escribieron aseguró asegura aseguraron sostuvo sostiene señaló señala
    explicó explica añadió agregó advirtió advierte contó cuenta indicó insistió preguntó respondió
    contestó comentó expresó manifestó informó anunció tuiteó""".split()
# Every other verb that reports speech (a closed class), in the forms news writing uses: third person, present and
# preterite.
_SPEECH = """recordó recuerda recordaron subrayó subraya reconoció reconoce admitió admite aseveró destacó destaca
    apuntó apunta precisó precisa relató relata reiteró reitera concluyó concluye lamentó lamenta denunció denuncia
    enfatizó recalcó remarcó puntualizó aclaró aclara detalló detalla confirmó confirma prometió promete exclamó
    gritó opinó opina argumentó argumenta planteó plantea sentenció insiste advirtieron explicaron señalaron
    añade agrega añadieron agregaron contestaron respondieron comentaron dicho afirmado declarado asegurado señalado
    explicado""".split()
_HONORIFICS = frozenset("sr sra srta dr dra don doña dn dña lic ing arq mtro mtra prof profa excmo excma ilmo".split())
_TITLES = """gral pdte pdta presidente presidenta alcalde alcaldesa gobernador gobernadora ministro ministra secretario
    secretaria senador senadora diputado diputada juez jueza general coronel capitán comandante doctor doctora padre
    monseñor rey reina príncipe princesa portavoz vocero vocera director directora"""

SPANISH = Lexicon(
    code="es",
    noun_head_first=True,
    stemmer="spanish",
    wordfreq="es",
    stopwords=frozenset(get_stop_words("es")),
    number_words=NUMBER_WORDS,
    tens=frozenset(_TENS),
    units=frozenset(_UNITS),
    tens_joiners=frozenset({"y"}),
    ordinals=ORDINALS,
    # "1.º", "2.ª", "3er", "1.er": the abbreviations, a raised letter after a dot or not, and "er" of the apocopes
    ordinal_suffix=r"\.?º|\.?ª|°|\.?er",
    scales={"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mdp": 1e6, "billón": 1e12,
            "billones": 1e12},
    currency_words={"dólar": "US$", "dólares": "US$", "dolares": "US$", "peso": "MXN", "pesos": "MXN",
                    "euro": "€", "euros": "€", "libras": "£"},
    currency_signs={"$": "$", "€": "€", "£": "£"},
    minutes={"segundos": 1 / 60, "minuto": 1, "minutos": 1, "hora": 60, "horas": 60, "día": 1440, "días": 1440,
             "semana": 10080, "semanas": 10080, "mes": 43200, "meses": 43200, "año": 525600, "años": 525600},
    months=MONTHS,
    weekdays={d: k for k, d in enumerate("lunes martes miércoles jueves viernes sábado domingo".split())}
    | {"miercoles": 2, "sabado": 5},
    clock=frozenset({"am", "pm", "a.m.", "p.m.", "hrs", "hrs."}),
    indefinite=frozenset({"un", "una"}),
    half=frozenset({"media", "medio"}),
    one=frozenset({"uno"}),
    percent=(("%",), ("por", "ciento"), ("porciento",)),
    links=frozenset({"de"}),
    ordinal_nouns=frozenset({"cuarto", "cuartos"}),
    age_words=frozenset({"edad"}),
    occasion_nouns=frozenset({"vez"}),
    and_half=(("y", "medio"), ("y", "media")),
    hedges={**{tuple(w.split()): (0.9, 1.1) for w in ("unos", "unas", "alrededor de", "cerca de", "aproximadamente",
                                                      "en torno a", "unos")},
            **{(w,): (0.85, 1.0) for w in ("casi",)},
            **{tuple(w.split()): (1.0, float("inf")) for w in ("más de", "mas de", "al menos", "por lo menos")},
            **{tuple(w.split()): (0.0, 1.0) for w in ("menos de", "hasta")}},
    month_units=frozenset({"mes", "meses"}),
    measure_units={**{w: ("power", 1.0) for w in ("vatio", "vatios", "watt", "watts")},
                   **{w: ("power", f) for w, f in (("kw", 1e3), ("mw", 1e6), ("gw", 1e9))},
                   **{w: ("energy", f) for w, f in (("kwh", 1e3), ("mwh", 1e6), ("gwh", 1e9), ("twh", 1e12))},
                   **{w: ("length", 1.0) for w in ("metro", "metros")},
                   **{w: ("length", f) for w, f in (("km", 1e3), ("kilómetro", 1e3), ("kilómetros", 1e3),
                                                    ("cm", 1e-2), ("centímetros", 1e-2), ("mm", 1e-3))},
                   **{w: ("mass", 1.0) for w in ("gramo", "gramos")},
                   **{w: ("mass", f) for w, f in (("kg", 1e3), ("kilo", 1e3), ("kilos", 1e3), ("tonelada", 1e6),
                                                  ("toneladas", 1e6))},
                   **{w: ("area", f) for w, f in (("hectárea", 1e4), ("hectáreas", 1e4))},
                   **{w: ("volume", 1.0) for w in ("litro", "litros")}},
    unit_prefixes={"kilo": 1e3, "mega": 1e6, "giga": 1e9, "mili": 1e-3},
    additive_negation=r"\bno\s+(?:s[oó]lo|solamente|[uú]nicamente)\b",
    not_count_stems=frozenset({"vec", "vez", "punt", "por"}),
    negations=frozenset("no nunca jamás sin ni tampoco nadie nada ningún ninguno ninguna negó niega negaron "
                        "rechazó rechaza rechazaron".split()),
    negation_suffix="",
    privative=frozenset({"sin"}),
    degree_words=frozenset({"tan", "tanto", "tanta", "tantos", "tantas", "tal"}),
    since_words=frozenset({"desde"}),
    clause_words=("pero", "aunque", "mientras", "porque", "sino", "después", "antes"),
    reporting_verbs=tuple(_REPORTING),
    attribution_openers=("según", "de acuerdo con"),
    place_prepositions=frozenset("en a desde hasta durante tras".split()),
    # "el capítulo tercero", "la planta cuarta": a noun with its ordinal after it, no placing
    definite=frozenset("el la los las este esta estos estas ese esa esos esas su sus".split()),
    # the stopwords that are verbs before a placing: the copulas ("fue segundo", "es tercero", "está cuarto") and the
    # verbs of placing the stopword list holds ("quedó cuarto", "llegó quinto", "sigue tercero", "va segundo")
    copulas=frozenset("es son era eran fue fueron será serán sería serían sido está están estaba estaban estuvo "
                      "estuvieron estará quedó llegó sigue va van".split()),
    ratio_links=(("de", "cada"),),  # "uno de cada tres"
    range_words=("entre", "y"),
    not_speakers=frozenset("""El La Los Las Un Una Unos Unas Él Ella Ellos Ellas Yo Nosotros Usted Su Sus
        Este Esta Estos Estas Ese Esa Eso Fuentes Fuente Policía Funcionarios Autoridades Según""".split()),
    speech_verbs=frozenset(_REPORTING + _SPEECH),
    titles=frozenset(_TITLES.split()) | _HONORIFICS,
    honorifics=_HONORIFICS,
    speaker_determiners=frozenset("el la los las un una unos unas su sus este esta".split()),
    role_links=frozenset({"de", "del"}),
    name_particles=frozenset("de del la las los y da dos van von".split()),
    relative_pronouns=frozenset({"que", "quien", "quienes", "cuyo", "cuya"}),
    coordinators=frozenset({"y", "e", "o", "u", "ni", "&"}),
    speaker_adverbs=frozenset("también luego después ya ha han había".split()),
    adverb_suffix="mente",
    clause_marks=",;:()—–“”\"«»¿?¡!",
    prepositive_titles=frozenset("sr sra srta dr dra lic ing arq gral mtro mtra prof profa sto sta pdte pdta "
                                 "excmo excma ilmo dn dña".split()),
)
