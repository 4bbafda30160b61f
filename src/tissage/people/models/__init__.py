from .organisations import Organisation
from .persons import Person, PersonLanguage, PersonRole, Skill
from .privacy import ConsentRecord, UsedPortalLink

__all__ = [
    "ConsentRecord",
    "Organisation",
    "Person",
    "PersonLanguage",
    "PersonRole",
    "Skill",
    "UsedPortalLink",
]
