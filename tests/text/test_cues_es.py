"""Spanish conflict cues: number words, thousands, weekdays and dates, negation, re-attributed quotes."""

import pytest

from newsdiff.text.cues import conflict_reasons, quantities, speaker


def _values(text):
    return {(q.key, q.value) for q in quantities(text, "es")}


@pytest.mark.parametrize("text,expected", [
    ("La reunión duró quince minutos.", ("duration", 15)),
    ("Se prolongó durante media hora.", ("duration", 30)),
    ("Esperó treinta y cinco minutos.", ("duration", 35)),
    ("Unos 3.200 estibadores pararon.", ("count:estib", 3200)),
    ("Son 2,800 estibadores.", ("count:estib", 2800)),
    ("Le cuesta 35 millones de pesos al día.", ("money:MXN", 35e6)),
    ("Un aumento del 18 por ciento.", ("percent", 18)),
    ("Un aumento del 9%.", ("percent", 9)),
    ("Se reunieron el viernes.", ("weekday", 4)),
    ("El primer caso se confirmó el 3 de marzo.", ("date", 303)),
    ("Convocó a una segunda reunión.", ("ordinal:reunion", 2)),
    ("La inflación fue de 1,5 puntos.", None),
])
def test_spanish_quantities(text, expected):
    if expected is None:
        assert not any(key.startswith("count") for key, _ in _values(text))
    else:
        assert expected in _values(text)


def test_a_child_of_ten_years_is_an_age_not_a_duration():
    assert not any(key == "duration" for key, _ in _values("Un niño de 10 años de edad resultó herido."))


@pytest.mark.parametrize("a,b,reason", [
    ("La reunión con la secretaria del Trabajo duró quince minutos.",
     "La reunión con la secretaria del Trabajo se prolongó durante cuarenta minutos.", "numbers differ"),
    ("La secretaria del Trabajo reunió a las partes el viernes en la capitanía.",
     "El jueves, la secretaria del Trabajo reunió a las partes en la capitanía.", "dates differ"),
    ("El sindicato no aceptó la mediación del gobierno federal.",
     "El sindicato aceptó la mediación del gobierno federal.", "negation in the shared clause"),
    ('"No vamos a descargar un solo contenedor sin acuerdo", afirmó Ramiro Zepeda.',
     '"No vamos a descargar un solo contenedor sin acuerdo", dijo Elena Quiroga.', "quote attributed"),
])
def test_spanish_conflicts_are_found(a, b, reason):
    reasons = conflict_reasons(a, b, "es")
    assert any(r.startswith(reason) for r in reasons), reasons


@pytest.mark.parametrize("a,b", [
    ("Los estibadores trabajan turnos de doce horas en el puerto.", "Los estibadores cubren jornadas de 12 horas en el puerto."),
    ("No hubo heridos durante las protestas en el puerto.", "No se han registrado heridos en las protestas del puerto."),
    ('"Hemos hecho un esfuerzo enorme", declaró Ibarra.', '"Hemos hecho un esfuerzo enorme", escribió Ibarra.'),
    ("La empresa pagó 35 millones de pesos en el puerto.", "La empresa pagó 35.000.000 de pesos en el puerto."),
])
def test_spanish_decoys_raise_nothing(a, b):
    assert conflict_reasons(a, b, "es") == []


@pytest.mark.parametrize("a,b", [
    # "sin"/"no" in a clause that holds only part of what the two passages share: the other side says it otherwise
    ("Cientos de familias se quedaron sin gas natural porque el ducto principal se rompió.",
     "El ducto principal de gas natural se rompió y cientos de familias perdieron el servicio."),
    ("Los bancos de la plaza no abrirán el lunes, informó la Secretaría de Hacienda.",
     "La Secretaría de Hacienda ordenó cerrar el lunes los bancos de la plaza."),
    ("Los agentes de tránsito ordenaron el paso en las avenidas del norte, que se quedaron sin semáforos.",
     "Los semáforos de las avenidas del norte se quedaron apagados y los agentes de tránsito ordenaron el paso."),
])
def test_a_negation_beside_the_shared_clause_raises_nothing(a, b):
    assert conflict_reasons(a, b, "es") == []


