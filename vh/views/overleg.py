"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("overleg", __name__)


@bp.route("/overleggen", methods=["GET"])
def lijst():  # placeholder
    abort(404)


@bp.route("/overleggen/<int:overleg_id>", methods=["GET"])
def toon(overleg_id):  # placeholder
    abort(404)
