"""Well-known names that are always competitors, whatever the course.

A typo budget alone would take ``Iraq`` for a typo of ``Iran``, or ``Austria`` for ``Australia``.
These names are never credited: they only stop the grader from treating one real thing as a
misspelling of another. A name equal to one of the question's own accepted forms is ignored.
"""

from __future__ import annotations

_COUNTRIES = """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia;
Australia; Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize;
Benin; Bhutan; Bolivia; Bosnia and Herzegovina; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso;
Burundi; Cambodia; Cameroon; Canada; Cape Verde; Central African Republic; Chad; Chile; China;
Colombia; Comoros; Congo; Costa Rica; Croatia; Cuba; Cyprus; Czechia; Czech Republic; Denmark;
Djibouti; Dominica; Dominican Republic; Ecuador; Egypt; El Salvador; Equatorial Guinea; Eritrea;
Estonia; Eswatini; Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana;
Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hungary; Iceland;
India; Indonesia; Iran; Iraq; Ireland; Israel; Italy; Ivory Coast; Jamaica; Japan; Jordan;
Kazakhstan; Kenya; Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia;
Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
Marshall Islands; Mauritania; Mauritius; Mexico; Micronesia; Moldova; Monaco; Mongolia;
Montenegro; Morocco; Mozambique; Myanmar; Burma; Namibia; Nauru; Nepal; Netherlands; Holland;
New Zealand; Nicaragua; Niger; Nigeria; North Korea; North Macedonia; Macedonia; Norway; Oman;
Pakistan; Palau; Palestine; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Poland;
Portugal; Qatar; Romania; Russia; Rwanda; Saint Kitts and Nevis; Saint Lucia; Samoa; San Marino;
Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone; Singapore; Slovakia; Slovenia;
Solomon Islands; Somalia; South Africa; South Korea; South Sudan; Spain; Sri Lanka; Sudan;
Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania; Thailand; Timor-Leste; Togo;
Tonga; Trinidad and Tobago; Tunisia; Turkey; Turkiye; Turkmenistan; Tuvalu; Uganda; Ukraine;
United Arab Emirates; United Kingdom; Britain; Great Britain; England; Scotland; Wales;
United States; America; USA; UK; UAE; Uruguay; Uzbekistan; Vanuatu; Vatican; Venezuela; Vietnam;
Yemen; Zambia; Zimbabwe; Korea; Sudan; Greenland; Tibet; Xinjiang; Crimea; Chechnya; Siberia;
Hong Kong; Macau; Kashmir; Kurdistan; Karakalpakstan; Afghanistan
"""

_HISTORICAL = """
Prussia; Persia; Ottoman Empire; Soviet Union; USSR; Yugoslavia; Czechoslovakia; Rus;
Russian Empire; Austria-Hungary; Byzantium; Mongol Empire; Golden Horde; Zhungaria; Dzungaria;
Kazakh Khanate; East Germany; West Germany; Manchuria; Siam; Ceylon; Rhodesia; Zaire
"""

_PLACES = """
Moscow; Beijing; Peking; Astana; Nur-Sultan; Almaty; Alma-Ata; Tashkent; Bishkek; Dushanbe;
Ashgabat; Kabul; Tehran; Baghdad; Ankara; Istanbul; Baku; Tbilisi; Yerevan; Kyiv; Kiev; Minsk;
Warsaw; Berlin; Paris; London; Washington; New York; Tokyo; Seoul; Pyongyang; Ulaanbaatar;
Delhi; New Delhi; Islamabad; Brussels; Geneva; Vienna; Rome; Madrid; Urumqi; Shanghai;
Samarkand; Bukhara; Caspian Sea; Aral Sea; Black Sea; Baltic Sea; Lake Balkhash; Volga;
Central Asia; South Asia; East Asia; Europe; Asia; Africa; Eurasia; Caucasus; Middle East;
Arctic; Antarctica; Pacific; Atlantic; Indian Ocean
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


def names() -> tuple[str, ...]:
    """Every built-in competitor name, as written."""
    seen: dict[str, None] = {}
    for block in (_COUNTRIES, _HISTORICAL, _PLACES, _ORGANISATIONS):
        for part in block.replace("\n", " ").split(";"):
            name = part.strip()
            if name:
                seen.setdefault(name, None)
    return tuple(seen)
