"""Rubrics as versioned YAML: the schema, the loader and the checks that name the broken key."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cchc_analysis.reference.catalogue import indicator_ids, terms


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


class Survey(Linear):
    """A satisfaction percentage scored linearly between a floor and a target (in %)."""

    @model_validator(mode="after")
    def _percent(self) -> Survey:
        if not (0 <= self.floor <= 100 and 0 <= self.target <= 100):
            raise ValueError("survey floor and target are percentages (0–100)")
        return self


class Band(_Strict):
    min: float
    points: float = Field(ge=0)


RULE_TYPES = ("linear", "threshold_bands", "boolean", "direct_points", "survey")


class Rule(_Strict):
    """Exactly one scoring rule."""

    linear: Linear | None = None
    threshold_bands: list[Band] | None = None
    boolean: bool | None = None
    direct_points: bool | None = None
    survey: Survey | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Rule:
        given = [name for name in RULE_TYPES if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                f"give exactly one rule type of {list(RULE_TYPES)}, got {given or 'none'}"
            )
        if self.threshold_bands is not None:
            mins = [band.min for band in self.threshold_bands]
            if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
                raise ValueError("threshold_bands must be listed from the highest 'min' down")
        return self

    @property
    def kind(self) -> str:
        """Return the rule type's name."""
        return next(name for name in RULE_TYPES if getattr(self, name) is not None)

    @property
    def line(self) -> Linear | None:
        """Return the floor/target of a linear or survey rule."""
        return self.linear or self.survey


MissingPolicy = Literal["zero", "impute_median", "exclude"]
MISSING_POLICIES = ("zero", "impute_median", "exclude")


def _years_or_static(years: list[int]) -> list[int | None]:
    """Return the years at which maxima change, or [None] (the static maximum) when none do."""
    return list(years) if years else [None]


def _value_by_year(points: dict[int, float], year: int) -> float:
    eligible = [y for y in points if y <= year]
    return points[max(eligible)] if eligible else points[min(points)]


class Criterion(_Strict):
    """A leaf (``measure`` and ``rule``) or a group of criteria (``criteria``), any depth."""

    id: str
    label_vi: str
    label_en: str
    max_points: float | None = Field(default=None, gt=0)
    max_points_by_year: dict[int, float] | None = None  # {from_year: points}, e.g. PCI weights
    measure: Measure | None = None
    rule: Rule | None = None
    missing: MissingPolicy | None = None
    criteria: list[Criterion] | None = None
    # where each number comes from: {max_points|measure|rule: citation, or "assumed: why"}
    sources: dict[str, str] | None = None

    @model_validator(mode="after")
    def _leaf_or_group(self) -> Criterion:
        if self.criteria is not None:
            if self.measure is not None or self.rule is not None:
                raise ValueError("a group of criteria has no measure or rule of its own")
            if not self.criteria:
                raise ValueError("a group needs at least one criterion")
            for year in _years_or_static(self.years()):
                total = sum(c.max_for(year) for c in self.criteria)
                if self.max_points is not None and abs(total - self.max_points) > 1e-9:
                    raise ValueError(
                        f"criteria max_points add up to {total:g}, not {self.max_points:g}"
                    )
            return self
        if self.measure is None or self.rule is None:
            raise ValueError("a criterion needs a measure and a rule (or sub-criteria)")
        if (self.max_points is None) == (self.max_points_by_year is None):
            raise ValueError("give exactly one of max_points or max_points_by_year")
        if self.max_points_by_year is not None and any(
            v < 0 for v in self.max_points_by_year.values()
        ):
            raise ValueError("max_points_by_year values must be ≥ 0")
        return self

    @property
    def is_leaf(self) -> bool:
        """True for a criterion that is scored itself (not a group)."""
        return self.criteria is None

    def years(self) -> list[int]:
        """Return every year at which this criterion's (or a sub-criterion's) maximum changes."""
        own = list(self.max_points_by_year or {})
        return sorted(set(own).union(*(c.years() for c in self.criteria or [])))

    def max_for(self, year: int | None) -> float:
        """Return the maximum points in ``year`` (None: the static maximum)."""
        if self.criteria is not None:
            return sum(c.max_for(year) for c in self.criteria)
        if self.max_points_by_year is not None:
            by_year = self.max_points_by_year
            return _value_by_year(by_year, year) if year is not None else max(by_year.values())
        assert self.max_points is not None
        return self.max_points

    def leaves(self, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Criterion]]:
        """Return (path of group ids above, leaf) for every leaf at or below this criterion."""
        if self.criteria is None:
            return [(path, self)]
        return [leaf for c in self.criteria for leaf in c.leaves((*path, self.id))]


