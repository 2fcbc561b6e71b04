"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("besluit", __name__)


@bp.route("/dossiers/<int:dossier_id>/besluit", methods=["GET", "POST"])
def nemen(dossier_id):  # placeholder
    abort(404)
