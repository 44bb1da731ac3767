"""The grading rules, one row per (question, typed text, expected verdict [, expected credit]).

Questions are built directly from the model (no loader). ``G`` knows only the built-in names;
``C`` knows a small course too, so that its answers compete with typos (``Chile``).
"""

from __future__ import annotations

import pytest

from tutor.grading import Grader, Verdict
from tutor.model import (
    Course,
    GlossaryEntry,
    Item,
    Lesson,
    NumberSpec,
    Question,
    QuestionType,
    Wrong,
)

T = QuestionType


def text(answer: str, *accept: str, wrong: dict[str, str] | None = None) -> Question:
    return Question(
        id=f"t-{answer}",
        ask="?",
        type=T.TEXT,
        answer=answer,
        items=(Item(answer, tuple(accept)),),
        wrong=tuple(Wrong(k, v) for k, v in (wrong or {}).items()),
    )


def number(
    value: float,
    answer: str | None = None,
    tolerance: float = 0.0,
    relative: bool = False,
    unit: str | None = None,
    wrong: dict[str, str] | None = None,
) -> Question:
    return Question(
        id=f"n-{value}",
        ask="?",
        type=T.NUMBER,
        answer=answer if answer is not None else f"{value:g}",
        number=NumberSpec(value, tolerance, relative, unit),
        wrong=tuple(Wrong(k, v) for k, v in (wrong or {}).items()),
    )


def listq(
    *items: str | tuple[str, ...], need: int | None = None, wrong: dict[str, str] | None = None
) -> Question:
    its = tuple(Item(i) if isinstance(i, str) else Item(i[0], tuple(i[1:])) for i in items)
    return Question(
        id="l-" + "-".join(i.text for i in its),
        ask="?",
        type=T.LIST,
        answer=", ".join(i.text for i in its),
        items=its,
        need=need,
        wrong=tuple(Wrong(k, v) for k, v in (wrong or {}).items()),
    )


def choice(options: list[str], correct: int, wrong: dict[str, str] | None = None) -> Question:
    return Question(
        id="c-" + options[correct],
        ask="?",
        type=T.CHOICE,
        answer=options[correct],
        options=tuple(options),
        correct=(correct,),
        wrong=tuple(Wrong(k, v) for k, v in (wrong or {}).items()),
    )


def multi(options: list[str], correct: tuple[int, ...]) -> Question:
    return Question(
        id="m-" + "".join(map(str, correct)),
        ask="?",
        type=T.MULTI,
        answer=", ".join(chr(65 + i) for i in correct),
        options=tuple(options),
        correct=correct,
    )


def truefalse(truth: bool) -> Question:
    return Question(id=f"tf-{truth}", ask="?", type=T.TRUEFALSE, answer=str(truth), truth=truth)


