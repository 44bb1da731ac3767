"""Well-known names that are always competitors, whatever the course.

A typo budget alone would take ``Iraq`` for a typo of ``Iran``, or ``Austria`` for ``Australia``.
These names are never credited: they only stop the grader from treating one real thing as a
misspelling of another. A name equal to one of the question's own accepted forms is ignored.
The world's countries and cities come from GeoNames (``world.places``); this module holds only
what GeoNames lacks (regions, seas, short and older names), organisations, and the tables below.

``equivalents()`` lists names that mean the same place or body in another language: the Russian
(and, where it differs, Kazakh) names of what the course is about. Transliteration alone turns
``Токаев`` into ``tokaev`` (a typo of ``Tokayev``) but ``Россия`` into ``rossiya``, far from
``Russia``; so when an answer is one of these names, its equivalents are accepted as forms of it
(``Россия`` for ``Russia``, and ``Russia`` for ``Россия``), and every equivalent is a competitor
too (``Китай`` is refused for ``Russia`` as China, not read as a stray word).
"""

from __future__ import annotations

# Names GeoNames (``world.places``: every country, continent, US state and city of 15,000 people
# or more) does not hold: the short English names of countries, regions and seas, older names.
_NOT_IN_GEONAMES = """
Cape Verde; Congo; Czech Republic; Burma; Macedonia; Turkiye; Britain; Great Britain; England;
Scotland; Wales; America; USA; UK; UAE; Korea; Tibet; Xinjiang; Crimea; Chechnya; Siberia;
Kashmir; Kurdistan; Karakalpakstan; Peking; Nur-Sultan; Alma-Ata; Kiev; Ulaanbaatar;
Caspian Sea; Aral Sea; Black Sea; Baltic Sea; Lake Balkhash; Volga; Central Asia; South Asia;
East Asia; Eurasia; Caucasus; Middle East; Arctic; Pacific; Atlantic; Indian Ocean;
Republic of China
"""

_HISTORICAL = """
Prussia; Persia; Ottoman Empire; Soviet Union; USSR; Yugoslavia; Czechoslovakia; Rus;
Russian Empire; Austria-Hungary; Byzantium; Mongol Empire; Golden Horde; Zhungaria; Dzungaria;
Kazakh Khanate; East Germany; West Germany; Manchuria; Siam; Ceylon; Rhodesia; Zaire
"""

_ORGANISATIONS = """
European Union; EU; Eurasian Economic Union; EAEU; EEU; Eurasian Customs Union; Customs Union;
United Nations; UN; NATO; North Atlantic Treaty Organization; CSTO;
Collective Security Treaty Organization; SCO; Shanghai Cooperation Organisation;
Shanghai Cooperation Organization; CIS; Commonwealth of Independent States; OSCE; ASEAN; BRICS;
OPEC; OPEC+; WTO; World Trade Organization; IMF; World Bank; G7; G8; G20; OIC; CICA; AIIB;
Belt and Road Initiative; BRI; One Belt One Road; Silk Road Economic Belt; C5+1; P5+1;
Warsaw Pact; Council of Europe; African Union; Arab League; Gulf Cooperation Council; APEC;
Turkic Council; Organization of Turkic States; Silk Road; New Silk Road
"""

