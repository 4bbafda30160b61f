"""The JSON format of ``tissage plan-groups`` (documented in ``docs/plan-groups-format.md``).

Reading is strict and precise: a malformed document raises `ProblemError` whose ``field`` is the
JSON path of the culprit (``people[3].languages.fr``) and whose message says what was expected, so
the command line can print one clear line. Writing and reading a plan round-trip exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, TypeVar

from .plan import Group, Metrics, Move, Plan, SessionPlan
from .problem import (
    HistoryPair,
    Lock,
    PairRule,
    Person,
    Problem,
    ProblemError,
    Rules,
    Session,
    Skill,
    Weights,
    Wish,
)
from .reasons import Infeasible, Reason, thaw

PROBLEM_FORMAT = "tissage.plan-groups/1"
PLAN_FORMAT = "tissage.plan/1"

T = TypeVar("T")


# ------------------------------------------------------------------ reading


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if set(kinds) == {int, float}:
        return "a number"
    names = {str: "a string", int: "an integer", float: "a number", list: "a list", dict: "an object"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _get(
    data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], path: str, default: Any = ...
) -> Any:
    """``data[key]`` checked against ``kind`` (booleans are never numbers)."""
    where = f"{path}.{key}" if path else key
    if key not in data:
        if default is ...:
            raise ProblemError(where, "is required")
        return default
    value = data[key]
    if value is None and default is None:
        return None
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise ProblemError(where, f"must be {_type_name(kind)} (got {json.dumps(value)})")
    return value


def _items(data: Mapping[str, Any], key: str, path: str) -> list[tuple[str, Mapping[str, Any]]]:
    """The objects of the optional list ``data[key]``, each with its path."""
    where = f"{path}.{key}" if path else key
    result = []
    for i, item in enumerate(_get(data, key, list, path, [])):
        if not isinstance(item, dict):
            raise ProblemError(f"{where}[{i}]", f"must be an object (got {json.dumps(item)})")
        result.append((f"{where}[{i}]", item))
    return result


def _strings(data: Mapping[str, Any], key: str, path: str, default: Any = ...) -> tuple[str, ...] | None:
    values = _get(data, key, list, path, default)
    if values is None:
        return None
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value:
            raise ProblemError(f"{path}.{key}[{i}]", f"must be a non-empty string (got {json.dumps(value)})")
    return tuple(values)


def _pair(data: Mapping[str, Any], path: str) -> tuple[str, str]:
    pair = _strings(data, "pair", path)
    if len(pair) != 2:
        raise ProblemError(f"{path}.pair", f"must list exactly two people (got {len(pair)})")
    return pair[0], pair[1]


def _build(path: str, factory: Callable[..., T], **kwargs: Any) -> T:
    try:
        return factory(**kwargs)
    except ProblemError as error:
        raise error.within(path) from None


def _object(data: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise ProblemError(path or "document", f"must be an object (got {type(data).__name__})")
    return data


def _known_keys(data: Mapping[str, Any], path: str, allowed: set[str]) -> None:
    """Unknown keys are mistakes (a typo would silently drop a rule), so they are refused."""
    for key in data:
        if key not in allowed:
            where = f"{path}.{key}" if path else key
            raise ProblemError(where, f"unknown field (expected one of {', '.join(sorted(allowed))})")


def _numbers(data: Mapping[str, Any], path: str, names: tuple[str, ...]) -> dict[str, Any]:
    _known_keys(data, path, set(names))
    return {name: _get(data, name, (int, float), path) for name in names if name in data}


def problem_from_json(data: Any) -> Problem:
    doc = _object(data, "")
    _known_keys(
        doc,
        "",
        {"format", "rules", "weights", "sessions", "people", "history", "pair_rules", "wishes", "locks"},
    )
    if _get(doc, "format", str, "", PROBLEM_FORMAT) != PROBLEM_FORMAT:
        raise ProblemError("format", f"must be {PROBLEM_FORMAT!r}")
    rules = _object(_get(doc, "rules", dict, "", {}), "rules")
    _known_keys(rules, "rules", {"min_hubs", "max_hub_share", "leaders_per_group"})
    rule_values = {
        "min_hubs": _get(rules, "min_hubs", int, "rules", 2),
        "max_hub_share": _get(rules, "max_hub_share", (int, float), "rules", 0.5),
        "leaders_per_group": _get(rules, "leaders_per_group", int, "rules", 1),
    }
    weights = _numbers(_get(doc, "weights", dict, "", {}), "weights", tuple(f.name for f in fields(Weights)))
    sessions = []
    for path, item in _items(doc, "sessions", ""):
        _known_keys(item, path, {"id", "name", "groups", "size"})
        size = _get(item, "size", dict, path)
        _known_keys(size, f"{path}.size", {"min", "max"})
        sessions.append(
            _build(
                path,
                Session,
                id=_get(item, "id", str, path),
                name=_get(item, "name", str, path, ""),
                groups=_get(item, "groups", int, path),
                min_size=_get(size, "min", int, f"{path}.size"),
                max_size=_get(size, "max", int, f"{path}.size"),
            )
        )
    people = []
    for path, item in _items(doc, "people", ""):
        _known_keys(item, path, {"id", "name", "hub", "role", "languages", "skills", "sessions", "cohort"})
        languages = _get(item, "languages", dict, path, {})
        skills = _get(item, "skills", dict, path, {})
        for key, mapping in (("languages", languages), ("skills", skills)):
            for name, value in mapping.items():
                if not isinstance(value, str):
                    raise ProblemError(f"{path}.{key}.{name}", f"must be a string (got {json.dumps(value)})")
        people.append(
            _build(
                path,
                Person,
                id=_get(item, "id", str, path),
                name=_get(item, "name", str, path, ""),
                hub=_get(item, "hub", str, path),
                role=_get(item, "role", str, path, "artist"),
                languages=languages,
                skills=tuple(Skill(name, category) for name, category in skills.items()),
                sessions=_strings(item, "sessions", path, None),
                cohort=_get(item, "cohort", str, path, None),
            )
        )
    history = []
    for path, item in _items(doc, "history", ""):
        _known_keys(item, path, {"pair", "weight"})
        a, b = _pair(item, path)
        history.append(HistoryPair(a, b, _get(item, "weight", (int, float), path, 1.0)))
    pair_rules = []
    for path, item in _items(doc, "pair_rules", ""):
        _known_keys(item, path, {"pair", "kind", "sessions"})
        a, b = _pair(item, path)
        kind = _get(item, "kind", str, path)
        pair_rules.append(
            _build(path, PairRule, a=a, b=b, kind=kind, sessions=_strings(item, "sessions", path, None))
        )
    wishes = []
    for path, item in _items(doc, "wishes", ""):
        _known_keys(item, path, {"pair", "kind", "weight", "sessions"})
        a, b = _pair(item, path)
        wishes.append(
            _build(
                path,
                Wish,
                a=a,
                b=b,
                weight=_get(item, "weight", (int, float), path, 1.0),
                kind=_get(item, "kind", str, path, "together"),
                sessions=_strings(item, "sessions", path, None),
            )
        )
    locks = []
    for path, item in _items(doc, "locks", ""):
        _known_keys(item, path, {"person", "session", "group"})
        locks.append(
            Lock(
                _get(item, "person", str, path),
                _get(item, "session", str, path),
                _get(item, "group", int, path),
            )
        )
    return Problem(
        sessions=tuple(sessions),
        people=tuple(people),
        rules=_build("rules", Rules, **rule_values),
        weights=_build("weights", Weights, **weights),
        history=tuple(history),
        pair_rules=tuple(pair_rules),
        wishes=tuple(wishes),
        locks=tuple(locks),
    )


def load_json(path: str | Path) -> Any:
    """Parse a JSON file, turning I/O and syntax errors into `ProblemError`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ProblemError(str(path), f"cannot be read ({error.strerror or error})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ProblemError(
            str(path), f"is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None


# ------------------------------------------------------------------ writing


def problem_to_json(problem: Problem) -> dict[str, Any]:
    def optional(value: Any, key: str) -> dict[str, Any]:
        return {} if value in (None, "") else {key: list(value) if isinstance(value, tuple) else value}

    return {
        "format": PROBLEM_FORMAT,
        "rules": asdict(problem.rules),
        "weights": asdict(problem.weights),
        "sessions": [
            {
                "id": s.id,
                **optional(s.name, "name"),
                "groups": s.groups,
                "size": {"min": s.min_size, "max": s.max_size},
            }
            for s in problem.sessions
        ],
        "people": [
            {
                "id": p.id,
                **optional(p.name, "name"),
                "hub": p.hub,
                "role": p.role.value,
                "languages": {lang: level.value for lang, level in p.languages},
                "skills": {skill.name: skill.category for skill in p.skills},
                **optional(p.sessions, "sessions"),
                **optional(p.cohort, "cohort"),
            }
            for p in problem.people
        ],
        "history": [{"pair": [h.a, h.b], "weight": h.weight} for h in problem.history],
        "pair_rules": [
            {"pair": [r.a, r.b], "kind": r.kind.value, **optional(r.sessions, "sessions")}
            for r in problem.pair_rules
        ],
        "wishes": [
            {"pair": [w.a, w.b], "kind": w.kind.value, "weight": w.weight, **optional(w.sessions, "sessions")}
            for w in problem.wishes
        ],
        "locks": [
            {"person": lock.person, "session": lock.session, "group": lock.group} for lock in problem.locks
        ],
    }


def reason_to_json(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "params": thaw(reason.params), "text": reason.text}


def plan_to_json(plan: Plan) -> dict[str, Any]:
    return {
        "format": PLAN_FORMAT,
        "seed": plan.seed,
        "stopped_by": plan.stopped_by,
        "metrics": asdict(plan.metrics),
        "sessions": [
            {
                "id": sp.session,
                "groups": [
                    {
                        "number": g.number,
                        "members": list(g.members),
                        "language": g.language,
                        "interpreter": g.interpreter,
                        "leaders": list(g.leaders),
                        "explanation": [reason_to_json(r) for r in g.explanation],
                    }
                    for g in sp.groups
                ],
            }
            for sp in plan.sessions
        ],
        "moves": [asdict(move) for move in plan.moves],
    }


def infeasible_to_json(error: Infeasible) -> dict[str, Any]:
    return {"format": PLAN_FORMAT, "infeasible": [reason_to_json(r) for r in error.reasons]}


def plan_from_json(data: Any) -> Plan:
    doc = _object(data, "")
    if _get(doc, "format", str, "") != PLAN_FORMAT:
        raise ProblemError("format", f"must be {PLAN_FORMAT!r}")
    metrics_data = _get(doc, "metrics", dict, "")
    try:
        metrics = Metrics(**metrics_data)
    except TypeError as error:
        raise ProblemError("metrics", f"does not match the metrics of a plan ({error})") from None
    sessions = []
    for path, item in _items(doc, "sessions", ""):
        session = _get(item, "id", str, path)
        groups = []
        for gpath, group in _items(item, "groups", path):
            explanation = tuple(
                Reason(
                    _get(r, "code", str, rpath), _get(r, "params", dict, rpath), _get(r, "text", str, rpath)
                )
                for rpath, r in _items(group, "explanation", gpath)
            )
            groups.append(
                Group(
                    session=session,
                    number=_get(group, "number", int, gpath),
                    members=_strings(group, "members", gpath),
                    language=_get(group, "language", str, gpath),
                    interpreter=_get(group, "interpreter", str, gpath, None),
                    leaders=_strings(group, "leaders", gpath, ()),
                    explanation=explanation,
                )
            )
        sessions.append(SessionPlan(session, tuple(groups)))
    moves = tuple(
        Move(
            _get(m, "person", str, path),
            _get(m, "session", str, path),
            _get(m, "from_group", int, path, None),
            _get(m, "to_group", int, path, None),
        )
        for path, m in _items(doc, "moves", "")
    )
    return Plan(
        sessions=tuple(sessions),
        metrics=metrics,
        seed=_get(doc, "seed", int, ""),
        stopped_by=_get(doc, "stopped_by", str, ""),
        moves=moves,
    )
