"""Signals the logistics app sends, for other apps (the crossed-workshop planner) to listen to."""

from django.dispatch import Signal

# Sent when logistics withdraw someone from a session (a refused visa), after the participation
# was cancelled and the change recorded: ``sender`` is the Participation class, with the keyword
# arguments ``participation``, ``reason`` (a sentence for people) and ``actor``.
participation_withdrawn = Signal()
