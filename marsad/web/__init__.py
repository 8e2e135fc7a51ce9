"""Marsad's dashboard and HTTP API (``marsad serve``).

:func:`create_app` builds the FastAPI application for one DuckDB store;
:func:`serve` runs it with uvicorn. See ``docs/dashboard.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(db_path: str) -> "FastAPI":
    """Return the dashboard and API application reading the store at ``db_path``.

    Parameters
    ----------
    db_path : str
        DuckDB file written by ``marsad code``; it may be written to while
        the app serves it (see :mod:`marsad.web.db`).

    Returns
    -------
    fastapi.FastAPI
    """
    from marsad.web.app import create_app as _create_app

    return _create_app(str(db_path))


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the dashboard at ``http://host:port/`` until interrupted.

    Parameters
    ----------
    db_path : str
        DuckDB store to explore.
    host : str, default "127.0.0.1"
        Interface to listen on; only loopback by default.
    port : int, default 8000
        TCP port.
    """
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")
