"""Exact expected events for sentences the team wrote (tests/events/sentences.yaml)."""

import pytest

from marsad.doc import EVENT_TYPES
from tests.events.conftest import load_cases

CASES = load_cases()


def _actor_ok(entity, spec) -> bool:
    if spec == "-":
        return entity is None
    if entity is None:
        return False
    if "/" not in spec:
        return spec in entity.text
    country, sector = spec.split("/")
    return (not country or entity.country == country) and (not sector or entity.sector == sector)


def mismatch(event, spec: dict) -> str | None:
    """Return why ``event`` does not match ``spec``, or None when it does."""
    checks = {
        "type": lambda: event.event_type == spec["type"],
        "mode": lambda: event.mode == spec["mode"],
        "status": lambda: event.status == spec["status"],
        "actor": lambda: _actor_ok(event.actor, spec["actor"]),
        "recipient": lambda: _actor_ok(event.recipient, spec["recipient"]),
        "attributed": lambda: _actor_ok(event.attributed_to, spec["attributed"]),
        "place": lambda: (event.location is None if spec["place"] == "-"
                          else event.location is not None and spec["place"] in event.location.text),
        "date": lambda: event.date == str(spec["date"]),
    }
    for key in ("fatalities", "injuries", "arrests"):
        if key in spec:
            want = spec[key]
            got = getattr(event, key)
            if want is None and got is not None or want is not None and (
                    got is None or [got["value"], got["qualifier"]] != want):
                return f"{key}: got {got}, want {want}"
    for key, ok in checks.items():
        if key in spec and not ok():
            return f"{key}: want {spec[key]!r}"
    return None


def describe(ev) -> str:
    return (f"{ev.event_type}/{ev.mode}/{ev.status} actor={ev.actor and (ev.actor.text, ev.actor.country, ev.actor.sector)}"
            f" rec={ev.recipient and (ev.recipient.text, ev.recipient.country, ev.recipient.sector)}"
            f" at={ev.location and ev.location.text} date={ev.date} f={ev.fatalities} i={ev.injuries}"
            f" a={ev.arrests} by={ev.attributed_to and ev.attributed_to.text}")


def test_cases_cover_every_type_and_phenomenon():
    covered = {e["type"] for c in CASES for e in c.get("events", [])}
    assert covered == set(EVENT_TYPES)
    tags = {t for c in CASES for t in c.get("tags", [])}
    for needed in ("negation", "future", "conditional", "question", "passive", "nominal", "reported_speech",
                   "casualties", "attribution", "opinion", "history"):
        assert needed in tags
    assert len(CASES) >= 100


def _param(case):
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(case, marks=marks, id=case["text"][:40])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_sentence(code, case):
    check(code(case["text"]).events, case)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_sentence_rules_alone(code_rules, case):
    """Every case passes without the sentence model: the xfails are its vetoes, not rule errors."""
    check(code_rules(case["text"]).events, case)


def check(got, case):
    for spec in case.get("events", []):
        reasons = [mismatch(ev, spec) for ev in got]
        assert None in reasons, f"no event matches {spec}; coded: {[describe(e) for e in got]} ({reasons})"
    for etype in case.get("absent", []):
        reported = [describe(e) for e in got if e.event_type == etype and e.status == "reported"]
        assert not reported, f"{etype} coded as reported: {reported}"
    for etype, n in case.get("count", {}).items():
        assert sum(e.event_type == etype for e in got) == n, [describe(e) for e in got]
