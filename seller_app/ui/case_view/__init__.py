"""The case view: one claim from filing to money received (`CaseView`)."""

from .view import CaseView

__all__ = ["CaseView"]