# One line per place or body: its English names | its Russian and Kazakh names. English names are
# not made equivalent to each other here (``_SAME`` does that for abbreviations).
_EQUIVALENTS = """
Russia; Russian Federation | Россия; Российская Федерация; РФ; Ресей; Ресей Федерациясы
China; PRC; People's Republic of China | Китай; КНР; Китайская Народная Республика; Қытай; ҚХР
Kazakhstan; Republic of Kazakhstan | Казахстан; Республика Казахстан; Қазақстан;
    Қазақстан Республикасы
Mongolia | Монголия; Моңғолия
North Korea; DPRK | Северная Корея; КНДР; Солтүстік Корея
South Korea; Republic of Korea | Южная Корея; Республика Корея; Оңтүстік Корея
United States; United States of America; USA; US; America | США; Соединённые Штаты;
    Соединённые Штаты Америки; Америка; АҚШ; Америка Құрама Штаттары
Afghanistan | Афганистан; Ауғанстан
Pakistan | Пакистан; Пәкістан
India | Индия; Үндістан
Iran | Иран
Iraq | Ирак
Turkey; Turkiye | Турция; Түркия
Japan | Япония; Жапония
Ukraine | Украина
Belarus | Белоруссия; Беларусь
Azerbaijan | Азербайджан; Әзірбайжан
Georgia | Грузия
Tajikistan | Таджикистан; Тәжікстан
Uzbekistan | Узбекистан; Өзбекстан
Kyrgyzstan | Киргизия; Кыргызстан; Киргизстан; Қырғызстан
Turkmenistan | Туркмения; Туркменистан; Түрікменстан
Xinjiang | Синьцзян; Синьцзян-Уйгурский автономный район; СУАР; Шыңжаң
Central Asia | Центральная Азия; Средняя Азия; Орталық Азия
Caspian Sea | Каспийское море; Каспий теңізі
Soviet Union; USSR | Советский Союз; СССР; Кеңес Одағы; КСРО
Urumqi | Урумчи; Үрімші
Moscow | Москва; Мәскеу
Beijing; Peking | Пекин; Бейжің
Astana; Nur-Sultan | Астана; Нур-Султан; Нұр-Сұлтан
Almaty; Alma-Ata | Алматы; Алма-Ата
Tashkent | Ташкент; Тәшкент
Bishkek | Бишкек; Бішкек
Dushanbe | Душанбе
Ashgabat | Ашхабад; Ашғабат
Ulaanbaatar | Улан-Батор; Ұланбатыр
Pyongyang | Пхеньян
Seoul | Сеул
Washington | Вашингтон
Kabul | Кабул
Islamabad | Исламабад
European Union; EU | Европейский союз; Евросоюз; ЕС; Еуропалық Одақ; Еуроодақ; ЕО
Eurasian Economic Union; EAEU; EEU | Евразийский экономический союз; ЕАЭС; ЕАЭО;
    Еуразиялық экономикалық одақ
Shanghai Cooperation Organisation; Shanghai Cooperation Organization; SCO |
    Шанхайская организация сотрудничества; ШОС; Шанхай ынтымақтастық ұйымы; ШЫҰ
NATO; North Atlantic Treaty Organization | НАТО; Организация Североатлантического договора;
    Солтүстік Атлант шарты ұйымы
CSTO; Collective Security Treaty Organization | ОДКБ;
    Организация Договора о коллективной безопасности; ҰҚШҰ
CIS; Commonwealth of Independent States | СНГ; Содружество Независимых Государств; ТМД;
    Тәуелсіз Мемлекеттер Достастығы
United Nations; UN | ООН; Организация Объединённых Наций; БҰҰ; Біріккен Ұлттар Ұйымы
Belt and Road Initiative; BRI; One Belt One Road | Один пояс, один путь; Пояс и путь;
    Бір белдеу, бір жол
"""

# Abbreviations and official long names that mean exactly the same place or body as the short
# name, in English: always forms of each other, whatever the lesson lists. Looser names (America,
# Europe, Holland, Peking, Nur-Sultan) are not here: whether they stand for the answer is the
# lesson's call, through ``accept``.
_SAME = """
United States; United States of America; US; USA
United Kingdom; United Kingdom of Great Britain and Northern Ireland; UK
European Union; EU
United Nations; UN
Russia; Russian Federation; RF
China; People's Republic of China; PRC
North Korea; Democratic People's Republic of Korea; DPRK
South Korea; Republic of Korea; ROK
United Arab Emirates; UAE
Soviet Union; Union of Soviet Socialist Republics; USSR
Eurasian Economic Union; EAEU; EEU
Shanghai Cooperation Organisation; SCO
North Atlantic Treaty Organization; NATO
Collective Security Treaty Organization; CSTO
Commonwealth of Independent States; CIS
Belt and Road Initiative; BRI
World Trade Organization; WTO
International Monetary Fund; IMF
"""

