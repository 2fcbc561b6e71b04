"""Friendly Dutch error pages, as full pages and as htmx fragments. Logs carry no personal data."""
from __future__ import annotations

import logging

from flask import request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .htmx import render

log = logging.getLogger("vh")

MESSAGES = {
    400: ("Er ging iets mis met uw verzoek",
          "Het formulier kon niet verwerkt worden. Ga terug, laad de pagina opnieuw en probeer het nog eens."),
    403: ("U hebt geen toegang",
          "U mag dit niet doen of bekijken. Denkt u dat dit niet klopt? Neem contact op met de coördinator van het Veilig Huis."),
    404: ("Pagina niet gevonden",
          "Deze pagina bestaat niet, of u hebt er geen toegang toe. Controleer het adres of ga terug naar de startpagina."),
    405: ("Dit kan zo niet", "Deze actie is op deze manier niet mogelijk. Ga terug en gebruik de knoppen op de pagina."),
    413: ("Het bestand of de tekst is te groot",
          "Wat u verstuurde is groter dan toegestaan. Maak het kleiner en probeer opnieuw."),
    500: ("Er ging iets mis aan onze kant",
          "Er is een fout opgetreden. Wat u eerder opsloeg, is bewaard. Probeer het over enkele minuten opnieuw."),
}


def _page(code: int, detail: str | None = None):
    title, text = MESSAGES.get(code, MESSAGES[500 if code >= 500 else 400])
    return render("errors/error.html", "content", status=code, code=code, title=title,
                  text=detail or text)


def init_app(app) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error):
        return _page(400, "Uw formulier was verlopen of onvolledig beveiligd. Laad de pagina opnieuw en "
                          "probeer het nog eens; wat u eerder opsloeg, is bewaard.")

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        return _page(error.code or 500)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return _page(error.code or 500)
        # Only the type and the route: exception messages may quote dossier data.
        log.error("onverwachte fout %s op %s %s", type(error).__name__, request.method,
                  request.url_rule.rule if request.url_rule else "?")
        return _page(500)
