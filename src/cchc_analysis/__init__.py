"""cchc-analysis: validate, score and report Vietnam PAR (CCHC) indicators.

The front door, for analysts in JupyterLab::

    import cchc_analysis as cchc

    table = cchc.load_demo()                       # or cchc.read_table("my_table.xlsx")
    cchc.validate_table(table)                     # failures grouped by rule
    scores = cchc.score_table(table)               # as `cchc score` does, merger included
    cchc.province_profile(scores, "TP.HCM", 2025)       # a province in any spelling
    cchc.province_report(scores, "Thanh Hoá", 2025)     # its report, in the notebook

Every name is imported on first use, so ``import cchc_analysis`` stays light (no Great
Expectations, no Altair); ``cchc_analysis.api`` holds them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name → module that defines it (the front door; imported on first use)
_FRONT_DOOR = {
    "read_table": "api",
    "validate_table": "api",
    "load_demo": "api",
    "load_rubric": "api",
    "edit_rubric": "api",
    "score_table": "api",
    "compare_provinces": "api",
    "rank_changes": "api",
    "province_profile": "api",
    "rank_uncertainty": "api",
    "province_report": "api",
    "export_excel": "api",
    "enable_offline_charts": "display",
    "AnalysisError": "api",
}

__all__ = [
    "AnalysisError",
    "__version__",
    "compare_provinces",
    "edit_rubric",
    "enable_offline_charts",
    "export_excel",
    "load_demo",
    "load_rubric",
    "province_profile",
    "province_report",
    "rank_changes",
    "rank_uncertainty",
    "read_table",
    "score_table",
    "validate_table",
]

if TYPE_CHECKING:
    from cchc_analysis.api import (
        AnalysisError,
        compare_provinces,
        edit_rubric,
        export_excel,
        load_demo,
        load_rubric,
        province_profile,
        province_report,
        rank_changes,
        rank_uncertainty,
        read_table,
        score_table,
        validate_table,
    )
    from cchc_analysis.display import enable_offline_charts


def __getattr__(name: str) -> Any:
    module = _FRONT_DOOR.get(name)
    if module is None:
        raise AttributeError(f"module 'cchc_analysis' has no attribute {name!r}")
    value = getattr(import_module(f"cchc_analysis.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
