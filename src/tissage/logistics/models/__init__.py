from .accommodation import AccommodationPlace, AccommodationRoom, Bed, Stay
from .money import Budget, BudgetLine, ExchangeRate, Fee, PerDiem, PerDiemRate
from .travel import TravelLeg
from .visas import LetterTemplate, VisaCase, VisaDocument, VisaRule

__all__ = [
    "AccommodationPlace",
    "AccommodationRoom",
    "Bed",
    "Budget",
    "BudgetLine",
    "ExchangeRate",
    "Fee",
    "LetterTemplate",
    "PerDiem",
    "PerDiemRate",
    "Stay",
    "TravelLeg",
    "VisaCase",
    "VisaDocument",
    "VisaRule",
]