# Where a place lies: ``name | the places that contain it``. "Paris, France" names Paris and the
# country around it; it is context, not a second answer.
_WITHIN = """
Moscow; Siberia; Chechnya | Russia
Beijing; Peking; Shanghai; Xinjiang; Tibet; Manchuria; Hong Kong; Macau | China
Urumqi | Xinjiang; China
Astana; Nur-Sultan; Almaty; Alma-Ata | Kazakhstan; Central Asia
Tashkent; Samarkand; Bukhara; Karakalpakstan | Uzbekistan; Central Asia
Bishkek | Kyrgyzstan; Central Asia
Dushanbe | Tajikistan; Central Asia
Ashgabat | Turkmenistan; Central Asia
Kazakhstan; Kyrgyzstan; Tajikistan; Turkmenistan; Uzbekistan | Central Asia
Kabul | Afghanistan
Islamabad | Pakistan
Delhi; New Delhi | India
Tehran | Iran
Baghdad | Iraq
Ankara; Istanbul | Turkey; Turkiye
Baku | Azerbaijan
Tbilisi | Georgia
Yerevan | Armenia
Kyiv; Kiev | Ukraine
Minsk | Belarus
Warsaw | Poland
Berlin | Germany
Paris | France
London | United Kingdom; UK; Britain; Great Britain; England
Washington; New York | United States; USA; US; America
Tokyo | Japan
Seoul | South Korea
Pyongyang | North Korea
Ulaanbaatar | Mongolia
Brussels | Belgium
Geneva | Switzerland
Vienna | Austria
Rome | Italy
Madrid | Spain
Greenland | Denmark
"""


def within() -> dict[str, tuple[str, ...]]:
    """Each place -> the places that contain it (its country, region)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _WITHIN.strip().split("\n"):
        inner, _, outer = line.partition("|")
        for name in _split(inner):
            out[name] = out.get(name, ()) + tuple(_split(outer))
    return out


def same_names() -> list[list[str]]:
    """Rows of English names that mean exactly the same (an abbreviation and its expansion)."""
    return [_split(line) for line in _SAME.strip().split("\n") if line.strip()]


def _split(names: str) -> list[str]:
    return [n.strip() for n in names.split(";") if n.strip()]


def _equivalent_rows() -> list[tuple[list[str], list[str]]]:
    """(English names, native names) per row; a line that starts with spaces continues a row."""
    rows: list[str] = []
    for line in _EQUIVALENTS.strip("\n").split("\n"):
        if line.startswith(" ") and rows:
            rows[-1] += " " + line.strip()
        elif line.strip():
            rows.append(line.strip())
    out = []
    for row in rows:
        english, _, native = row.partition("|")
        out.append((_split(english), _split(native)))
    return out


def equivalents() -> dict[str, tuple[str, ...]]:
    """Each name -> the names in other languages that mean the same: every English name of a row
    -> its native names, every native name -> the row's English names."""
    table: dict[str, dict[str, None]] = {}
    for english, native in _equivalent_rows():
        for name in english:
            table.setdefault(name, {}).update(dict.fromkeys(native))
        for name in native:
            table.setdefault(name, {}).update(dict.fromkeys(english))
    return {name: tuple(same) for name, same in table.items()}


def places() -> tuple[str, ...]:
    """The places GeoNames does not hold (regions, seas, short and older names), as written;
    ``world.places()`` has the rest."""
    blocks = (_NOT_IN_GEONAMES, _HISTORICAL)
    return tuple(dict.fromkeys(n for b in blocks for n in _split(b.replace("\n", " "))))


def names() -> tuple[str, ...]:
    """Every built-in competitor name beyond GeoNames' places, as written: regions, seas,
    older names, organisations, and the Russian and Kazakh names."""
    seen: dict[str, None] = dict.fromkeys(places())
    seen.update(dict.fromkeys(_split(_ORGANISATIONS.replace("\n", " "))))
    for _english, native in _equivalent_rows():
        seen.update(dict.fromkeys(native))
    return tuple(seen)
