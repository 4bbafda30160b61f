"""A plan as people read it: its sessions, their groups with members, leader, working language and
interpreter, the new pairs each creates, the hubs it mixes, and the engine's explanation and the
broken rules in the reader's language. The staff pages and the exported files show the same."""

from dataclasses import dataclass, field
from itertools import groupby

from django.utils.translation import gettext as _

from tissage.network.models import Session
from tissage.people.enums import Role

from ..domain.plans import group_names, plan_groups
from ..domain.reasons import Names, describe, describe_violation
from ..models import Plan, PlanGroup, PlanMember

REPEATED = "repeated_pairs"


@dataclass
class GroupSheet:
    group: PlanGroup
    members: list[PlanMember]
    explanation: list[str]
    broken: list[str]
    # Pairs who meet again in this group ("A–B"), shown apart: the list can be long.
    repeated: list[str] = field(default_factory=list)
    new_pairs: int = 0
    pairs: int = 0
    hubs: list[tuple[str, int]] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.group.number


@dataclass
class SessionSheet:
    session: Session
    groups: list[GroupSheet]

    @property
    def people(self) -> int:
        return sum(len(g.members) for g in self.groups)


@dataclass
class PlanSheet:
    plan: Plan
    sessions: list[SessionSheet]
    names: Names
    # Broken rules that concern no single group.
    broken: list[str]
    roles: dict[int, str]

    @property
    def groups(self) -> list[GroupSheet]:
        return [group for session in self.sessions for group in session.groups]


def _params(group: PlanGroup, code: str) -> dict:
    return next((item["params"] for item in group.explanation if item["code"] == code), {})


def person_roles(plan: Plan) -> dict[int, str]:
    """The role each person was planned with, in the reader's language."""
    labels = dict(Role.choices)
    return {
        int(person["id"]): str(labels.get(person.get("role", Role.ARTIST), person.get("role", "")))
        for person in plan.problem.get("people", [])
    }


def plan_sheet(plan: Plan) -> PlanSheet:
    """Everything a plan's page or file shows (two queries, whatever the plan's size)."""
    groups = plan_groups(plan)
    names = group_names(groups)
    roles = person_roles(plan)
    broken: dict[tuple[int, int | None], list[str]] = {}
    for violation in plan.violations:
        key = (int(violation["session"]) if violation.get("session") else 0, violation.get("group"))
        broken.setdefault(key, []).append(describe_violation(violation, names))
    sessions = []
    for session, items in groupby(groups, key=lambda g: g.session):
        sheets = []
        for group in items:
            pairs = _params(group, "new_pairs")
            hubs = _params(group, "hubs_mixed").get("hubs", {})
            members = list(group.members.all())
            for member in members:
                member.role_label = roles.get(member.person_id, "")
            sheets.append(
                GroupSheet(
                    group=group,
                    members=members,
                    explanation=[
                        describe(item["code"], item["params"], names)
                        for item in group.explanation
                        if item["code"] != REPEATED
                    ],
                    repeated=[
                        f"{names.person(a)}–{names.person(b)}"
                        for a, b in _params(group, REPEATED).get("pairs", [])
                    ],
                    broken=broken.pop((session.pk, group.number), []),
                    new_pairs=pairs.get("count", 0),
                    pairs=pairs.get("total", 0),
                    hubs=sorted(
                        ((names.hub(slug), count) for slug, count in hubs.items()), key=lambda h: h[0]
                    ),
                )
            )
        sessions.append(SessionSheet(session=session, groups=sheets))
    return PlanSheet(
        plan=plan,
        sessions=sessions,
        names=names,
        broken=[text for texts in broken.values() for text in texts],
        roles=roles,
    )


def metric_rows(plan: Plan) -> list[tuple[str, object]]:
    """The plan's figures, labelled, in the order people read them."""
    m = plan.metrics
    return [
        (_("Pairs meeting for the first time"), m.get("new_pairs", 0)),
        (_("Repeated meetings"), m.get("repeated_pairs", 0)),
        (_("… of pairs who had already met"), m.get("repeated_against_history", 0)),
        (_("Fewest repeats possible (proven)"), plan.lower_bound),
        (_("Gap to that bound"), plan.gap),
        (_("Hub imbalance"), m.get("hub_imbalance", 0)),
        (_("Skill imbalance"), m.get("skill_imbalance", 0)),
        (_("Cohort imbalance"), m.get("cohort_imbalance", 0)),
        (_("Groups with an interpreter"), m.get("interpreted_groups", 0)),
        (_("Broken rules"), len(plan.violations)),
    ]