def test_a_negated_shared_clause_is_a_cue_however_long_the_other_side():
    reasons = conflict_reasons("La fiscalía no descartó un robo en la bodega.",
                               "La fiscalía descartó un robo en la bodega y atribuyó la pérdida a un error de inventario.", "es")
    assert any(r.startswith("negation in the shared clause") for r in reasons), reasons


def test_speaker_after_a_spanish_reporting_verb():
    text = '"Cada hora de paro la pagan las familias", publicó Solís en sus redes.'
    assert speaker(text, 0, text.index(","), "es") == "Solís"


def test_a_pair_in_two_languages_compares_typed_quantities_only():
    en = "The call between the presidents lasted fifteen minutes on Friday."
    es = "La llamada entre los presidentes duró cuarenta minutos el viernes."
    # No shared topic words across languages: nothing is claimed.
    assert conflict_reasons(en, es, "en", "es") == []
    en_named = "Sheinbaum and Trump spoke for fifteen minutes, Sheinbaum Trump."
    es_named = "Sheinbaum y Trump hablaron durante cuarenta minutos, Sheinbaum Trump."
    reasons = conflict_reasons(en_named, es_named, "en", "es")
    assert reasons and reasons[0].startswith("numbers differ")


def test_a_spanish_ordinal_counts_the_first_noun_after_it():
    """Spanish puts the head first: "la cuarta huelga portuaria" counts strikes."""
    assert quantities("Es la cuarta huelga portuaria del año.", "es")[0].key == "ordinal:huelg"
    assert conflict_reasons("Es la tercera huelga del año.", "Es la cuarta huelga portuaria del año.", "es")


def test_the_day_a_spanish_speaker_spoke_is_not_the_day_of_the_event():
    assert conflict_reasons("El ministro dijo el jueves que la huelga seguirá.",
                            "La huelga empezó el lunes, dijo el ministro.", "es") == []


def test_a_spanish_negated_record_is_no_cue():
    """"No se veía un apagón tan extenso desde 2019" = "el más extenso desde 2019"."""
    from newsdiff.text.cues import negation_reasons

    assert negation_reasons("El apagón fue el más extenso en la región desde 2019.",
                            "No se veía un apagón tan extenso en la región desde la tormenta de 2019.",
                            language="es") == []
    assert negation_reasons("La planta no reabrió desde el incendio del martes.",
                            "La planta reabrió desde el incendio del martes.", language="es")


def test_spanish_ordinal_of_occasion_compares_with_an_ordinal_of_the_event():
    """"Por tercera vez" counts the event ("vez" is a stopword, read anyway after an ordinal); "primera vez" does not."""
    assert quantities("El club ganó la liga por tercera vez en su historia.", "es")[0].key == "ordinal:vez"
    assert conflict_reasons("El club ganó la liga por tercera vez en su historia.",
                            "La victoria dio al club su cuarta copa de liga.", "es") == \
        ['numbers differ: "tercera vez" vs "cuarta copa"']
    assert conflict_reasons("El club ganó la liga por primera vez en su historia.",
                            "La victoria dio al club su cuarta copa de liga.", "es") == []


def test_spanish_no_solo_adds_and_denies_nothing():
    """"no solo descartó un sabotaje" states what the other side states."""
    from newsdiff.text.cues import negation_reasons

    other = "La compañía descartó un sabotaje en la subestación."
    assert negation_reasons("La compañía no solo descartó un sabotaje en la subestación.", other, language="es") == []
    assert negation_reasons("La compañía no descartó un sabotaje en la subestación.", other, language="es") != []


def test_spanish_and_a_half_hedges_and_months():
    """"un año y medio" = 18 meses; "unos 40" meets 43; "más de 60" does not meet "cuarenta"."""
    assert ("duration", 1.5 * 525600) in _values("La obra durará un año y medio.")
    assert conflict_reasons("La obra del puente durará un año y medio.", "La obra del puente durará 18 meses.",
                            "es") == []
    assert conflict_reasons("Unos 40 rescatistas trabajaron en la cueva.",
                            "Cuarenta y tres rescatistas trabajaron en la cueva.", "es") == []
    assert conflict_reasons("Más de 60 rescatistas trabajaron en la cueva.",
                            "Cuarenta rescatistas trabajaron en la cueva.", "es") == \
        ['numbers differ: "60 rescatistas" vs "Cuarenta rescatistas"']


