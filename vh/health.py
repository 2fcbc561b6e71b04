"""/health for a load balancer: is the database reachable and the schema current? No data, no
login, not audited; 200 when this node can serve, 503 (with the reason) when it cannot."""
from __future__ import annotations

from flask import Blueprint, jsonify
from peewee import PeeweeException

from vh import migrations
from vh.db import db

bp = Blueprint("health", __name__)


@bp.route("/health")
def health():
    try:
        db.execute_sql("SELECT 1")
        open_ = migrations.pending()
    except PeeweeException:
        return jsonify(status="fout", reden="database niet bereikbaar"), 503
    if open_:
        return jsonify(status="fout", reden="migraties niet toegepast", migraties=len(open_)), 503
    return jsonify(status="ok")
