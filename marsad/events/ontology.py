"""PLOVER event types: CAMEO root codes and quad classes.

PLOVER (Halterman et al., Open Event Data Alliance, "PLOVER and POLECAT",
2023) has 16 event types; CAMEO (Gerner, Schrodt et al. 2002) numbers its
20 root codes 01-20 and groups them in four "quad" classes: verbal
cooperation 01-05, material cooperation 06-09, verbal conflict 10-14,
material conflict 15-20. The root given here is the CAMEO root closest to
each PLOVER type; the event coder may refine it by mode (aerial and shelling
assaults are CAMEO 19 "fight", mass killing 20).
"""

from __future__ import annotations

CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08",
    "COOPERATE": "06", "AID": "07", "RETREAT": "08", "REQUEST": "02",
    "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18",
}


def quad_of_root(cameo_root: str) -> str:
    """Return the CAMEO quad class of a two-digit root code.

    Raises
    ------
    ValueError
        If ``cameo_root`` is not ``"01"`` to ``"20"``.
    """
    if not (cameo_root.isdigit() and 1 <= int(cameo_root) <= 20):
        raise ValueError(f"CAMEO root must be '01'..'20', got {cameo_root!r}")
    n = int(cameo_root)
    if n <= 5:
        return "verbal_cooperation"
    if n <= 9:
        return "material_cooperation"
    if n <= 14:
        return "verbal_conflict"
    return "material_conflict"


QUAD: dict[str, str] = {t: quad_of_root(r) for t, r in CAMEO_ROOT.items()}

#: PLOVER modes used by the Marsad lexicon, per event type. ASSAULT, PROTEST,
#: COERCE, CONSULT and MOBILIZE follow the PLOVER codebook's mode lists; the
#: others name the sub-kinds our lexicon separates (documented in
#: docs/events.md).
MODES: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("aerial", "firearms", "explosives", "shelling", "assassination",
                "beating", "sexual", "mass_killing", "abduct"),
    "PROTEST": ("demonstrate", "riot", "strike", "hunger_strike", "sit_in", "self_harm"),
    "COERCE": ("arrest", "seize", "curfew", "deport", "censor"),
    "CONSULT": ("visit", "host", "meet", "phone", "third_party"),
    "MOBILIZE": ("troops", "exercise", "alert"),
    "AGREE": ("sign", "ceasefire"),
    "SUPPORT": ("praise", "endorse"),
    "COOPERATE": ("military", "economic"),
    "AID": ("humanitarian", "economic", "military"),
    "RETREAT": ("withdraw",),
    "CONCEDE": ("release", "ease"),
    "REQUEST": (),
    "ACCUSE": ("accuse", "disapprove", "summon"),
    "REJECT": ("veto",),
    "THREATEN": ("warn",),
    "SANCTION": ("sanction", "break_relations", "expel"),
}

#: CAMEO root by (type, mode) where the mode moves it off the type default:
#: conventional military force is CAMEO 19 "fight", mass killing 20
#: "unconventional mass violence", diplomatic sanctions 16 "reduce
#: relations", a signed agreement 05/057 "sign formal agreement".
CAMEO_BY_MODE: dict[tuple[str, str], str] = {
    ("ASSAULT", "aerial"): "19", ("ASSAULT", "shelling"): "19",
    ("ASSAULT", "firearms"): "19", ("ASSAULT", "mass_killing"): "20",
    ("AGREE", "sign"): "05", ("COERCE", "arrest"): "17",
}


def cameo_root(event_type: str, mode: str | None = None) -> str:
    """Return the CAMEO root of a PLOVER type, refined by its mode.

    Parameters
    ----------
    event_type : str
        One of the 16 PLOVER types.
    mode : str, optional
        PLOVER mode.

    Raises
    ------
    KeyError
        If ``event_type`` is not a PLOVER type.

    Examples
    --------
    >>> cameo_root("ASSAULT", "aerial")
    '19'
    >>> cameo_root("PROTEST", "strike")
    '14'
    """
    return CAMEO_BY_MODE.get((event_type, mode or ""), CAMEO_ROOT[event_type])
