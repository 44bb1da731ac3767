"""Moodle's GIFT question format, in and out.

    lessons, problems = import_gift(text, path)   # GIFT -> lesson mappings (one per $CATEGORY)
    text = export_gift(lessons)                   # Lesson models -> GIFT text Moodle imports

``lexer`` splits a file into question blocks (comments, ``$CATEGORY:``, the tutor's own
``// tutor:`` notes), ``parser`` reads one block into a ``GiftQuestion``, ``importer`` turns those
into lesson mappings that ``tutor.loader`` then checks, and ``writer`` writes lessons back out.
Everything without an equivalent is converted as closely as possible or left out, with a
warning naming its line (``Problem``). The format is described in docs/gift.md.
"""

from tutor.gift.importer import import_gift
from tutor.gift.writer import export_gift

__all__ = ["export_gift", "import_gift"]
