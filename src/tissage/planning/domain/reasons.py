"""The engine's statements in the reader's language.

The grouping engine explains every group, and every impossible setting, with a code and its params
(person, session and hub ids; see ``docs/plan-groups-format.md``); its independent checker names the
rules a plan adjusted by hand breaks. Each code has one gettext message here; a test keeps the
dictionaries complete against the engine's own lists. Params are rendered with the names the reader
knows: people's names, hubs' and sessions' names, languages' names.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from tissage.core.languages import language_name

# Families of hard rules, as the engine names them in ``rules_conflict`` and ``no_plan_found``.
RULE_FAMILIES = {
    "size": _("group sizes"),
    "hub_mix": _("hub mix"),
    "hub_share": _("hub share"),
    "leader": _("leaders"),
    "language": _("working language"),
    "together": _("must-together rules"),
    "apart": _("must-apart rules"),
    "locks": _("locks"),
}

REASONS = {
    # Why the settings cannot be met.
    "size_range": _("%(session)s: %(people)s people cannot fill %(groups)s groups of %(min)s to %(max)s."),
    "hubs_exceed_size": _("%(session)s: groups of at most %(max)s cannot mix %(min_hubs)s hubs."),
    "hubs_too_few": _(
        "%(session)s: only %(hubs)s hub(s) present (%(present)s), and each group must mix %(min_hubs)s."
    ),
    "hub_slots": _(
        "%(session)s: %(groups)s groups mixing %(min_hubs)s hubs need %(needed)s places for hubs; "
        "the hubs present fill only %(available)s."
    ),
    "hub_share_size": _(
        "%(session)s: %(people)s people from %(hub_counts)s cannot form %(groups)s groups of %(min)s "
        "to %(max)s with at most %(share)s of a group from one hub."
    ),
    "hub_share": _(
        "%(session)s: %(count)s people come from %(hub)s, but %(groups)s groups take at most "
        "%(capacity)s from one hub (%(share)s of each group)."
    ),
    "leaders_short": _(
        "%(session)s: %(groups)s groups need %(needed)s leaders; only %(available)s can lead."
    ),
    "language_isolated": _(
        "%(session)s: %(person)s shares no working language (%(languages)s) with enough people for a "
        "group of %(min)s, and no interpreter can help."
    ),
    "together_apart": _("%(a)s and %(b)s must be together and apart (%(session)s)."),
    "together_chain_apart": _(
        "%(session)s: %(a)s and %(b)s must be apart, but must-together rules join them (%(people)s)."
    ),
    "together_too_large": _("%(session)s: %(people)s must be together, but a group holds at most %(max)s."),
    "together_hub_share": _(
        "%(session)s: %(people)s must be together, but a group of at most %(max)s takes at most "
        "%(capacity)s from %(hub)s."
    ),
    "lock_absent": _("%(person)s is locked into group %(group)s of %(session)s but does not take part."),
    "lock_conflict": _("%(person)s is locked into groups %(groups)s of %(session)s."),
    "lock_overfull": _(
        "%(session)s: %(count)s people are locked into group %(group)s, which holds at most %(max)s."
    ),
    "together_locked_apart": _(
        "%(session)s: %(a)s and %(b)s must be together but are locked into groups %(group_a)s and "
        "%(group_b)s."
    ),
    "apart_locked_together": _(
        "%(session)s: %(a)s and %(b)s must be apart but are both locked into group %(group)s."
    ),
    "locked_group_size": _(
        "%(session)s: locked group %(group)s has %(size)s members; %(min)s to %(max)s are allowed."
    ),
    "locked_group_no_leader": _("%(session)s: nobody in locked group %(group)s can lead it."),
    "locked_group_hubs": _("%(session)s: locked group %(group)s breaks the hub rules (%(hubs)s)."),
    "locked_group_language": _(
        "%(session)s: locked group %(group)s shares no working language and no interpreter can help."
    ),
    "rules_conflict": _("%(session)s: no grouping meets %(rules)s at once."),
    "no_plan_found": _(
        "%(session)s: no plan meeting %(rules)s was found in %(seconds)s seconds; give the search longer."
    ),
    "search_stopped": _("The search was stopped before it found a plan that meets every rule."),
    # Why a group is the way it is.
    "size_ok": ngettext_lazy(
        "%(size)s member (%(min)s to %(max)s allowed)",
        "%(size)s members (%(min)s to %(max)s allowed)",
        "size",
    ),
    "hubs_mixed": ngettext_lazy(
        "Mixes %(count)s hub (%(hubs)s); at least %(min_hubs)s needed, at most %(max_per_hub)s from one hub",
        "Mixes %(count)s hubs (%(hubs)s); at least %(min_hubs)s needed, at most %(max_per_hub)s from one hub",
        "count",
    ),
    "language_shared": _("Everyone works in %(language)s"),
    "language_interpreted": _("Works in %(language)s; %(interpreter)s interprets for %(people)s"),
    "led_by": _("Led by %(leaders)s"),
    "kept_together": _("%(a)s and %(b)s are together (must-together rule)"),
    "kept_apart": _("%(a)s is here and %(b)s is not (must-apart rule)"),
    "locked_here": _("%(people)s locked into this group"),
    "new_pairs": ngettext_lazy(
        "%(count)s of %(total)s pairs meets for the first time",
        "%(count)s of %(total)s pairs meet for the first time",
        "count",
    ),
    "repeated_pairs": ngettext_lazy(
        "%(count)s pair meets again: %(pairs)s", "%(count)s pairs meet again: %(pairs)s", "count"
    ),
    "wishes_met": _("Continuity kept: %(pairs)s"),
}

# The rules the engine's checker finds broken in a plan (the codes of its ``Violation``s).
VIOLATIONS = {
    "sessions": _("The plan's sessions are not the ones it was made for."),
    "group_count": _("%(session)s does not have the number of groups it was planned with."),
    "not_a_member": _("%(session)s, group %(group)s: an interpreter or an unknown person is a member."),
    "absent_placed": _("%(session)s, group %(group)s: someone who does not take part is placed."),
    "placed_twice": _("%(session)s, group %(group)s: someone is in two groups."),
    "size": _("%(session)s, group %(group)s: its size is outside the allowed range."),
    "hub_mix": _("%(session)s, group %(group)s: it does not mix enough hubs."),
    "hub_share": _("%(session)s, group %(group)s: too many of its members come from one hub."),
    "leader": _("%(session)s, group %(group)s: nobody can lead it."),
    "language": _(
        "%(session)s, group %(group)s: its members share no working language and no interpreter helps."
    ),
    "interpreter_invalid": _("%(session)s, group %(group)s: its interpreter cannot bridge its languages."),
    "interpreter_twice": _("%(session)s: an interpreter is in two groups at once."),
    "not_placed": _("%(session)s: someone who takes part has no group."),
    "together_broken": _("%(session)s: two people who must be together are in different groups."),
    "apart_broken": _("%(session)s: two people who must be apart are in the same group."),
    "lock_broken": _("%(session)s, group %(group)s: someone locked into it has left it."),
    "locked_group_changed": _("%(session)s, group %(group)s: a locked group has changed."),
    "metrics": _("The plan's figures do not add up."),
}

# The settings to change when the engine gives a reason, first the one most often to blame: the
# reason is shown on the first of them the form has (or above the form, when it has none).
REASON_FIELDS = {
    "size_range": ("groups", "min_size", "max_size"),
    "hubs_exceed_size": ("min_hubs",),
    "hubs_too_few": ("min_hubs",),
    "hub_slots": ("min_hubs",),
    "hub_share_size": ("max_hub_share",),
    "hub_share": ("max_hub_share",),
    "leaders_short": ("leaders_per_group",),
    "language_isolated": ("takers",),
    "together_apart": ("pairs",),
    "together_chain_apart": ("pairs",),
    "together_too_large": ("pairs",),
    "together_hub_share": ("pairs",),
    "no_plan_found": ("seconds",),
}
RULE_FIELDS = {
    "size": ("groups", "min_size", "max_size"),
    "hub_mix": ("min_hubs",),
    "hub_share": ("max_hub_share",),
    "leader": ("leaders_per_group",),
    "language": ("takers",),
    "together": ("pairs",),
    "apart": ("pairs",),
}

_PEOPLE_PARAMS = frozenset({"person", "a", "b", "people", "interpreter", "leaders"})


@dataclass
class Names:
    """What the engine's ids stand for: people, sessions and hubs by id, as the reader knows them."""

    people: Mapping[str, str] = field(default_factory=dict)
    sessions: Mapping[str, str] = field(default_factory=dict)
    hubs: Mapping[str, str] = field(default_factory=dict)

    def person(self, pid: Any) -> str:
        return self.people.get(str(pid), str(pid))

    def hub(self, slug: Any) -> str:
        return self.hubs.get(str(slug), str(slug))


