"""Pure-Python optimisation engines: crossed-workshop grouping and (later) timetabling.

Nothing here imports Django or another Tissage app (an import-linter contract enforces it):
the engines take frozen dataclasses and return frozen dataclasses, are seeded for
reproducibility, and are fed by thin bridges in the Django apps.
"""
