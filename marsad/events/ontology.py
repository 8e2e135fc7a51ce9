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