Q = {
    "russia": text(
        "Russia",
        "Russian Federation",
        "Moscow",
        wrong={"China": "Beijing's role has been mostly economic."},
    ),
    "tokayev": text(
        "Kassym-Jomart Tokayev",
        "Tokayev",
        wrong={"Nazarbayev": "Nazarbayev was the former president."},
    ),
    "nazarbayev": text("Nazarbayev"),
    "iran": text("Iran"),
    "iraq": text("Iraq"),
    "austria": text("Austria"),
    "australia": text("Australia"),
    "prussia": text("Prussia"),
    "north-korea": text("North Korea", "DPRK"),
    "south-korea": text("South Korea"),
    "eaeu": text("EAEU", "Eurasian Economic Union"),
    "eu": text("European Union", "EU"),
    "y8": text("Y-8"),
    "c5": text("C5+1"),
    "china": text("China"),
    "astana": text("Astana", "Nur-Sultan"),
    "urumqi": text("Ürümqi"),
    "bri": text("Belt and Road Initiative", "BRI"),
    "tt": text("Trinidad and Tobago"),
    "west": text("the United States and the European Union", "US and EU"),
    "hague": text("The Hague"),
    "kyrgyzstan": text("Kyrgyzstan"),
    "sco": text("Shanghai Cooperation Organisation", "SCO"),
    "multivector": text("multi-vector foreign policy", "multi-vector policy"),
    "ru": text("Russia"),
    "beijing": text("Beijing"),
    "kazakhstan": text("Kazakhstan"),
    "usa": text("United States", "USA"),
    "xinjiang": text("Xinjiang"),
    "y1991": number(1991),
    "y2020": number(2020),
    "pop": number(18_000_000, "18 million", tolerance=0.05, relative=True),
    "pop-m": number(18, "18 million", unit="million"),
    "rank": number(9, "ninth"),
    "pct": number(18, "18%", unit="%"),
    "money": number(3_200_000, "$3.2 million", tolerance=0.01, relative=True),
    "half": number(1.5),
    "km": number(10, "10 m", unit="m"),
    "neg": number(-5),
    "tol": number(100, tolerance=2),
    "y1991w": number(1992 - 1, wrong={"1992": "That was the year after independence."}),
    "borders": listq("Mongolia", ("North Korea", "DPRK")),
    "frameworks": listq(
        ("Shanghai Cooperation Organisation", "SCO"),
        ("Belt and Road Initiative", "BRI"),
        wrong={"Eurasian Economic Union": "The EAEU is Russian-led."},
    ),
    "caspian": listq("Russia", "Kazakhstan", "Turkmenistan", "Iran", "Azerbaijan", need=3),
    "carib": listq("Trinidad and Tobago", "Jamaica"),
    "pair": listq("Iran", "Iraq"),
    "role": choice(
        ["Security guarantor", "Economic networks", "Neither"],
        1,
        wrong={"Security guarantor": "That has been Russia's role."},
    ),
    "years": choice(["1991", "1992", "1993"], 0),
    "amounts": choice(["18 million", "9 million", "1 million"], 0),
    "timeline": choice(
        ["SCO founded; Y-8 sale; Pompeo visit", "Y-8 sale; SCO founded; Pompeo visit"], 1
    ),
    "lead": multi(
        [
            "Shanghai Cooperation Organisation",
            "Eurasian Economic Union",
            "Belt and Road Initiative",
        ],
        (0, 2),
    ),
    "four": multi(["Kazakhstan", "Mongolia", "Brazil", "Tajikistan"], (0, 1, 3)),
    "false": truefalse(False),
    "true": truefalse(True),
}

COURSE = Course(
    (
        Lesson(
            id="course",
            title="Competitors",
            steps=(text("Chile"), text("Nazarbayev"), text("Eurasian Economic Union")),
            glossary=(GlossaryEntry("CSTO", "Collective Security Treaty Organization, a bloc."),),
        ),
    )
)
G = Grader()
C = Grader(COURSE)

V = Verdict
CORRECT, TYPO, PARTIAL, MISC, CLOSE, WRONG, INVALID = (
    V.CORRECT,
    V.TYPO,
    V.PARTIAL,
    V.MISCONCEPTION,
    V.CLOSE,
    V.WRONG,
    V.INVALID,
)

