"""Subcommands of ``tutor``: one module each, light at import time (see ``tutor.cli``)."""
