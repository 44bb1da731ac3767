"""tutor: a terminal tutor for Kazakhstan's multi-vector foreign policy."""

__version__ = "0.1.0"
