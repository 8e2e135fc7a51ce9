"""Real output validates against marsad/contract.schema.json, spans point into the text."""

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from marsad.io import iter_docs
from marsad.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads(resources.files("marsad").joinpath("contract.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def real_records(shared_data):
    """The seed article and the bundled examples, read and coded by the real pipeline."""
    nlp = default_pipeline()
    inputs = [str(shared_data / "seed" / "article-2015-11-21.txt"), str(ROOT / "examples")]
    return [nlp(doc).to_record() for doc in iter_docs(inputs)]


def _spans(record):
    """Yield (where, span) for every span-shaped object in a record."""
    for kind in ("entities", "places", "times"):
        for i, obj in enumerate(record[kind]):
            yield f"{kind}[{i}]", obj
    for i, ev in enumerate(record["events"]):
        for key in ("trigger", "sentence", "actor", "recipient", "location", "attributed_to"):
            if ev.get(key):
                yield f"events[{i}].{key}", ev[key]
        for j, m in enumerate(ev.get("mentions") or []):
            yield f"events[{i}].mentions[{j}]", m


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_real_output_follows_the_contract(real_records):
    assert len(real_records) >= 4      # the seed and at least three examples
    problems = [f"{r['doc_id']}: {'/'.join(map(str, e.path))}: {e.message}"
                for r in real_records for e in VALIDATOR.iter_errors(r)]
    assert problems == []


def test_every_span_is_its_text_slice(real_records):
    bad = []
    for r in real_records:
        text = r["text"]
        for where, span in _spans(r):
            if not (0 <= span["start"] <= span["end"] <= len(text)) or text[span["start"]:span["end"]] != span["text"]:
                bad.append(f"{r['doc_id']} {where}: {span['text']!r} at {span['start']}:{span['end']}")
        for s in r["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
    assert bad == []


def test_seed_record_has_clean_title_date_and_both_key_events(real_records):
    seed = next(r for r in real_records if r["published"] and r["published"].startswith("2015"))
    assert seed["published"] == "2015-11-21T21:59:00"
    assert "طباعة" not in seed["title"] and "طباعة" not in seed["text"]
    assert any(e["event_type"] == "CONSULT" and e["status"] == "planned"
               and (e["location"] or {}).get("name_en") == "Tehran" for e in seed["events"])
    assert any(e["event_type"] == "ASSAULT" and (e["location"] or {}).get("name_en") == "Eastern Ghouta"
               for e in seed["events"])


def test_ids_are_stable_and_event_ids_belong_to_their_article(real_records):
    from marsad.doc import make_doc_id

    for r in real_records:
        assert r["doc_id"] == make_doc_id(r["text"])
        assert all(e["event_id"].startswith(r["doc_id"] + "-") for e in r["events"])


def test_the_schema_rejects_what_the_contract_forbids(real_records):
    record = json.loads(json.dumps(next(r for r in real_records if r["events"])))
    record["events"][0]["event_type"] = "WAR"
    record["entities"][0]["country"] = "Syria"
    messages = {e.message for e in VALIDATOR.iter_errors(record)}
    assert any("'WAR'" in m for m in messages) and any("'Syria'" in m for m in messages)
