"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("ontvangst", __name__)


@bp.route("/ontvangst", methods=["GET"])
def inbox():  # placeholder
    abort(404)


@bp.route("/ontvangst/<int:aanmelding_id>", methods=["GET", "POST"])
def toon(aanmelding_id):  # placeholder
    abort(404)
