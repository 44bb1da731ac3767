"""Screens of the Textual app: course, lesson, summary, help and quiz setup."""
