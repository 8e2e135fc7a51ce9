"""The event lexicon: trigger entries and context markers, read from YAML.

The bundled file is ``marsad/events/data/lexicon.yaml``; a user file given
with ``--lexicon PATH`` is layered over it: an entry with a known ``id``
replaces the bundled one, a new ``id`` is added, and marker lists given by
the user replace the bundled lists of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from marsad.doc import EVENT_TYPES
from marsad.errors import DataFileError
from marsad.events.forms import fold, noun_forms, verb_forms
from marsad.events.ontology import MODES

ARG_STYLES = ("agent", "victim", "with", "intransitive")
MARKER_NAMES = (
    "reporting", "according", "opinion", "negation", "denial", "future",
    "conditional", "clause", "background", "not_trigger",
)
_ENTRY_KEYS = {"id", "type", "mode", "cameo", "verbs", "nouns", "forms", "verb_forms", "phrases", "near", "args",
               "weight"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger family of the lexicon.

    Parameters
    ----------
    id : str
        Stable name, written to ``Event.rule``.
    type : str
        PLOVER event type.
    mode : str or None
        PLOVER mode.
    cameo : str or None
        CAMEO root overriding the type's default.
    args : str
        One of :data:`ARG_STYLES`: how actor and recipient attach.
    weight : float
        Prior confidence that the word alone reports an event, 0 to 1.
    near : frozenset of str
        Folded words of which one must follow within four words; empty
        when the entry needs no context.
    """

    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    args: str = "agent"
    weight: float = 0.8
    near: frozenset = frozenset()