class Domain(_Strict):
    id: str
    label_vi: str
    label_en: str
    max_points: float | None = Field(default=None, gt=0)
    criteria: list[Criterion] = Field(min_length=1)
    sources: dict[str, str] | None = None  # as Criterion.sources

    @model_validator(mode="after")
    def _points_add_up(self) -> Domain:
        if self.max_points is None:
            return self
        years = _years_or_static(sorted(set().union(*(c.years() for c in self.criteria))))
        for year in years:
            total = sum(c.max_for(year) for c in self.criteria)
            if abs(total - self.max_points) > 1e-9:
                when = f" in {year}" if year else ""
                raise ValueError(
                    f"criteria max_points add up to {total:g}{when}, not {self.max_points:g}"
                )
        return self

    def max_for(self, year: int | None) -> float:
        """Return the domain's maximum points in ``year``."""
        return sum(c.max_for(year) for c in self.criteria)


class GradeBand(_Strict):
    grade: str
    min: float


class GradeBands(_Strict):
    from_year: int
    source: str
    bands: list[GradeBand] = Field(min_length=1)


class Defaults(_Strict):
    missing: MissingPolicy = "zero"


class Rubric(_Strict):
    id: str
    version: str
    status: Literal["official", "illustrative", "published-components"]
    title_vi: str
    title_en: str
    disclaimer_vi: str = ""
    disclaimer_en: str = ""
    official_parts_vi: str = ""
    official_parts_en: str = ""  # which weights/rules are official and which assumed
    source: str = ""
    index_max_points: float | None = None  # index % = points / this × 100 (default: the maxima)
    rank_decimals: int | None = 2  # the index is rounded so before ranking, as the PAR INDEX is
    grade_bands: list[GradeBands] = Field(min_length=1)
    defaults: Defaults = Defaults()
    domains: list[Domain] = Field(min_length=1)

    def __repr__(self) -> str:
        return (
            f"<Rubric {self.id} v{self.version} ({self.status}): {len(self.domains)} domains, "
            f"{len(self.leaves())} criteria, {self.max_points:g} points>"
        )

    def __str__(self) -> str:
        return repr(self)

    def _repr_html_(self) -> str:
        from cchc_analysis.scoring.rubric_view import rubric_html

        return rubric_html(self)

    @property
    def max_points(self) -> float:
        """Return the rubric's total maximum points (the largest over years)."""
        years = sorted(set().union(*(c.years() for d in self.domains for c in d.criteria)))
        return max(sum(d.max_for(y) for d in self.domains) for y in _years_or_static(years))

    def leaves(self) -> list[tuple[Domain, tuple[str, ...], Criterion]]:
        """Return every scored criterion as (domain, path of group ids, leaf), in rubric order."""
        return [
            (domain, path, leaf)
            for domain in self.domains
            for criterion in domain.criteria
            for path, leaf in criterion.leaves()
        ]

    def criteria(self) -> list[tuple[Domain, Criterion]]:
        """Return every (domain, scored criterion) pair in rubric order."""
        return [(domain, leaf) for domain, _, leaf in self.leaves()]

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
        assert criterion.measure is not None
        unknown = [i for i in criterion.measure.inputs() if i not in known]
        if unknown:
            raise RubricError(
                f"{source}: domains[{domain.id}].criteria[{criterion.id}].measure names "
                f"indicator(s) not in the catalogue: {unknown}"
            )


def schema_error_message(source: str, error: ValidationError, what: str = "rubric") -> str:
    """Return a schema error as lines naming each broken key (``domains.0.max_points: …``)."""
    lines = [f"{source}: the {what} breaks the schema"]
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
        raise RubricError(schema_error_message(source, exc)) from None
    _check_indicators(rubric, source)
    return rubric


def bundled_rubrics() -> list[str]:
    """Return the ids of the rubrics shipped with the package."""
    folder = resources.files("cchc_analysis") / "rubrics"
    return sorted(
        p.name.removesuffix(".yaml")
        for p in folder.iterdir()
        if p.name.endswith(".yaml") and not p.name.endswith(".uncertainty.yaml")
    )


@cache
def load_rubric(name_or_path: str) -> Rubric:
    """Return a bundled rubric by id (``par-index-illustrative``) or one read from a YAML path."""
    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} and (path.exists() or path.is_symlink()):
        return parse_rubric(rubric_text(name_or_path), str(path))
    bundled = resources.files("cchc_analysis") / "rubrics" / f"{name_or_path}.yaml"
    if not bundled.is_file():
        raise RubricError(
            f"no rubric {name_or_path!r}: bundled ones are {bundled_rubrics()}, "
            "or give the path of a .yaml file"
        )
    return parse_rubric(bundled.read_text(encoding="utf-8"), f"rubrics/{name_or_path}.yaml")


def rubric_text(name_or_path: str) -> str:
    """Return the YAML text of a rubric (for hashing into provenance)."""
    from cchc_analysis.read.inputs import InputFileError, read_text

    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} and (path.exists() or path.is_symlink()):
        try:  # a rubric saved as UTF-16 is read; a directory, FIFO or binary file refused
            return read_text(path, "rubric")
        except InputFileError as exc:
            raise RubricError(str(exc)) from exc
    return (resources.files("cchc_analysis") / "rubrics" / f"{name_or_path}.yaml").read_text(
        encoding="utf-8"
    )