def _listed(items: Iterable[str]) -> str:
    return ", ".join(items)


def _render(key: str, value: Any, names: Names) -> Any:
    if key == "session":
        return names.sessions.get(str(value), str(value))
    if key == "rules":
        return _listed(str(RULE_FAMILIES.get(rule, rule)) for rule in value)
    if key == "pairs":
        return _listed(f"{names.person(a)}–{names.person(b)}" for a, b in value)
    if key in ("hubs", "hub_counts") and isinstance(value, Mapping):
        return _listed(f"{names.hub(hub)} {count}" for hub, count in value.items())
    if key == "present":
        return _listed(names.hub(hub) for hub in value)
    if key == "hub":
        return names.hub(value)
    if key == "language":
        return language_name(value)
    if key == "languages":
        return _listed(language_name(code) for code in value)
    if key == "share":
        return f"{number_format(round(value * 100))} %"
    # Engine ids are strings; ``people`` is also a head count in the size reasons.
    if key in _PEOPLE_PARAMS and not isinstance(value, int):
        if isinstance(value, list | tuple):
            return _listed(names.person(pid) for pid in value)
        return names.person(value)
    if isinstance(value, list | tuple):
        return _listed(str(item) for item in value)
    if isinstance(value, float):
        return number_format(value)
    return value


def describe(code: str, params: Mapping[str, Any], names: Names) -> str:
    """A reason or an explanation of the engine, in the active language."""
    rendered = {key: _render(key, value, names) for key, value in params.items()}
    return REASONS[code] % rendered


def describe_violation(violation: Mapping[str, Any], names: Names) -> str:
    """A rule the engine's checker found broken (``{"code", "session", "group"}``), in the active language."""
    params = {
        "session": _render("session", violation.get("session") or "", names),
        "group": violation.get("group"),
    }
    return VIOLATIONS[violation["code"]] % params


def reason_fields(code: str, params: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """The settings a reason asks to change: for each setting to blame, the fields that hold it,
    most likely first (none: the settings as a whole)."""
    if code == "rules_conflict":
        return [RULE_FIELDS[rule] for rule in params.get("rules", ()) if rule in RULE_FIELDS]
    return [REASON_FIELDS[code]] if code in REASON_FIELDS else []
