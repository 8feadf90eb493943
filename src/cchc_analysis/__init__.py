"""cchc-analysis: validate, score and report Vietnam PAR (CCHC) indicators."""

__version__ = "0.1.0"