def test_a_ratio_uno_de_cada_tres_is_a_share():
    """"uno de cada tres" is a share, compared with percentages (and widened by a hedge: "casi")."""
    assert [(q.key, round(q.value, 1)) for q in quantities("Uno de cada tres hogares no tiene coche.", "es")] == \
        [("percent", 33.3)]
    assert conflict_reasons("Uno de cada tres trabajadores secundó la huelga.",
                            "El 60% de los trabajadores secundó la huelga.", "es") == \
        ['numbers differ: "Uno de cada tres" vs "60%"']


def test_a_spanish_placing_after_a_verb_compares_with_the_same_verb_and_subject():
    """"terminó tercero" / "terminó quinto": the placing rule reads Spanish with its own ordinals and stopwords."""
    assert conflict_reasons("Pérez terminó tercero en la carrera del domingo.",
                            "Pérez terminó quinto en la carrera del domingo.", "es") == [
        'numbers differ: "terminó tercero" vs "terminó quinto"']
    assert conflict_reasons("Pérez terminó tercero en la carrera del domingo.",
                            "Gómez terminó quinto en la carrera del domingo.", "es") == []


@pytest.mark.parametrize("a,b,expected", [
    # a copula or a verb of placing the stopword list holds, before an ordinal alone
    ("Pérez quedó cuarto en la carrera del domingo.", "Pérez quedó tercero en la carrera del domingo.",
     'numbers differ: "quedó cuarto" vs "quedó tercero"'),
    ("Pérez llegó quinto a la meta el domingo.", "Pérez llegó segundo a la meta el domingo.",
     'numbers differ: "llegó quinto" vs "llegó segundo"'),
    ("Pérez fue segundo en la carrera del domingo.", "Pérez fue cuarto en la carrera del domingo.",
     'numbers differ: "fue segundo" vs "fue cuarto"'),
    # the abbreviations
    ("Pérez terminó 3.º en la carrera.", "Pérez terminó 5.º en la carrera.",
     'numbers differ: "terminó 3.º" vs "terminó 5.º"'),
    ("La atleta terminó 3er en la carrera.", "La atleta terminó 4.ª en la carrera.",
     'numbers differ: "terminó 3er" vs "terminó 4.ª"'),
])
def test_a_spanish_placing_after_a_copula_or_a_stopword_verb(a, b, expected):
    """"quedó cuarto" / "quedó tercero": "quedó", "llegó", "fue" are stopwords, read as the verbs before a placing,
    and "cuarto" and the abbreviations ("3.º", "4.ª", "3er") are ordinals."""
    assert conflict_reasons(a, b, "es") == [expected]


@pytest.mark.parametrize("text", [
    "Esperó un cuarto de hora.",
    "Dejó la maleta en el cuarto de baño.",
    "El equipo jugará cuartos de final el domingo.",
    "Perdió por un segundo.",
    "Avanza a 3 metros por segundo.",
    "Leyó el capítulo tercero del informe.",
])
def test_a_quarter_a_room_a_second_of_time_and_a_noun_before_its_ordinal_are_no_spanish_placings(text):
    """"cuarto" is a noun too (a quarter, a room, "cuartos de final") where "de" follows; "segundo" after a stopword
    is the unit of time; "el capítulo tercero": a determiner's noun before the ordinal, as "a split second"."""
    assert all(q.key != "placing" for q in quantities(text, "es"))


@pytest.mark.parametrize("text,expected", [
    ("Es la cuarta huelga del año.", ("ordinal:huelg", 4)),
    ("Las cuartas elecciones en dos años.", ("ordinal:eleccion", 4)),
    ("La decimotercera huelga del año.", ("ordinal:huelg", 13)),
    ("La vigésima edición del festival.", ("ordinal:edicion", 20)),
    ("La 2.ª edición del festival.", ("ordinal:edicion", 2)),
    ("El 3er puesto de la tabla.", ("ordinal:puest", 3)),
])
def test_spanish_ordinals_of_the_whole_series_and_their_abbreviations(text, expected):
    assert expected in _values(text)


def test_a_spanish_date_with_an_ordinal_day():
    """"1.º de mayo": the first of the month as the RAE writes it."""
    assert ("date", 501) in _values("La huelga empezó el 1.º de mayo.")
