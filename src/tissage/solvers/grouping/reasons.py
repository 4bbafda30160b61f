"""Structured statements: why an input is infeasible, and why each group is the way it is.

Every statement is a `Reason`: a stable ``code``, the ``params`` the code needs (ids, numbers), and
an English ``text`` for the command line. The Django app translates by ``code`` and ``params``, so
the catalogue below is the one place where the English wording lives and the codes are a public
contract (documented in ``docs/plan-groups-format.md``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

# The families of hard rules, named in reasons such as ``rules_conflict``.
RULE_NAMES = {
    "size": "group sizes",
    "hub_mix": "hub mix",
    "hub_share": "hub share",
    "leader": "leaders",
    "language": "working language",
    "together": "must-together rules",
    "apart": "must-apart rules",
    "locks": "locks",
}

MESSAGES = {
    # Infeasibility.
    "size_range": "session {session}: {people} people cannot fill {groups} groups of {min}–{max}",
    "hubs_exceed_size": "session {session}: groups of at most {max} cannot mix {min_hubs} hubs",
    "hubs_too_few": (
        "session {session}: only {hubs} hub(s) present ({present}), each group must mix {min_hubs}"
    ),
    "hub_slots": (
        "session {session}: {groups} groups mixing {min_hubs} hubs need {needed} hub places, "
        "the hubs present fill only {available}"
    ),
    "hub_share_size": (
        "session {session}: {people} people from {hub_counts} cannot form {groups} groups of {min}–{max} "
        "with at most {share:.0%} from one hub"
    ),
    "hub_share": (
        "session {session}: {count} people from {hub}, but {groups} groups take at most {capacity} "
        "from one hub ({share:.0%} of each group)"
    ),
    "leaders_short": "session {session}: {groups} groups need {needed} leaders, only {available} available",
    "language_isolated": (
        "session {session}: {person} shares no working language ({languages}) with enough people "
        "for a group of {min}, and no interpreter can cover them"
    ),
    "together_apart": "{a} and {b} must be together and apart (session {session})",
    "together_chain_apart": (
        "session {session}: {a} and {b} must be apart, but must-together rules join them ({people})"
    ),
    "together_too_large": "session {session}: {people} must be together, but groups hold at most {max}",
    "together_hub_share": (
        "session {session}: {people} must be together, but a group of at most {max} takes at most "
        "{capacity} from {hub}"
    ),
    "lock_absent": "{person} is locked into group {group} of session {session} but does not attend it",
    "lock_conflict": "{person} is locked into groups {groups} of session {session}",
    "lock_overfull": (
        "session {session}: {count} people are locked into group {group}, groups hold at most {max}"
    ),
    "together_locked_apart": (
        "session {session}: {a} and {b} must be together but are locked into groups {group_a} and {group_b}"
    ),
    "apart_locked_together": (
        "session {session}: {a} and {b} must be apart but are both locked into group {group}"
    ),
    "locked_group_size": "session {session}: locked group {group} has {size} members, allowed {min}–{max}",
    "locked_group_no_leader": "session {session}: nobody in locked group {group} can lead",
    "locked_group_hubs": "session {session}: locked group {group} breaks the hub rules ({hubs})",
    "locked_group_language": (
        "session {session}: locked group {group} shares no working language and no interpreter can cover it"
    ),
    "rules_conflict": "session {session}: no grouping satisfies {rules} at once",
    "no_plan_found": "session {session}: no plan satisfying {rules} found in {seconds:g} s",
    "search_stopped": "stopped before a plan satisfying every hard rule was found",
    # Explanations of a group.
    "size_ok": "{size} members (allowed {min}–{max})",
    "hubs_mixed": (
        "mixes {count} hubs ({hubs}); needs at least {min_hubs}, at most {max_per_hub} from one hub"
    ),
    "language_shared": "everyone works in {language}",
    "language_interpreted": "works in {language}; {interpreter} interprets for {people}",
    "led_by": "led by {leaders}",
    "kept_together": "{a} and {b} are together (must-together rule)",
    "kept_apart": "{a} is here and {b} is not (must-apart rule)",
    "locked_here": "{people} locked into this group",
    "new_pairs": "{count} of {total} pairs meet for the first time",
    "repeated_pairs": "meeting again ({count}): {pairs}",
    "wishes_met": "continuity kept: {pairs}",
}

# The codes an `Infeasible` may carry (the rest of the catalogue explains groups).
INFEASIBILITY_CODES = (
    "size_range",
    "hubs_exceed_size",
    "hubs_too_few",
    "hub_slots",
    "hub_share_size",
    "hub_share",
    "leaders_short",
    "language_isolated",
    "together_apart",
    "together_chain_apart",
    "together_too_large",
    "together_hub_share",
    "lock_absent",
    "lock_conflict",
    "lock_overfull",
    "together_locked_apart",
    "apart_locked_together",
    "locked_group_size",
    "locked_group_no_leader",
    "locked_group_hubs",
    "locked_group_language",
    "rules_conflict",
    "no_plan_found",
    "search_stopped",
)

# Params that hold person ids, rendered with the people's names in the English text.
_PERSON_KEYS = frozenset({"person", "a", "b", "people", "interpreter", "leaders"})


class FrozenMap(Mapping[str, Any]):
    """A read-only mapping that, unlike ``MappingProxyType``, pickles (plans travel to workers)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[type, tuple[dict[str, Any]]]:
        return FrozenMap, (self._data,)


def freeze(value: Any) -> Any:
    """Make a params value immutable: lists become tuples, dicts read-only mappings."""
    if isinstance(value, Mapping):
        return FrozenMap({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """The JSON-friendly form of a frozen params value."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return items[0] if items else "nobody"
    return ", ".join(items[:-1]) + " and " + items[-1]


def _render(key: str, value: Any, names: Mapping[str, str]) -> Any:
    if key == "rules":
        return _join([RULE_NAMES.get(rule, rule) for rule in value])
    if key == "pairs":
        return ", ".join(f"{names.get(a, a)}–{names.get(b, b)}" for a, b in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if key in _PERSON_KEYS:
        if isinstance(value, tuple):
            return _join([names.get(v, v) for v in value])
        return names.get(value, value)
    if isinstance(value, tuple):
        return _join([str(v) for v in value])
    return value


@dataclass(frozen=True)
class Reason:
    code: str
    params: Mapping[str, Any]
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", freeze(self.params))

    @classmethod
    def make(cls, code: str, names: Mapping[str, str] | None = None, **params: Any) -> Reason:
        """Build a reason whose English text uses the people's display names."""
        frozen = freeze(params)
        rendered = {key: _render(key, value, names or {}) for key, value in frozen.items()}
        return cls(code, frozen, MESSAGES[code].format(**rendered))


class Infeasible(Exception):
    """The hard rules cannot all be met; ``reasons`` says why (the first one is the main one)."""

    def __init__(self, reasons: list[Reason] | tuple[Reason, ...]) -> None:
        self.reasons = tuple(reasons)
        super().__init__(self.reasons[0].text)

    @property
    def reason(self) -> Reason:
        return self.reasons[0]
