from .collaborations import Collaboration
from .enterprises import Enterprise
from .ties import Tie, TieContribution, TieYear

__all__ = ["Collaboration", "Enterprise", "Tie", "TieContribution", "TieYear"]
