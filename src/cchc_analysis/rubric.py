"""Rubrics as versioned YAML: the schema, the loader and the checks that name the broken key."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cchc_analysis.catalogue import indicator_ids, terms


class RubricError(ValueError):
    """A rubric file that breaks the schema; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ratio(_Strict):
    numerator: str  # indicator ids joined by '+'
    denominator: str


class Measure(_Strict):
    """What a criterion measures: one indicator's value, or a ratio in percent."""

    indicator: str | None = None
    ratio: Ratio | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Measure:
        if (self.indicator is None) == (self.ratio is None):
            raise ValueError("give exactly one of 'indicator' or 'ratio'")
        return self

    def inputs(self) -> list[str]:
        """Return the indicator ids this measure reads."""
        if self.indicator:
            return [self.indicator]
        assert self.ratio is not None
        return [*terms(self.ratio.numerator), *terms(self.ratio.denominator)]


class Linear(_Strict):
    floor: float  # 0 points at (or beyond) the floor
    target: float  # full points at (or beyond) the target; floor > target means lower is better

    @model_validator(mode="after")
    def _distinct(self) -> Linear:
        if self.floor == self.target:
            raise ValueError("floor and target must differ")
        return self


class Band(_Strict):
    min: float
    points: float = Field(ge=0)


class Rule(_Strict):
    """Exactly one scoring rule."""

    linear: Linear | None = None
    threshold_bands: list[Band] | None = None
    boolean: bool | None = None
    direct_points: bool | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Rule:
        given = [
            name
            for name in ("linear", "threshold_bands", "boolean", "direct_points")
            if getattr(self, name) is not None
        ]
        if len(given) != 1:
            raise ValueError(f"give exactly one rule type, got {given or 'none'}")
        if self.threshold_bands is not None:
            mins = [band.min for band in self.threshold_bands]
            if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
                raise ValueError("threshold_bands must be listed from the highest 'min' down")
        return self

    @property
    def kind(self) -> str:
        """Return the rule type's name."""
        for name in ("linear", "threshold_bands", "boolean", "direct_points"):
            if getattr(self, name) is not None:
                return name
        raise AssertionError("unreachable")


class Criterion(_Strict):
    id: str
    label_vi: str
    label_en: str
    max_points: float = Field(gt=0)
    measure: Measure
    rule: Rule
    missing: Literal["zero"] | None = None  # more policies come with the scoring engine


class Domain(_Strict):
    id: str
    label_vi: str
    label_en: str
    max_points: float = Field(gt=0)
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _points_add_up(self) -> Domain:
        total = sum(c.max_points for c in self.criteria)
        if abs(total - self.max_points) > 1e-9:
            raise ValueError(f"criteria max_points add up to {total}, not {self.max_points}")
        return self


class GradeBand(_Strict):
    grade: str
    min: float


class GradeBands(_Strict):
    from_year: int
    source: str
    bands: list[GradeBand] = Field(min_length=1)


class Defaults(_Strict):
    missing: Literal["zero"] = "zero"


class Rubric(_Strict):
    id: str
    version: str
    status: Literal["official", "illustrative"]
    title_vi: str
    title_en: str
    disclaimer_vi: str = ""
    disclaimer_en: str = ""
    grade_bands: list[GradeBands] = Field(min_length=1)
    defaults: Defaults = Defaults()
    domains: list[Domain] = Field(min_length=1)

    @property
    def max_points(self) -> float:
        """Return the rubric's total maximum points."""
        return sum(domain.max_points for domain in self.domains)

    def criteria(self) -> list[tuple[Domain, Criterion]]:
        """Return every (domain, criterion) pair in rubric order."""
        return [(domain, criterion) for domain in self.domains for criterion in domain.criteria]

    def bands_for(self, year: int) -> list[GradeBand]:
        """Return the grade bands in force for ``year`` (the latest ``from_year`` ≤ year)."""
        eligible = [gb for gb in self.grade_bands if gb.from_year <= year]
        chosen = (
            max(eligible, key=lambda gb: gb.from_year)
            if eligible
            else min(self.grade_bands, key=lambda gb: gb.from_year)
        )
        return sorted(chosen.bands, key=lambda band: band.min, reverse=True)


def _check_indicators(rubric: Rubric, source: str) -> None:
    known = set(indicator_ids())
    for domain, criterion in rubric.criteria():
        unknown = [i for i in criterion.measure.inputs() if i not in known]
        if unknown:
            raise RubricError(
                f"{source}: domains[{domain.id}].criteria[{criterion.id}].measure names "
                f"indicator(s) not in the catalogue: {unknown}"
            )


def _format_error(source: str, error: ValidationError) -> str:
    lines = [f"{source}: the rubric breaks the schema"]
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"])
        lines.append(f"  - {key or '(top level)'}: {item['msg']}")
    return "\n".join(lines)


def parse_rubric(text: str, source: str = "<rubric>") -> Rubric:
    """Return the Rubric a YAML text describes, or raise RubricError naming the broken key."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RubricError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RubricError(f"{source}: a rubric is a mapping with keys id, version, domains, ...")
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        raise RubricError(_format_error(source, exc)) from None
    _check_indicators(rubric, source)
    return rubric


def bundled_rubrics() -> list[str]:
    """Return the ids of the rubrics shipped with the package."""
    folder = resources.files("cchc_analysis") / "rubrics"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


@cache
def load_rubric(name_or_path: str) -> Rubric:
    """Return a bundled rubric by id (``par-index-illustrative``) or one read from a YAML path."""
    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} and path.exists():
        return parse_rubric(path.read_text(encoding="utf-8"), str(path))
    bundled = resources.files("cchc_analysis") / "rubrics" / f"{name_or_path}.yaml"
    if not bundled.is_file():
        raise RubricError(
            f"no rubric {name_or_path!r}: bundled ones are {bundled_rubrics()}, "
            "or give the path of a .yaml file"
        )
    return parse_rubric(bundled.read_text(encoding="utf-8"), f"rubrics/{name_or_path}.yaml")


def rubric_text(name_or_path: str) -> str:
    """Return the YAML text of a rubric (for hashing into provenance)."""
    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} and path.exists():
        return path.read_text(encoding="utf-8")
    return (resources.files("cchc_analysis") / "rubrics" / f"{name_or_path}.yaml").read_text(
        encoding="utf-8"
    )
