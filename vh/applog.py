"""Application logs as one JSON object per line (VH_LOG_FORMAT=json, the default in production)
or as plain text (development). A record carries the time, level, logger, message and, inside a
request, its method, route pattern (`/dossiers/<int:dossier_id>`, never the filled-in path or
query string) and the user's id: never names, e-mail addresses or free text. Callers log fixed
Dutch messages with ids only (see vh/errors.py)."""
from __future__ import annotations

import json
import logging

from flask import has_request_context, request


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        regel = {"tijd": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"), "niveau": record.levelname,
                 "logger": record.name, "bericht": record.getMessage()}
        if has_request_context():
            from flask_login import current_user
            regel["methode"] = request.method
            regel["route"] = request.url_rule.rule if request.url_rule else None
            regel["gebruiker"] = current_user.get_id() if current_user else None
        if record.exc_info:  # the type only: a traceback may quote dossier data
            regel["fout"] = record.exc_info[0].__name__
        return json.dumps(regel, ensure_ascii=False)


def init(formaat: str) -> None:
    """Log to stderr in `formaat` ("json" or plain text), unless logging is already set up (as
    under pytest, or by an embedding server)."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if formaat == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
