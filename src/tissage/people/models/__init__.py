from .organisations import Organisation
from .persons import Person, PersonLanguage, PersonRole, Skill

__all__ = ["Organisation", "Person", "PersonLanguage", "PersonRole", "Skill"]
