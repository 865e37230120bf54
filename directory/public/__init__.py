"""The public blueprint: pages anyone can open without an account."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from . import card_slots, cards, contact, views  # noqa: F401  (routes register on import)
