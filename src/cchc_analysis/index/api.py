"""The notebook API of the index builder: load a spec, load data, build."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from cchc_analysis.index.build import Build, build, plan_of
from cchc_analysis.index.data import IndexData, from_frame, read_data
from cchc_analysis.index.spec import IndexSpec, read_spec


def load_spec(spec: IndexSpec | Path | str) -> IndexSpec:
    """Return the spec (read and checked when given a path)."""
    return spec if isinstance(spec, IndexSpec) else read_spec(spec)


def load_data(spec: IndexSpec, data: IndexData | pl.DataFrame | Path | str) -> IndexData:
    """Return the data of the index from a file, a frame or as given."""
    if isinstance(data, IndexData):
        return data
    if isinstance(data, pl.DataFrame):
        return from_frame(data, spec)
    return read_data(data, spec)


def build_index(spec: IndexSpec | Path | str, data: IndexData | pl.DataFrame | Path | str) -> Build:
    """Return the nominal build of every period: each step's matrices, every node's scores and
    ranks (see ``tables`` for them as frames)."""
    checked = load_spec(spec)
    return build(load_data(checked, data), plan_of(checked))