# (question, typed, verdict[, credit]); rows marked "C:" use the grader that knows the course.
ROWS: list[tuple] = [
    # --- text: exact and accepted forms, normalisation -------------------------------------
    ("russia", "Russia", CORRECT, 1.0),
    ("russia", "russia", CORRECT),
    ("russia", "RUSSIA", CORRECT),
    ("russia", "  Russia  ", CORRECT),
    ("russia", "Russia.", CORRECT),
    ("russia", "Russia!", CORRECT),
    ("russia", "Russia?", CORRECT),
    ("russia", "RUSSIA!!!", CORRECT),
    ("russia", "the Russian Federation", CORRECT),
    ("russia", "Russian federation", CORRECT),
    ("russia", "Russian-Federation", CORRECT),
    ("russia", "Moscow", CORRECT),
    ("russia", "I think it's Russia", CORRECT),
    ("russia", "I think it\u2019s Russia", CORRECT),
    ("russia", "It is Russia", CORRECT),
    ("russia", "it's russia", CORRECT),
    ("russia", "The answer is Russia.", CORRECT),
    ("russia", "Russia, I think", CORRECT),
    ("russia", "Russia (Russian Federation)", CORRECT),
    ("russia", "Russia \U0001f642", CORRECT),
    ("russia", "Rus\u200bsia", CORRECT),
    ("russia", "Russia\x07", CORRECT),
    ("russia", "\uff32\uff55\uff53\uff53\uff49\uff41", CORRECT),  # full-width letters (NFKC)
    ("russia", "Russia\n", CORRECT),
    # --- text: typos accepted and shown ----------------------------------------------------
    ("russia", "Rusia", TYPO, 1.0),
    ("russia", "Russsia", TYPO),
    ("russia", "Rusisa", TYPO),
    ("russia", "Russai", TYPO),
    ("russia", "Moskow", TYPO),
    ("russia", "Russian Federaton", TYPO),
    ("russia", "Rusian Federation", TYPO),
    ("tokayev", "Tokaev", TYPO),
    ("tokayev", "Токаев", TYPO),
    # --- text: Russian and Kazakh names of places and bodies (gazetteer equivalents) -------
    ("russia", "Россия", CORRECT, 1.0),
    ("russia", "россия", CORRECT),
    ("russia", "Российская Федерация", CORRECT),
    ("russia", "Ресей", CORRECT),  # Kazakh
    ("russia", "Росия", TYPO),  # a typo of the Russian name
    ("russia", "Китай", WRONG),
    ("ru", "Россия", CORRECT),
    ("ru", "РФ", CORRECT),
    ("ru", "Китай", WRONG),
    ("ru", "Rossiya", CLOSE),  # the other names count only when typed in Cyrillic
    ("china", "Китай", CORRECT),
    ("china", "Қытай", CORRECT),
    ("china", "КНР", CORRECT),
    ("china", "Россия", WRONG),
    ("beijing", "Пекин", CORRECT),
    ("beijing", "Бейжің", CORRECT),
    ("beijing", "Москва", WRONG),
    ("kazakhstan", "Казахстан", CORRECT),
    ("kazakhstan", "Қазақстан", CORRECT),
    ("kazakhstan", "Кыргызстан", WRONG),
    ("kyrgyzstan", "Киргизия", CORRECT),
    ("north-korea", "КНДР", CORRECT),
    ("north-korea", "Северная Корея", CORRECT),
    ("north-korea", "Южная Корея", WRONG),
    ("south-korea", "Южная Корея", CORRECT),
    ("usa", "США", CORRECT),
    ("usa", "АҚШ", CORRECT),
    ("usa", "Соединённые Штаты Америки", CORRECT),
    ("usa", "Китай", WRONG),
    ("urumqi", "Урумчи", CORRECT),
    ("urumqi", "Үрімші", CORRECT),
    ("xinjiang", "Синьцзян", CORRECT),
    ("astana", "Нур-Султан", CORRECT),
    ("eu", "Евросоюз", CORRECT),
    ("eu", "ЕС", CORRECT),
    ("eaeu", "ЕАЭС", CORRECT),
    ("eaeu", "ШОС", WRONG),
    ("sco", "ШОС", CORRECT),
    ("sco", "ШЫҰ", CORRECT),
    ("sco", "НАТО", WRONG),
    ("borders", "Монголия, КНДР", CORRECT),
    ("caspian", "Россия, Казахстан, Туркменистан", CORRECT),
    ("caspian", "Россия, Иран, Китай", PARTIAL, 0.5),
    ("tokayev", "Kasym-Jomart Tokaev", TYPO),
    ("tokayev", "Kassym Jomart Tokayev", CORRECT),
    ("tokayev", "KassymJomart Tokayev", CORRECT),
    ("tokayev", "Tokayev", CORRECT),
    ("tokayev", "tokayev.", CORRECT),
    ("nazarbayev", "Назарбаев", TYPO),
    ("nazarbayev", "Nazarbaev", TYPO),
    ("nazarbayev", "Nazarbayev", CORRECT),
    ("urumqi", "Urumqi", CORRECT),
    ("urumqi", "Ürümqi", CORRECT),
    ("urumqi", "URUMQI", CORRECT),
    ("urumqi", "Urumchi", CLOSE),
    ("astana", "Nur Sultan", CORRECT),
    ("astana", "Nursultan", CORRECT),
    ("astana", "Астана", CORRECT),
    ("astana", "Asatna", TYPO),
    ("kyrgyzstan", "Kyrgystan", TYPO),
    ("kyrgyzstan", "Kirgizstan", TYPO),
    ("kyrgyzstan", "Kyrgyzstan", CORRECT),
    ("sco", "Shanghai Cooperation Organization", CORRECT),
    ("sco", "Shanghai Cooperaton Organisation", TYPO),
    ("sco", "S.C.O.", CORRECT),
    ("sco", "sco", CORRECT),
    ("sco", "Shanghai Co-operation Organisation", CORRECT),
    ("multivector", "multivector foreign policy", CORRECT),
    ("multivector", "Multi vector policy", CORRECT),
    ("multivector", "multi-vector foriegn policy", TYPO),
    ("bri", "Belt & Road Initiative", CORRECT),
    ("bri", "the Belt and Road initiative", CORRECT),
    ("bri", "Belt and Raod Initiative", TYPO),
    ("bri", "BRI", CORRECT),
    ("tt", "Trinidad & Tobago", CORRECT),
    ("tt", "Trinidad and Tobago", CORRECT),
    ("hague", "Hague", CORRECT),
    ("hague", "the hague", CORRECT),
    ("china", "Chine", TYPO),  # Chile is only a built-in name: the answer wins a tie
    ("C:china", "Chine", CLOSE),  # Chile is an answer in the course: a tie refuses
    ("china", "Chian", TYPO),
    ("china", "Chile", WRONG),
    # --- text: look-alikes refused ---------------------------------------------------------
    ("iran", "Iraq", WRONG),
    ("iraq", "Iran", WRONG),
    ("iran", "Iran", CORRECT),
    ("iran", "Irna", TYPO),
    ("austria", "Australia", WRONG),
    ("australia", "Austria", WRONG),
    ("austria", "Austira", TYPO),
    ("australia", "Australa", TYPO),
    ("russia", "Prussia", WRONG),
    ("prussia", "Russia", WRONG),
    ("prussia", "Prusia", TYPO),
    ("north-korea", "South Korea", WRONG),
    ("south-korea", "North Korea", WRONG),
    ("north-korea", "north korea", CORRECT),
    ("north-korea", "Nort Korea", TYPO),
    ("north-korea", "DPRK", CORRECT),
    ("north-korea", "Korea", CLOSE),  # part of the answer
    ("eaeu", "EU", WRONG),
    ("eaeu", "European Union", WRONG),
    ("eaeu", "Eurasian Economic Union", CORRECT),
    ("eaeu", "E.A.E.U.", CORRECT),
    ("eaeu", "Eurasian Economic Unoin", TYPO),
    ("eaeu", "Euroasian Economic Union", TYPO),
    ("eu", "Eurasian Economic Union", WRONG),
    ("eu", "EAEU", WRONG),
    ("eu", "E.U.", CORRECT),
    ("y8", "Y-8", CORRECT),
    ("y8", "Y8", CORRECT),
    ("y8", "Y 8", CORRECT),
    ("y8", "y-8.", CORRECT),
    ("y8", "Y-9", WRONG),
    ("y8", "Y9", WRONG),
    ("y8", "Y-80", WRONG),
    ("c5", "C5+1", CORRECT),
    ("c5", "c5 + 1", CORRECT),
    ("c5", "C 5+1", CORRECT),
    ("c5", "P5+1", WRONG),
    ("c5", "C5+2", WRONG),
    ("c5", "C51", WRONG),
    ("tokayev", "Tokyo", WRONG),
    ("tokayev", "Putin", WRONG),
    ("C:tokayev", "Tokaev", TYPO),
    # --- text: misconceptions, typos of them included ---------------------------------------
    ("russia", "China", MISC, 0.0),
    ("russia", "china.", MISC),
    ("russia", "Chnia", MISC),
    ("russia", "the People's Republic of China", MISC),
    ("tokayev", "Nazarbayev", MISC),
    ("tokayev", "Назарбаев", MISC),
    ("tokayev", "Nursultan Nazarbayev", MISC),
    # --- text: negated, hedged, padded ------------------------------------------------------
    ("russia", "not Russia", WRONG, 0.0),
    ("russia", "Not China", WRONG),
    ("russia", "it isn't Russia", WRONG),
    ("russia", "Russia or China", WRONG),
    ("russia", "maybe Russia?", WRONG),
    ("russia", "probably Russia", WRONG),
    ("russia", "Russia/China", WRONG),
    ("russia", "China and Russia and USA", WRONG),
    ("russia", "Russia and China", WRONG),
    ("russia", "Russia, China", WRONG),
    ("russia", "Russia; China", WRONG),
    ("russia", "Russia & China", WRONG),
    ("china", "not China", WRONG),
    # --- text: close, wrong, invalid ---------------------------------------------------------
    ("russia", "Rossiya", CLOSE, 0.0),
    ("tokayev", "Kassym-Jomart", CLOSE),
    ("tokayev", "President Tokayev", CORRECT),
    ("russia", "Kazakhstan", WRONG),
    ("russia", "USA", WRONG),
    ("russia", "I don't know", WRONG),
    ("russia", "idk", WRONG),
    ("russia", "", INVALID, 0.0),
    ("russia", "   ", INVALID),
    ("russia", "\n\t \n", INVALID),
    ("russia", "\x00\x01\x02\x1b", INVALID),
    ("russia", "???", INVALID),
    ("russia", "...!!!", INVALID),
    ("russia", "\U0001f600\U0001f600", INVALID),
    ("russia", "x" * 100_000, INVALID),
    ("russia", "Russia " * 200, INVALID),
    ("russia", "a" * 1001, INVALID),
    # --- number: every form -----------------------------------------------------------------
    ("y1991", "1991", CORRECT, 1.0),
    ("y1991", "in 1991", CORRECT),
    ("y1991", "In 1991.", CORRECT),
    ("y1991", "I think it was 1991", CORRECT),
    ("y1991", "nineteen ninety-one", CORRECT),
    ("y1991", "Nineteen Ninety One", CORRECT),
    ("y1991", "one thousand nine hundred ninety-one", CORRECT),
    ("y1991", "1,991", CORRECT),
    ("y1991", "December 1991", CORRECT),
    ("y1991", "25 December 1991", CORRECT),
    ("y1991", "December 25th, 1991", CORRECT),
    ("y1991", "1992", WRONG, 0.0),
    ("y1991", "1990", WRONG),
    ("y1991", "1919", WRONG),
    ("y1991", "19910", WRONG),
    ("y1991", "91", WRONG),
    ("y1991", "1991 or 1992", WRONG),
    ("y1991", "1991-1992", WRONG),
    ("y1991", "1991/1992", WRONG),
    ("y1991", "between 1990 and 1992", WRONG),
    ("y1991", "not 1991", WRONG),
    ("y1991", "maybe 1991", WRONG),
    ("y1991", "Russia", INVALID),
    ("y1991", "", INVALID),
    ("y1991w", "1992", MISC),
    ("y1991w", "1991", CORRECT),
    ("y2020", "2020", CORRECT),
    ("y2020", "February 2020", CORRECT),
    ("y2020", "in Feb 2020", CORRECT),
    ("y2020", "twenty twenty", CORRECT),
    ("y2020", "2,020,000", WRONG),
    ("y2020", "2019", WRONG),
    ("pop", "18 million", CORRECT),
    ("pop", "18,000,000", CORRECT),
    ("pop", "18 milion", CORRECT),  # a misspelt scale word still scales the digits before it
    ("pop", "eighteen milion people", CORRECT),
    ("pop", "milion 18", WRONG),  # a scale word before the digits is a second number
    ("pop", "18 000 000", CORRECT),
    ("pop", "18.000.000", CORRECT),
    ("pop", "18m", CORRECT),
    ("pop", "18M", CORRECT),
    ("pop", "18 mln", CORRECT),
    ("pop", "18mn", CORRECT),
    ("pop", "eighteen million", CORRECT),
    ("pop", "18 million people", CORRECT),
    ("pop", "about 18 million", CORRECT),
    ("pop", "18.5 million", CORRECT),  # within 5%
    ("pop", "19 million", WRONG),
    ("pop", "18", CLOSE),  # right digits, wrong scale
    ("pop", "18 billion", CLOSE),
    ("pop", "18 million or 19 million", WRONG),
    ("pop-m", "18", CORRECT),
    ("pop-m", "18 million", CORRECT),
    ("pop-m", "18,000,000", CORRECT),
    ("pop-m", "19", WRONG),
    ("rank", "ninth", CORRECT),
    ("rank", "9th", CORRECT),
    ("rank", "nineth", CORRECT),  # a common misspelling of a number word is read as meant
    ("rank", "the nineth largest", CORRECT),
    ("rank", "eigth", WRONG),  # read as 8, and 8 is not 9
    ("rank", "none", INVALID),  # not a misspelling of nine: no number at all
    ("rank", "9", CORRECT),
    ("rank", "nine", CORRECT),
    ("rank", "the ninth largest", CORRECT),
    ("rank", "8th", WRONG),
    ("pct", "18 %", CORRECT),
    ("pct", "18%", CORRECT),
    ("pct", "18 percent", CORRECT),
    ("pct", "18 per cent", CORRECT),
    ("pct", "eighteen percent", CORRECT),
    ("pct", "0.18", CLOSE),
    ("pct", "81%", WRONG),
    ("money", "$3.2M", CORRECT),
    ("money", "3.2 million dollars", CORRECT),
    ("money", "$3,200,000", CORRECT),
    ("money", "3.2m USD", CORRECT),
    ("money", "three point two million", CORRECT),
    ("money", "$3.3M", WRONG),
    ("half", "1,5", CORRECT),
    ("half", "1.5", CORRECT),
    ("half", "one point five", CORRECT),
    ("half", "1,50", CORRECT),
    ("half", "15", WRONG),
    ("km", "10 m", CORRECT),  # the unit is metres: m is not million
    ("km", "10m", CORRECT),
    ("neg", "-5", CORRECT),
    ("neg", "minus 5", CORRECT),
    ("neg", "5", WRONG),
    ("tol", "101", CORRECT),
    ("tol", "102", CORRECT),
    ("tol", "103", WRONG),
    # --- list --------------------------------------------------------------------------------
    ("borders", "Mongolia and North Korea", CORRECT, 1.0),
    ("borders", "north korea, mongolia", CORRECT, 1.0),
    ("borders", "DPRK & Mongolia", CORRECT),
    ("borders", "Mongolia; North Korea", CORRECT),
    ("borders", "Mongolia\nNorth Korea", CORRECT),
    ("borders", "Mongolia/North Korea", CORRECT),
    ("borders", "Mongolia, and North Korea.", CORRECT),
    ("borders", "Mongolia North Korea", CORRECT),  # no separators: split on known items
    ("borders", "North Korea Mongolia", CORRECT),
    ("caspian", "Russia Iran Kazakhstan", CORRECT),
    ("borders", "Mongolia South Korea", PARTIAL, 0.25),
    ("borders", "Mongolai and North Korea", TYPO, 1.0),
    ("borders", "Mongolia and Nrth Korea", TYPO),
    ("borders", "Монголия and North Korea", CORRECT),  # Монголия is the Russian name
    ("borders", "Mongolia", PARTIAL, 0.5),
    ("borders", "Mongolia, Mongolia", PARTIAL, 0.5),
    ("borders", "Mongolia and South Korea", PARTIAL, 0.25),
    ("borders", "Mongolia, North Korea, China", PARTIAL, 0.75),
    ("borders", "Mongolia, North Korea, South Korea, China", PARTIAL, 0.5),
    ("borders", "Kazakhstan", WRONG, 0.0),
    ("borders", "South Korea", WRONG, 0.0),
    ("borders", "Mongolia or North Korea", WRONG, 0.0),
    ("borders", "not Mongolia", WRONG),
    ("borders", "", INVALID),
    ("borders", ",,,", INVALID),
    ("frameworks", "SCO and Belt and Road Initiative", CORRECT, 1.0),
    ("frameworks", "Belt and Road Initiative, Shanghai Cooperation Organisation", CORRECT),
    ("frameworks", "the Belt and Road Initiative and the SCO", CORRECT),
    ("frameworks", "BRI & SCO", CORRECT),
    ("frameworks", "Belt and Road Initiative", PARTIAL, 0.5),
    ("frameworks", "SCO and Eurasian Economic Union", PARTIAL, 0.25),
    ("frameworks", "Eurasian Economic Union", MISC, 0.0),
    ("caspian", "Russia, Iran, Kazakhstan", CORRECT, 1.0),
    ("caspian", "Azerbaijan, Turkmenistan, Iran, Russia", CORRECT, 1.0),
    ("caspian", "Russia and Iran", PARTIAL, 2 / 3),
    ("caspian", "Russia, Iran, Iraq", PARTIAL, 0.5),
    ("caspian", "Russia, Iran, Kazakhstan, Georgia", PARTIAL),
    ("carib", "Trinidad and Tobago and Jamaica", CORRECT, 1.0),
    ("carib", "Jamaica, Trinidad & Tobago", CORRECT),
    ("carib", "Jamaica and Trinidad", PARTIAL),
    ("pair", "Iran and Iraq", CORRECT),
    ("pair", "Iraq, Iran", CORRECT),
    ("pair", "Iran", PARTIAL, 0.5),
    ("pair", "Iran, Iran", PARTIAL, 0.5),
    # --- choice ------------------------------------------------------------------------------
    ("role", "b", CORRECT, 1.0),
    ("role", "B", CORRECT),
    ("role", "(b)", CORRECT),
    ("role", "b)", CORRECT),
    ("role", "b.", CORRECT),
    ("role", "B!", CORRECT),
    ("role", "option b", CORRECT),
    ("role", "The answer is B", CORRECT),
    ("role", "2", CORRECT),
    ("role", "Economic networks", CORRECT),
    ("role", "economic networks.", CORRECT),
    ("role", "Economic netwroks", TYPO),
    ("role", "Econmic networks", TYPO),
    ("role", "B) Economic networks", CORRECT),
    ("role", "a) Economic networks", CORRECT),  # "a" read as an article
    ("role", "c) Economic networks", INVALID),
    ("role", "a", MISC, 0.0),
    ("role", "A", MISC),
    ("role", "Security guarantor", MISC),
    ("role", "c", WRONG, 0.0),
    ("role", "Neither", WRONG),
    ("role", "3", WRONG),
    ("role", "d", INVALID),
    ("role", "4", INVALID),
    ("role", "a or b", WRONG),
    ("role", "ab", WRONG),
    ("role", "Russia", INVALID),
    ("role", "", INVALID),
    ("years", "1991", CORRECT),  # numeric options: digits are the text, not an option number
    ("amounts", "1", CLOSE),  # part of "1 million", never option 1
    ("amounts", "18 million", CORRECT),
    ("west", "the US and the EU", CORRECT),  # "the" opening a later part is filler too
    ("west", "US, the EU", WRONG),  # a comma makes two answers to a one-answer question
    ("west", "United States and European Union", CORRECT),
    ("west", "the US and the USSR", WRONG),
    ("timeline", "2", CORRECT),  # options that only mention a number are still numbered
    ("timeline", "1", WRONG),
    ("years", "a", CORRECT),
    ("years", "1992", WRONG),
    ("years", "1", INVALID),  # not an option: no try used
    ("years", "2", INVALID),
    # --- multi -------------------------------------------------------------------------------
    ("lead", "A, C", CORRECT, 1.0),
    ("lead", "ca", CORRECT),
    ("lead", "ac", CORRECT),
    ("lead", "a and c", CORRECT),
    ("lead", "C,A", CORRECT),
    ("lead", "a c", CORRECT),
    ("lead", "(a) (c)", CORRECT),
    ("lead", "1, 3", CORRECT),
    ("lead", "A & C", CORRECT),
    ("lead", "Shanghai Cooperation Organisation and Belt and Road Initiative", CORRECT),
    ("lead", "belt and road initiative, shanghai cooperation organization", CORRECT),
    ("lead", "belt and road initiative, shanghai cooperaton organisation", TYPO),
    ("lead", "A and Belt and Road Initiative", CORRECT),
    ("lead", "a", PARTIAL, 0.5),
    ("lead", "c", PARTIAL, 0.5),
    ("lead", "abc", PARTIAL, 0.5),
    ("lead", "a, b, c", PARTIAL, 0.5),
    ("lead", "a, b", WRONG, 0.0),
    ("lead", "b", WRONG, 0.0),
    ("lead", "d", INVALID),
    ("lead", "a or c", WRONG),
    ("lead", "", INVALID),
    ("four", "a, b, d", CORRECT, 1.0),
    ("four", "dba", CORRECT),
    ("four", "a, b", PARTIAL, 2 / 3),
    ("four", "a, b, c, d", PARTIAL, 2 / 3),
    ("four", "Kazakhstan, Mongolia and Tajikistan", CORRECT),
    # --- truefalse ---------------------------------------------------------------------------
    ("false", "false", CORRECT, 1.0),
    ("false", "False", CORRECT),
    ("false", "FALSE.", CORRECT),
    ("false", "f", CORRECT),
    ("false", "F", CORRECT),
    ("false", "no", CORRECT),
    ("false", "No!", CORRECT),
    ("false", "n", CORRECT),
    ("false", "incorrect", CORRECT),
    ("false", "It's false", CORRECT),
    ("false", "That is not true", CORRECT),
    ("false", "not true", CORRECT),
    ("false", "true", WRONG, 0.0),
    ("false", "yes", WRONG),
    ("false", "not false", WRONG),
    ("false", "true or false", INVALID),
    ("false", "maybe false", INVALID),
    ("false", "yes and no", INVALID),
    ("false", "Russia", INVALID),
    ("false", "", INVALID),
    ("true", "true", CORRECT),
    ("true", "T", CORRECT),
    ("true", "Yes.", CORRECT),
    ("true", "y", CORRECT),
    ("true", "correct", CORRECT),
    ("true", "TRUE!", CORRECT),
    ("true", "not true", WRONG),
    ("true", "not false", CORRECT),
    ("true", "false", WRONG),
    ("true", "n", WRONG),
    ("true", "true/false", INVALID),
]


def _id(row: tuple) -> str:
    name, typed = row[0], row[1]
    shown = typed if len(typed) <= 30 else typed[:27] + "..."
    return f"{name}:{shown!r}->{row[2].value}"


def check_row(row: tuple, questions: dict, plain: Grader, in_course: Grader) -> None:
    """(question name, typed, verdict[, credit]); a name "C:x" grades with the course's grader."""
    name, typed, verdict = row[0], row[1], row[2]
    grader = plain
    if name.startswith("C:"):
        grader, name = in_course, name[2:]
    grade = grader.grade(questions[name], typed)
    assert grade.verdict is verdict, grade
    if len(row) > 3:
        assert grade.credit == pytest.approx(row[3]), grade
    assert 0.0 <= grade.credit <= 1.0
    if verdict.right:
        assert grade.credit == 1.0
    if verdict in (V.WRONG, V.CLOSE, V.MISCONCEPTION, V.INVALID):
        assert grade.credit == 0.0
    assert isinstance(grade.feedback, str) and grade.feedback


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_grading_table(row: tuple) -> None:
    check_row(row, Q, G, C)


def test_the_table_is_big_enough() -> None:
    assert len(ROWS) >= 200
