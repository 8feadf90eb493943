"""The uncertainty spec: which inputs of a rubric are uncertain and how much, declared as
data next to the rubric (``rubrics/<rubric id>.uncertainty.yaml``), read, checked and
switched on or off."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cchc_analysis.scoring.rubric import (
    MissingPolicy,
    schema_error_message,
)

SOURCES = ("weights", "thresholds", "survey", "appraisal", "missing")
RUNS_DEFAULT = 1_000
RUNS_PUBLICATION = 4_000
DEFAULT_SEED = 20250701
LEVEL = 0.90  # the rank interval runs from the 5th to the 95th percentile
SPEC_SUFFIX = ".uncertainty.yaml"


class UncertaintyError(ValueError):
    """An uncertainty file that breaks the schema or does not fit its rubric."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WeightsSource(_Strict):
    """Domain weights: each domain's points × U(1 − range, 1 + range), or a Dirichlet around
    the official points (larger concentration = closer); renormalised to the same total."""

    enabled: bool = True
    method: Literal["range", "dirichlet"]
    range: float | None = Field(default=None, gt=0, lt=1)
    concentration: float | None = Field(default=None, gt=0)
    note: str = ""

    @model_validator(mode="after")
    def _parameter(self) -> WeightsSource:
        if self.method == "range" and self.range is None:
            raise ValueError("method 'range' needs 'range' (e.g. 0.25 for ±25 %)")
        if self.method == "dirichlet" and self.concentration is None:
            raise ValueError("method 'dirichlet' needs 'concentration' (e.g. 400)")
        return self


class ThresholdsSource(_Strict):
    """Thresholds shifted by U(−shift, +shift) in the measure's unit: a linear or survey rule's
    floor and target independently, a threshold_bands rule's minima together."""

    enabled: bool = True
    shift: float = Field(ge=0)
    by_criterion: dict[str, float] = {}
    note: str = ""


class SurveyError(_Strict):
    """Sampling error of one measure: a standard error in the measure's unit, or (percent
    measures) a sample size and design effect: se = 100·√(p(1 − p)·deff / n)."""

    standard_error: float | None = Field(default=None, ge=0)
    sample_size: int | None = Field(default=None, gt=0)
    design_effect: float = Field(default=1.0, gt=0)

    @model_validator(mode="after")
    def _one_of(self) -> SurveyError:
        if (self.standard_error is None) == (self.sample_size is None):
            raise ValueError("give exactly one of 'standard_error' or 'sample_size'")
        return self


class SurveySource(_Strict):
    """Survey scores: measure + Normal(0, se) per province, clipped to 0–100 for percentages."""

    enabled: bool = True
    criteria: dict[str, SurveyError] = Field(min_length=1)
    note: str = ""


class AppraisalSource(_Strict):
    """The ministry's correction of self-assessed points, as a distribution added to the
    points of direct_points criteria (``relative``: as a share of the points)."""

    enabled: bool = True
    criteria: list[str] | Literal["all"] = "all"
    distribution: Literal["normal", "uniform", "triangular"] = "normal"
    mean: float = 0.0
    sd: float | None = Field(default=None, ge=0)
    low: float | None = None
    high: float | None = None
    mode: float | None = None
    relative: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _parameters(self) -> AppraisalSource:
        if self.distribution == "normal" and self.sd is None:
            raise ValueError("distribution 'normal' needs 'sd' (and optionally 'mean')")
        if self.distribution != "normal":
            if self.low is None or self.high is None or not self.low < self.high:
                raise ValueError(f"distribution {self.distribution!r} needs low < high")
            if self.distribution == "triangular" and not (
                self.mode is not None and self.low <= self.mode <= self.high
            ):
                raise ValueError("distribution 'triangular' needs low ≤ mode ≤ high")
        return self


class MissingSource(_Strict):
    """The missing-data policy: each replication applies one of the alternatives, drawn with
    equal probability, to every criterion."""

    enabled: bool = True
    alternatives: list[MissingPolicy] = Field(min_length=1)
    note: str = ""


class Sources(_Strict):
    weights: WeightsSource | None = None
    thresholds: ThresholdsSource | None = None
    survey: SurveySource | None = None
    appraisal: AppraisalSource | None = None
    missing: MissingSource | None = None


class UncertaintySpec(_Strict):
    """The uncertain inputs of one rubric; a source absent or ``enabled: false`` is off."""

    rubric: str
    version: str
    note: str = ""
    sources: Sources = Sources()


def parse_spec(text: str, source: str = "<uncertainty>") -> UncertaintySpec:
    """Return the UncertaintySpec a YAML text describes, or raise UncertaintyError naming the
    broken key."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UncertaintyError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UncertaintyError(f"{source}: a mapping with keys rubric, version, sources")
    try:
        return UncertaintySpec.model_validate(data)
    except ValidationError as exc:
        raise UncertaintyError(schema_error_message(source, exc, "uncertainty file")) from None


def spec_path(methodology: str) -> Path:
    """Return where the uncertainty file of a methodology is: ``<rubric>.uncertainty.yaml``
    beside a rubric YAML path, or in the bundled rubrics folder."""
    path = Path(methodology)
    if path.suffix in {".yaml", ".yml"}:
        return path.with_name(path.stem + SPEC_SUFFIX)
    return Path(str(resources.files("cchc_analysis") / "rubrics" / f"{methodology}{SPEC_SUFFIX}"))


def read_spec(path: Path | str) -> UncertaintySpec:
    """Return the uncertainty spec in a YAML file."""
    path = Path(path)
    if not path.is_file():
        raise UncertaintyError(f"no uncertainty file {path}")
    return parse_spec(path.read_text(encoding="utf-8"), str(path))


@cache
def load_spec(methodology: str) -> UncertaintySpec:
    """Return the uncertainty spec of a methodology: a bundled rubric id
    (``par-index-illustrative``) or a rubric YAML path (its ``.uncertainty.yaml`` sibling)."""
    path = spec_path(methodology)
    if not path.is_file():
        raise UncertaintyError(
            f"no uncertainty file for {methodology!r}: expected {path} "
            "(write one beside the rubric, or pass its path)"
        )
    return read_spec(path)


def enabled_sources(spec: UncertaintySpec) -> list[str]:
    """Return the names of the sources switched on, in SOURCES order."""
    return [
        name for name in SOURCES if (cfg := getattr(spec.sources, name)) is not None and cfg.enabled
    ]


def select_sources(spec: UncertaintySpec, names: Iterable[str] | str | None) -> UncertaintySpec:
    """Return ``spec`` with exactly ``names`` switched on (a list, or ``'a,b'``, ``'all'`` for
    every configured source, ``'none'``); None leaves the file's switches as they are."""
    if names is None:
        return spec
    if isinstance(names, str):
        names = [] if names.strip() == "none" else [n.strip() for n in names.split(",") if n]
    wanted = set(names)
    configured = [name for name in SOURCES if getattr(spec.sources, name) is not None]
    if wanted == {"all"}:
        wanted = set(configured)
    unknown = wanted - set(SOURCES)
    if unknown:
        raise UncertaintyError(f"unknown source(s) {sorted(unknown)}: choose from {SOURCES}")
    absent = wanted - set(configured)
    if absent:
        raise UncertaintyError(
            f"source(s) {sorted(absent)} have no settings in the uncertainty file "
            f"of {spec.rubric} (configured: {configured})"
        )
    updates = {
        name: getattr(spec.sources, name).model_copy(update={"enabled": name in wanted})
        for name in configured
    }
    return spec.model_copy(update={"sources": spec.sources.model_copy(update=updates)})
