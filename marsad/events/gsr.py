"""Evaluation on the Arabic ASSAULT/PROTEST event gold standard (GSR) layout.

A GSR folder holds ``<type>_gsr.csv`` (id, event_type, label, accept,
reject, total, text; label ``yes`` / ``easy no`` / ``difficult no`` /
``ambiguous``) and ``<type>_spans.json`` (per sentence, each annotator's
source/verb/target spans with ``source_role``/``target_role`` =
``{"main": CAMEO country code or "None", "role": sector code or "None"}``),
as published by the Open Event Data Alliance (openeventdata/arabic_event_gsr).

Scores (see docs/evaluation.md for how to read them):

* detection, per type: a sentence is predicted positive when the whole
  pipeline codes an event of that type with status ``reported`` in it;
  positives are ``yes``, negatives ``easy no`` + ``difficult no``,
  ``ambiguous`` is left out;
* actors: for each gold source (and target) actor of a ``yes`` sentence,
  the majority ``(main, role)`` over annotators is compared with a system
  entity; country is right when the ISO alpha-3 codes match (CAMEO codes
  mapped by :data:`CAMEO_TO_ISO`), both ``None`` included; sector likewise.
  Two matchings are reported. *Role-bound* (``country``, ``sector``): the
  system's actor (for a source) or recipient (for a target) of that type in
  the sentence whose text shares the most words with the gold span, else
  the first one, else nothing. *Matched* (``country_matched``,
  ``sector_matched``): any participant of the system's events of that type,
  else any entity the system found, sharing the most words with the gold
  span; when nothing overlaps, the role-bound answer. The first scores the
  coder's role assignment, the second how the system codes the actor it
  found;
* speed: sentences per second through the whole pipeline.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from pathlib import Path

from marsad.errors import DataFileError
from marsad.events.forms import fold

GSR_TYPES = ("ASSAULT", "PROTEST")
#: CAMEO actor codes in the GSR that are not ISO 3166 alpha-3 countries, mapped
#: to what Marsad writes (None = no country). Source: CAMEO codebook v1.1b3,
#: actor codes appendix.
CAMEO_TO_ISO = {
    "IMG": None, "INT": None, "IGO": None, "NGO": None, "MNC": None, "UNK": None, "KUR": None,
    "ROM": "ROU", "DRC": "COD", "ZAR": "COD", "TMP": "TLS", "SER": "SRB", "BAG": None,
    "None": None, "": None,
}


def _iso(code: str | None) -> str | None:
    if code is None:
        return None
    return CAMEO_TO_ISO.get(code, code)


def read_gsr(directory: str, event_type: str, limit: int | None = None) -> list[dict]:
    """Read ``<type>_gsr.csv``; return ``{"id", "label", "text", "event_type"}`` records.

    Raises
    ------
    DataFileError
        If the file is missing or lacks the expected columns.
    """
    path = Path(directory) / f"{event_type.lower()}_gsr.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise DataFileError(f"[E420] {path}: cannot read GSR file: {exc.strerror or exc}") from exc
    need = {"id", "label", "text"}
    if rows and not need <= set(rows[0]):
        raise DataFileError(f"[E421] {path}: expected columns {sorted(need)}, got {sorted(rows[0])}")
    out = [{"id": r["id"], "label": r["label"].strip(), "text": r["text"], "event_type": event_type,
            "accept_share": _share(r.get("accept"), r.get("total"))} for r in rows]
    return out[:limit] if limit is not None else out


def _share(accept: str | None, total: str | None) -> float | None:
    try:
        return int(accept) / int(total) if int(total) else None
    except (TypeError, ValueError):
        return None


def read_spans(directory: str, event_type: str) -> dict[str, dict]:
    """Read ``<type>_spans.json``; return gold actors by sentence id.

    Returns
    -------
    dict of str to dict
        ``{"source": (main, role, words) or None, "target": ...}`` where
        ``(main, role)`` is the majority over annotators and ``words`` the
        folded words of the spans that voted for it.
    """
    path = Path(directory) / f"{event_type.lower()}_spans.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise DataFileError(f"[E422] {path}: invalid JSON: {exc}") from exc
    out = {}
    for rec in data:
        gold = {}
        for side in ("source", "target"):
            votes: Counter = Counter()
            words: dict[tuple, set] = {}
            for sp in rec.get("spans", []):
                role = sp.get(f"{side}_role")
                if not isinstance(role, dict) or "main" not in role:
                    continue
                key = (role.get("main"), role.get("role"))
                votes[key] += 1
                words.setdefault(key, set()).update(fold(w) for w in sp.get(f"{side}_actor", []))
            if votes:
                key = votes.most_common(1)[0][0]
                gold[side] = (key[0], key[1], words[key])
        out[rec["source"]] = gold
    return out


def _match(cands, gold_words: set):
    """The candidate sharing the most words with the gold span, else the first, else None."""
    best = _overlapping(cands, gold_words)
    if best is None and cands:
        best = cands[0]
    return best


def _overlapping(cands, gold_words: set):
    """The candidate sharing the most words with the gold span, or None when none shares one."""
    best, best_n = None, 0
    for e in cands:
        n = len({fold(w) for w in e.text.split()} & gold_words)
        if n > best_n:
            best, best_n = e, n
    return best


def evaluate_gsr(directory: str, limit: int | None = None, pipeline=None) -> dict:
    """Score the pipeline on a GSR folder.

    Parameters
    ----------
    directory : str
        Folder with ``assault_gsr.csv``/``protest_gsr.csv`` and optional
        ``*_spans.json``.
    limit : int, optional
        Read at most this many sentences per type.
    pipeline : Pipeline, optional
        Defaults to :func:`marsad.pipeline.default_pipeline`.

    Returns
    -------
    dict
        ``{"types": {TYPE: {"precision", "recall", "f1", "tp", "fp", "fn",
        "n", "ambiguous"}}, "actors": {"source"|"target"|"all": {"n",
        "country", "sector"}}, "sentences", "seconds",
        "sentences_per_second", "errors"}``.

    Raises
    ------
    DataFileError
        If the folder holds no GSR file.
    """
    from marsad.doc import Doc
    from marsad.pipeline import default_pipeline

    nlp = pipeline or default_pipeline()
    nlp.initialize()
    present = [t for t in GSR_TYPES if (Path(directory) / f"{t.lower()}_gsr.csv").is_file()]
    if not present:
        raise DataFileError(f"[E420] {directory}: no assault_gsr.csv or protest_gsr.csv")
    report: dict = {"types": {}, "actors": {}, "sentences": 0, "seconds": 0.0, "errors": 0}
    actor_tally = {s: Counter() for s in ("source", "target")}
    for etype in present:
        records = read_gsr(directory, etype, limit)
        spans = read_spans(directory, etype)
        tally = Counter()
        t0 = time.perf_counter()
        for rec in records:
            try:
                doc = nlp(Doc(rec["text"]))
            except Exception:  # noqa: BLE001 - a failing sentence counts as an error, the run goes on
                report["errors"] += 1
                doc = None
            events = [e for e in (doc.events if doc else []) if e.event_type == etype]
            predicted = any(e.status == "reported" for e in events)
            label = rec["label"]
            if label == "ambiguous":
                tally["ambiguous"] += 1
            else:
                gold = label == "yes"
                tally["tp" if predicted and gold else "fp" if predicted else "fn" if gold else "tn"] += 1
            for side, attr in (("source", "actor"), ("target", "recipient")):
                g = spans.get(rec["id"], {}).get(side)
                if g is None or label != "yes":
                    continue
                main, role, words = g
                sys_ent = _match([getattr(e, attr) for e in events if getattr(e, attr) is not None], words)
                parts = [x for e in events for x in (e.actor, e.recipient) if x is not None]
                found = _overlapping(parts, words) or _overlapping(doc.entities if doc else [], words) or sys_ent
                t = actor_tally[side]
                t["n"] += 1
                gold_sector = None if role in (None, "None") else role
                for suffix, ent in (("", sys_ent), ("_matched", found)):
                    t["country" + suffix] += _iso(main) == (ent.country if ent else None)
                    t["sector" + suffix] += gold_sector == (ent.sector if ent else None)
        report["seconds"] += time.perf_counter() - t0
        report["sentences"] += len(records)
        tp, fp, fn = tally["tp"], tally["fp"], tally["fn"]
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec_ = tp / (tp + fn) if tp + fn else 0.0
        report["types"][etype] = {
            "precision": round(prec, 3), "recall": round(rec_, 3),
            "f1": round(2 * prec * rec_ / (prec + rec_), 3) if prec + rec_ else 0.0,
            "tp": tp, "fp": fp, "fn": fn, "n": tp + fp + fn + tally["tn"], "ambiguous": tally["ambiguous"],
        }
    total = Counter()
    for side, t in actor_tally.items():
        total.update(t)
        report["actors"][side] = _shares(t)
    report["actors"]["all"] = _shares(total)
    report["seconds"] = round(report["seconds"], 2)
    report["sentences_per_second"] = round(report["sentences"] / report["seconds"], 1) if report["seconds"] else 0.0
    return report


def _shares(t: Counter) -> dict:
    n = t["n"]
    out = {"n": n}
    for key in ("country", "sector", "country_matched", "sector_matched"):
        out[key] = round(t[key] / n, 3) if n else 0.0
    return out


def format_gsr_report(report: dict) -> str:
    """Return the report of :func:`evaluate_gsr` as an aligned text table.

    Examples
    --------
    >>> r = {"types": {"ASSAULT": {"precision": 0.8, "recall": 0.7, "f1": 0.747, "tp": 7, "fp": 2,
    ...      "fn": 3, "n": 20, "ambiguous": 1}}, "actors": {"all": {"n": 4, "country": 0.75, "sector": 0.5}},
    ...      "sentences": 21, "seconds": 0.5, "sentences_per_second": 42.0, "errors": 0}
    >>> print(format_gsr_report(r).splitlines()[2])
    ASSAULT      0.800   0.700  0.747     7     2     3    20          1
    """
    lines = ["event detection (sentence level; ambiguous excluded)",
             f"{'type':<10} {'prec':>7} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'n':>5} {'ambiguous':>10}"]
    for etype, r in report["types"].items():
        lines.append(f"{etype:<10} {r['precision']:>7.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} {r['tp']:>5} "
                     f"{r['fp']:>5} {r['fn']:>5} {r['n']:>5} {r['ambiguous']:>10}")
    lines.append("")
    lines.append("actor coding (gold actors of 'yes' sentences; role-bound and matched, see docs/evaluation.md)")
    lines.append(f"{'actors':<10} {'n':>5} {'country':>8} {'sector':>7} {'country~':>9} {'sector~':>8}")
    for side, r in report["actors"].items():
        lines.append(f"{side:<10} {r['n']:>5} {r['country']:>8.3f} {r['sector']:>7.3f} "
                     f"{r.get('country_matched', 0.0):>9.3f} {r.get('sector_matched', 0.0):>8.3f}")
    lines.append("")
    lines.append(f"speed: {report['sentences']} sentences in {report['seconds']} s = "
                 f"{report['sentences_per_second']} sentences/s; errors: {report['errors']}")
    return "\n".join(lines)
