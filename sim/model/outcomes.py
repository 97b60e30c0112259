"""The per-replicate summary, computed from records and series by pure functions.

Yes/no outcomes are true/false columns whose names say what they mean; durations are in days,
forces and casualties in personnel. What each column means, and how the project names it, is
declared once in :mod:`sim.model.outcome_registry`; ``SUMMARY_COLUMNS`` is its column order
(the CSV header's), kept here beside the function that fills it.
"""

from __future__ import annotations

from sim.model.outcome_registry import OUTCOMES
from sim.model.pacts import requested
from sim.model.records import (
    COUP_ATTEMPT_REASON,
    Record,
    RecordKind,
    Response,
    Series,
    WarOutcome,
)

SUMMARY_COLUMNS: tuple[str, ...] = tuple(OUTCOMES)


def summarise(
    records: list[Record],
    series: Series,
    *,
    organisation_members: dict[str, list[str]],
    counterinsurgency_lost: float,
    homes: dict[str, str],
) -> dict[str, object]:
    """The summary row of one replicate.

    Args:
        records: the run's event records.
        series: the run's daily series.
        organisation_members: members of each organisation at the start (to say who is AES or
            ECOWAS).
        counterinsurgency_lost: mean share of counter-insurgency effort lost (from the model).
        homes: the state each rebel army (belligerent) fights in, to tell a member's war on its
            own rebels from a war for ECOWAS.
    """
    aes = set(organisation_members.get("AES", []))
    ecowas = set(organisation_members.get("ECOWAS", []))
    wars = [r for r in records if r.kind is RecordKind.WAR_STARTED]
    ended = _last_ends(records)
    decided = any(r.kind is RecordKind.ATTACK_DECIDED for r in records)
    threatened = {(r.actor, r.target) for r in records if r.kind is RecordKind.THREAT}
    entries = [r for r in records if r.kind is RecordKind.ENTERED_WAR]
    # An attack armed groups made on a state carries their war into it (an entry, not a war).
    attacks = [(r.actor, r.target) for r in wars]
    attacks += [(r.get("attacked_by"), r.actor) for r in entries if r.get("attacked_by")]
    scheduled_after_threat = any(attack in threatened for attack in attacks)
    # A member armed groups carried their war into was attacked: it entered to help no one.
    aes_entered = sorted({r.actor for r in entries if r.actor in aes and not r.get("attacked_by")})
    # Obligations only: a measure a clause permits was never owed (docs/model.md §7.3).
    responses = [
        r
        for r in records
        if r.kind in (RecordKind.RESPONSE, RecordKind.VOTE) and r.get("modality") is None
    ]
    counts = {resp: sum(r.get("response") == resp.value for r in responses) for resp in Response}
    first = wars[0] if wars else None
    if first is None:
        war_days, outcome = 0, "none"
    elif first.get("war") in ended:
        war_days, outcome = (
            ended[first.get("war")].get("days"),
            ended[first.get("war")].get("outcome"),
        )
    else:
        war_days, outcome = series.wars.shape[0] - 1 - first.day, "ongoing"
    strength = series.strength.sum(axis=1) if series.strength.size else None
    change = (
        float(strength[-1] / strength[0] - 1.0) if strength is not None and strength[0] > 0 else 0.0
    )
    return {
        "threat_carried_out": bool(decided or scheduled_after_threat),
        "attack_day": first.day if first else -1,
        "ecowas_attacked": any(
            _for_ecowas(r, ecowas, homes) and not _offensive(records, r) for r in wars
        ),
        "aes_entered": bool(aes_entered),
        "aes_members_entered": len(aes_entered),
        "request_granted": any(
            r.kind is RecordKind.RESPONSE
            and requested(r.get("pact") or "") is not None
            and r.get("response") == Response.HONOURED.value
            for r in records
        ),
        "coup_succeeded": any(
            r.kind is RecordKind.WAR_ENDED
            and r.get("reason") == COUP_ATTEMPT_REASON
            and r.get("outcome") == WarOutcome.ATTACKERS_WON
            for r in records
        ),
        "war_occurred": bool(wars),
        "wars": len(wars),
        "max_belligerents": int(series.belligerents.max()) if series.belligerents.size else 0,
        "war_days": int(war_days),
        "first_war_outcome": outcome,
        "casualties": float(round(series.casualties[-1].sum(), 1)),
        "obligations_triggered": sum(
            r.kind is RecordKind.OBLIGATION and r.get("modality") is None for r in records
        ),
        "obligations_honoured": counts[Response.HONOURED],
        "obligations_partial": counts[Response.PARTIAL],
        "obligations_abstained": counts[Response.ABSTAINED],
        "rebellion": any(r.kind is RecordKind.REBELLION for r in records),
        "insurgent_strength_change": round(change, 6),
        "counterinsurgency_lost": round(counterinsurgency_lost, 6),
    }


def _last_ends(records: list[Record]) -> dict[int, Record]:
    """Each war's last end, if it was not fought again after it (a truce that broke down)."""
    ended: dict[int, Record] = {}
    for r in records:
        if r.kind is RecordKind.WAR_ENDED:
            ended[r.get("war")] = r
        elif r.kind is RecordKind.WAR_RESUMED:
            ended.pop(r.get("war"), None)
    return ended


def _offensive(records: list[Record], war: Record) -> bool:
    """Whether a war is a state's offensive on its own soil against an armed group (§7.11).

    Not ECOWAS's, though the state is a member, as a member's war on its own rebels is not;
    unless a vote of ECOWAS sent some of its fighters (``decided_by``). An offensive on another
    state's soil (its forces struck there) counts as any war a member starts beyond it.
    """
    cause = war.get("cause")
    return (
        isinstance(cause, int)
        and 0 <= cause < len(records)
        and records[cause].get("offensive") is not None
        and records[cause].get("soil") == war.actor
        and "ECOWAS" not in (war.get("decided_by") or ())
    )


def _for_ecowas(war: Record, ecowas: set[str], homes: dict[str, str]) -> bool:
    """Whether a war was started by ECOWAS or by members acting for it.

    A member attacking another member on its own (Mali and Burkina Faso, December 1985) is a
    war between members, not ECOWAS's, unless a vote of ECOWAS sent it; so is a member's war on
    its own rebels (Côte d'Ivoire on the Forces Nouvelles, November 2004).
    """
    if war.actor == "ECOWAS" or "ECOWAS" in (war.get("decided_by") or ()):
        return True
    members = set(war.get("attackers", [])) & ecowas
    if homes.get(war.target) in members:
        return False
    return bool(members) and war.actor in ecowas and war.target not in ecowas
