"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("dossiers", __name__)


@bp.route("/dossiers", methods=["GET"])
def lijst():  # placeholder
    abort(404)


@bp.route("/dossiers/<int:dossier_id>", methods=["GET"])
def toon(dossier_id):  # placeholder
    abort(404)
