from .applications import Application, ApplicationFile, Decision, Review
from .calls import Call, Criterion, Question

__all__ = ["Application", "ApplicationFile", "Call", "Criterion", "Decision", "Question", "Review"]
