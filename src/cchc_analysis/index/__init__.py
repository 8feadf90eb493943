"""The index builder: a composite indicator declared as data (a YAML spec), built step by step
after the JRC/OECD method, with its uncertainty and an audit report.

Typical use in a notebook::

    from cchc_analysis import index
    spec = index.load_spec("my_index.yaml")
    built = index.build_index(spec, "my_data.csv")     # every level's scores and ranks
    index.level_frame(built, 2)                         # one level as a table
    mc = index.monte_carlo(built, spec.uncertainty)     # rank intervals
    index.write_audit(built, "out/audit.html", mc)      # the offline audit report

Submodules by step: ``spec`` (the schema), ``data``, ``impute``, ``treat``, ``normalise``,
``multivariate``, ``weights``, ``aggregate``, ``build``, ``montecarlo``, ``sensitivity``
(SALib), ``tables``, ``io``, ``audit``, ``cli``. Attributes load lazily, so ``cchc --help``
does not import NumPy or SciPy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cchc_analysis.index.api import build_index as build_index
    from cchc_analysis.index.api import load_data as load_data
    from cchc_analysis.index.api import load_spec as load_spec
    from cchc_analysis.index.audit import audit_html as audit_html
    from cchc_analysis.index.audit import write_audit as write_audit
    from cchc_analysis.index.montecarlo import monte_carlo as monte_carlo
    from cchc_analysis.index.montecarlo import parameters_frame as parameters_frame
    from cchc_analysis.index.montecarlo import rank_stats as rank_stats
    from cchc_analysis.index.tables import level_frame as level_frame
    from cchc_analysis.index.tables import scores_long as scores_long

_WHERE = {
    "build_index": "api",
    "load_data": "api",
    "load_spec": "api",
    "audit_html": "audit",
    "write_audit": "audit",
    "monte_carlo": "montecarlo",
    "parameters_frame": "montecarlo",
    "rank_stats": "montecarlo",
    "level_frame": "tables",
    "scores_long": "tables",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"cchc_analysis.index.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'cchc_analysis.index' has no attribute {name!r}")
