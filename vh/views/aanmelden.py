"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("aanmelden", __name__)


@bp.route("/aanmelden", methods=["GET", "POST"])
def start():  # placeholder
    abort(404)


@bp.route("/aanmeldingen", methods=["GET"])
def mijn():  # placeholder
    abort(404)


@bp.route("/aanmelden/<int:aanmelding_id>/<stap>", methods=["GET", "POST"])
def stap(aanmelding_id, stap):  # placeholder
    abort(404)
