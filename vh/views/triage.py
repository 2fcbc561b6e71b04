"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("triage", __name__)


@bp.route("/triage", methods=["GET"])
def board():  # placeholder
    abort(404)
