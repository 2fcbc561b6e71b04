"""Static files under content-hashed names, compressed once, cached for a year.

`url_for('static', filename='app.css')` builds `/static/app.3f2a9c1b7d.css`: the name changes
when the content does, so the browser may keep it forever (`immutable`) and never revalidates.
The files are read and compressed (brotli, gzip) once at start-up and served from memory; the
plain name (`/static/app.css`) still works, revalidated as Flask does by default.

Responses of the app itself (HTML, JSON, CSV) are compressed per response by flask-compress.
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

import brotli
from flask import Flask, Response, request

JAAR = 365 * 24 * 3600
TEKST = ("text/", "application/javascript", "image/svg+xml", "application/json")


@dataclass(frozen=True)
class Bestand:
    mimetype: str
    etag: str
    inhoud: dict[str, bytes]  # encoding ("identity", "br", "gzip") → body


def _lees(pad: Path) -> Bestand:
    data = pad.read_bytes()
    mimetype = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
    inhoud = {"identity": data}
    if mimetype.startswith(TEKST) and len(data) > 500:
        inhoud["br"] = brotli.compress(data, quality=11)
        inhoud["gzip"] = gzip.compress(data, compresslevel=9, mtime=0)
    return Bestand(mimetype, hashlib.sha256(data).hexdigest()[:16], inhoud)


def gehashte_naam(naam: str, data: bytes) -> str:
    """'app.css' → 'app.<10 hex digits of its sha256>.css'."""
    stam, punt, ext = naam.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{stam}.{digest}.{ext}" if punt else f"{naam}.{digest}"


def init_app(app: Flask) -> None:
    map_ = Path(app.static_folder)
    namen: dict[str, str] = {}  # app.css → app.<hash>.css
    bestanden: dict[str, Bestand] = {}  # app.<hash>.css → its bytes
    for pad in sorted(p for p in map_.rglob("*") if p.is_file()):
        naam = pad.relative_to(map_).as_posix()
        gehasht = gehashte_naam(naam, pad.read_bytes())
        namen[naam] = gehasht
        bestanden[gehasht] = _lees(pad)

    @app.url_defaults
    def _gehashte_url(endpoint, values):
        if endpoint == "static" and values.get("filename") in namen:
            values["filename"] = namen[values["filename"]]

    gewoon = app.view_functions["static"]

    def statisch(filename: str):
        bestand = bestanden.get(filename)
        if bestand is None:  # a plain name, or an old hash after an upgrade
            return gewoon(filename=filename)
        encoding = request.accept_encodings.best_match([e for e in ("br", "gzip") if e in bestand.inhoud])
        encoding = encoding or "identity"
        response = Response(bestand.inhoud[encoding], mimetype=bestand.mimetype)
        if encoding != "identity":
            response.headers["Content-Encoding"] = encoding
        response.headers["Cache-Control"] = f"public, max-age={JAAR}, immutable"
        response.headers["Vary"] = "Accept-Encoding"
        response.set_etag(f"{bestand.etag}-{encoding}")
        return response.make_conditional(request)

    app.view_functions["static"] = statisch
