"""Inside a report worker that executes many provinces' reports one after the other.

``warm_up`` imports what the report notebook uses once (Polars, Altair, vl-convert and its
JavaScript engine) and records the state every report starts from; ``reset`` runs before each
report and returns the worker to that state: a new IPython session (empty user namespace,
history and output cache), the same working directory, environment, ``sys.path``, warning
filters, Altair renderer and theme, and the same globals in every ``cchc_analysis`` module.
Nothing here is imported outside a report worker (``cchc_analysis.reports.inprocess``).
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from typing import Any

_PACKAGE = "cchc_analysis"
_BASELINE: dict[str, Any] = {}
_TINY_CHART = {
    "data": {"values": [{"a": 1}]},
    "mark": "point",
    "encoding": {"x": {"field": "a", "type": "quantitative"}},
}


def _package_modules() -> dict[str, Any]:
    """Return the imported ``cchc_analysis`` modules by name (this one excepted)."""
    return {
        name: module
        for name, module in list(sys.modules.items())
        if (name == _PACKAGE or name.startswith(_PACKAGE + "."))
        and name != __name__
        and module is not None
    }


def _altair_state() -> tuple[str | None, dict[str, Any], str | None]:
    import altair as alt

    return alt.renderers.active, dict(alt.renderers.options), alt.theme.active


def snapshot() -> None:
    """Record the state every report starts from."""
    _BASELINE.clear()
    _BASELINE.update(
        cwd=os.getcwd(),
        environ=dict(os.environ),
        path=list(sys.path),
        warnings=list(warnings.filters),
        altair=_altair_state(),
        modules={name: dict(vars(m)) for name, m in _package_modules().items()},
    )


def warm_up() -> None:
    """Import the report's libraries, start vl-convert's engine with a tiny chart, and record
    the state every report starts from."""
    import altair
    import polars  # noqa: F401
    import vl_convert

    from cchc_analysis.reference import (
        catalogue,  # noqa: F401
        labels,  # noqa: F401
        registry,
    )
    from cchc_analysis.reports import charts  # noqa: F401
    from cchc_analysis.reports import sections as report  # noqa: F401
    from cchc_analysis.store import outputs  # noqa: F401

    # Altair validates every chart object as it is built and again when it is converted; the
    # report's charts are validated by the test suite, so 34 reports need not pay it twice.
    altair.utils.schemapi.disable_debug_mode()
    vl_convert.vegalite_to_svg(_TINY_CHART)
    registry.provinces("34")
    _warm_report()
    snapshot()
    # What is loaded now lives as long as the worker: move it out of the garbage collector's
    # sight, so the collections during a report (and the one each new session runs) look
    # only at that report's objects (~70 ms a report).
    gc.freeze()


WARM_ENV = "CCHC_WARM_REPORT"  # "<processed dir>|<year>|<lang>", set by the batch


def _warm_report() -> None:
    """Build one report of the batch (``CCHC_WARM_REPORT``) and throw it away: the scoring
    modules are imported, the previous year's domains scored, and the charts every report
    draws alike converted (all memoised on their inputs) before the first real report. A
    failure here is left for the real report to show."""
    import os

    from cchc_analysis.reports import sections as report
    from cchc_analysis.reports.processed import read_processed

    wanted = os.environ.get(WARM_ENV, "")
    if wanted.count("|") != 2:
        return
    folder, year, lang = wanted.split("|")
    try:
        tables, _ = read_processed(folder, year)
        first = tables["totals"].filter(tables["totals"]["period"] == year)["province_code"]
        view = report.load_report_view(folder, str(first[0]), int(year), lang)
        for section in report.SECTIONS:
            getattr(report, section)(view)
    except Exception:
        return


def _restore_module(name: str, module: Any, saved: dict[str, Any]) -> list[str]:
    """Put a module's globals back as saved; return the names that had changed."""
    current = vars(module)
    changed = [k for k in current if k not in saved or current[k] is not saved[k]]
    changed += [k for k in saved if k not in current]
    changed = [k for k in changed if not k.startswith("__")]  # __warningregistry__ and kin
    for key in changed:
        if key in saved:
            current[key] = saved[key]
        else:
            del current[key]
    return [f"{name}.{key}" for key in changed]


def reset() -> list[str]:
    """Start a new IPython session with an empty namespace and restore the recorded state;
    return what a previous report had changed outside its namespace (empty when nothing)."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.reset(new_session=True)
    if not _BASELINE:
        warm_up()
        return []
    leaks: list[str] = []
    if os.getcwd() != _BASELINE["cwd"]:
        leaks.append("os.getcwd()")
        os.chdir(_BASELINE["cwd"])
    if dict(os.environ) != _BASELINE["environ"]:
        leaks.append("os.environ")
        os.environ.clear()
        os.environ.update(_BASELINE["environ"])
    if sys.path != _BASELINE["path"]:
        leaks.append("sys.path")
        sys.path[:] = _BASELINE["path"]
    if warnings.filters != _BASELINE["warnings"]:
        leaks.append("warnings.filters")
        warnings.filters[:] = _BASELINE["warnings"]  # type: ignore[index]
    _restore_altair(_BASELINE["altair"])  # every report enables its own renderer: not a leak
    for name, module in _package_modules().items():
        saved = _BASELINE["modules"].setdefault(name, dict(vars(module)))
        leaks += _restore_module(name, module, saved)
    return leaks


def _restore_altair(saved: tuple[str | None, dict[str, Any], str | None]) -> None:
    import altair as alt

    if _altair_state() == saved:
        return
    renderer, options, theme = saved
    if renderer is not None:
        alt.renderers.enable(renderer, **options)
    if theme is not None:
        alt.theme.enable(theme)
