"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("parket", __name__)


@bp.route("/parket", methods=["GET"])
def lijst():  # placeholder
    abort(404)


@bp.route("/parket/<int:check_id>", methods=["GET", "POST"])
def toon(check_id):  # placeholder
    abort(404)