@dataclass(slots=True)
class Lexicon:
    """Compiled lookups of the event lexicon.

    Attributes
    ----------
    entries : dict of str to Entry
        By id.
    words : dict of str to list of (Entry, bool)
        Folded single-word form -> entries it triggers, with ``True`` when
        the form is a verb (used for argument order and tense).
    lemmas : dict of str to list of Entry
        Folded perfect 3ms of the ``verbs`` lists -> entries, matched
        against the language layer's lemmas.
    phrases : dict of str to list of (tuple of str, Entry)
        First folded word -> (whole folded phrase, entry), longest first.
    markers : dict of str to frozenset of str
        Marker list name -> folded words; multiword markers are kept in
        ``marker_phrases``.
    marker_phrases : dict of str to list of tuple of str
        Marker list name -> folded multiword markers.
    sources : list of str
        Files the lexicon was read from, bundled first.
    memo : dict
        Per-word answers :mod:`marsad.events.match` derives from the tables
        above (filled on first use; the tables must not change after it).
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    words: dict[str, list[tuple[Entry, bool]]] = field(default_factory=dict)
    lemmas: dict[str, list[Entry]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    markers: dict[str, frozenset] = field(default_factory=dict)
    marker_phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.entries)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records the line of each mapping as ``__line__``."""

    def construct_mapping(self, node, deep=False):
        """Build the mapping and add its 1-based line as ``__line__``."""
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _read_yaml(path: str, text: str) -> dict:
    """Parse ``text``; raise :class:`DataFileError` naming ``path`` and the line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise DataFileError(f"[E401] {path}:{line}: invalid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"[E401] {path}: invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(f"[E402] {path}: top level must be a mapping with 'entries' and/or 'markers'")
    return data


def _str_list(path: str, where: str, key: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"[E403] {path}:{where}: '{key}' must be a list of non-empty strings, got {value!r}")
    return value


def _parse_entry(path: str, raw: Any, index: int) -> tuple[Entry, dict[str, list[str]]]:
    """Validate one raw entry; return it and its word lists."""
    if not isinstance(raw, dict):
        raise DataFileError(f"[E403] {path}: entry {index} must be a mapping, got {raw!r}")
    line = raw.get("__line__", "?")
    eid = raw.get("id")
    where = f"{line} entry {eid or index!r}"
    if not isinstance(eid, str) or not eid:
        raise DataFileError(f"[E403] {path}:{where}: entry needs a string 'id'")
    unknown = set(raw) - _ENTRY_KEYS - {"__line__"}
    if unknown:
        raise DataFileError(f"[E403] {path}:{where}: unknown keys {sorted(unknown)}; allowed {sorted(_ENTRY_KEYS)}")
    etype = raw.get("type")
    if etype not in EVENT_TYPES:
        raise DataFileError(f"[E404] {path}:{where}: type must be one of {list(EVENT_TYPES)}, got {etype!r}")
    mode = raw.get("mode")
    if mode is not None and mode not in MODES.get(etype, ()):
        raise DataFileError(f"[E404] {path}:{where}: mode {mode!r} is not a PLOVER mode of {etype}; allowed {list(MODES.get(etype, ()))}")
    cameo = raw.get("cameo")
    if cameo is not None and not (isinstance(cameo, str) and cameo.isdigit() and 1 <= int(cameo) <= 20 and len(cameo) == 2):
        raise DataFileError(f"[E404] {path}:{where}: cameo must be a two-digit root '01'..'20', got {cameo!r}")
    args = raw.get("args", "agent")
    if args not in ARG_STYLES:
        raise DataFileError(f"[E404] {path}:{where}: args must be one of {list(ARG_STYLES)}, got {args!r}")
    weight = raw.get("weight", 0.8)
    if not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
        raise DataFileError(f"[E404] {path}:{where}: weight must be a number in [0, 1], got {weight!r}")
    lists = {k: _str_list(path, where, k, raw.get(k)) for k in ("verbs", "nouns", "forms", "verb_forms", "phrases", "near")}
    if not (lists["verbs"] or lists["nouns"] or lists["forms"] or lists["verb_forms"] or lists["phrases"]):
        raise DataFileError(f"[E403] {path}:{where}: entry has no verbs, nouns, forms, verb_forms or phrases")
    entry = Entry(eid, etype, mode, cameo, args, float(weight), frozenset(fold(w) for w in lists["near"]))
    return entry, lists


def _parse_markers(path: str, raw: Any) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DataFileError(f"[E405] {path}: 'markers' must be a mapping of list names to word lists")
    out = {}
    for name, words in raw.items():
        if name == "__line__":
            continue
        if name not in MARKER_NAMES:
            raise DataFileError(f"[E405] {path}:{raw.get('__line__', '?')}: unknown marker list {name!r}; allowed {list(MARKER_NAMES)}")
        out[name] = _str_list(path, f"markers.{name}", name, words)
    return out


def _compile(entries: dict[str, tuple[Entry, dict[str, list[str]]]], markers: dict[str, list[str]],
             sources: list[str]) -> Lexicon:
    """Build the lookup tables from validated entries and markers."""
    lex = Lexicon(sources=sources)
    for entry, lists in entries.values():
        lex.entries[entry.id] = entry
        keyed: dict[str, bool] = {}
        for noun in lists["nouns"]:
            if " " in noun:
                lists["phrases"].append(noun)
                continue
            for f in noun_forms(noun):
                keyed.setdefault(f, False)
        for f in lists["forms"]:
            keyed.setdefault(fold(f), False)
        for f in lists["verb_forms"]:
            keyed[fold(f)] = True
        for verb in lists["verbs"]:
            if " " in verb:
                lists["phrases"].append(verb)
                continue
            for f in verb_forms(verb):
                keyed[f] = True
            lex.lemmas.setdefault(fold(verb), []).append(entry)
        for f, is_verb in keyed.items():
            lex.words.setdefault(f, []).append((entry, is_verb))
        for phrase in lists["phrases"]:
            words = tuple(fold(w) for w in phrase.split())
            lex.phrases.setdefault(words[0], []).append((words, entry))
    for first in lex.phrases:
        lex.phrases[first].sort(key=lambda p: -len(p[0]))
    for name in MARKER_NAMES:
        words = markers.get(name, [])
        lex.markers[name] = frozenset(fold(w) for w in words if " " not in w)
        lex.marker_phrases[name] = [tuple(fold(x) for x in w.split()) for w in words if " " in w]
    return lex


def _layer(path: str, text: str, entries: dict, markers: dict) -> None:
    data = _read_yaml(path, text)
    unknown = set(data) - {"entries", "markers", "__line__", "version"}
    if unknown:
        raise DataFileError(f"[E402] {path}: unknown top-level keys {sorted(unknown)}; allowed ['entries', 'markers', 'version']")
    raw_entries = data.get("entries") or []
    if not isinstance(raw_entries, list):
        raise DataFileError(f"[E402] {path}: 'entries' must be a list")
    seen: set[str] = set()
    for i, raw in enumerate(raw_entries):
        entry, lists = _parse_entry(path, raw, i)
        if entry.id in seen:
            raise DataFileError(f"[E406] {path}:{raw.get('__line__', '?')}: duplicate entry id {entry.id!r}")
        seen.add(entry.id)
        entries[entry.id] = (entry, lists)
    markers.update(_parse_markers(path, data.get("markers")))


def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the bundled lexicon and layer an optional user file over it.

    Parameters
    ----------
    path : str, optional
        A user YAML file with ``entries`` (added, or replacing bundled
        entries with the same ``id``) and/or ``markers`` (replacing bundled
        lists of the same name).

    Returns
    -------
    Lexicon
        Compiled lookups.

    Raises
    ------
    DataFileError
        If a file is missing, is not valid YAML, or an entry is invalid; the
        message names the file, the line and entry, and the reason.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> [e.id for e, _ in lex.words["قصفت"]]
    ['assault.shelling']
    """
    entries: dict = {}
    markers: dict = {}
    bundled = resources.files("marsad.events").joinpath("data/lexicon.yaml")
    sources = [str(bundled)]
    _layer(str(bundled), bundled.read_text(encoding="utf-8"), entries, markers)
    if path is not None:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"[E400] {path}: cannot read lexicon: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise DataFileError(f"[E400] {path}: lexicon is not UTF-8 text") from exc
        _layer(str(p), text, entries, markers)
        sources.append(str(p))
    return _compile(entries, markers, sources)
