"""An index as data: the YAML spec of a composite indicator and its schema.

A spec declares the indicators (direction, unit, per-indicator options), the hierarchy of
groups to any depth (each node names its parent and carries a weight), and the method of every
step: imputation, outlier treatment and normalisation per indicator, weighting and aggregation
per group. Options resolve from the most specific place that sets them: the node itself, then
``levels`` (level 1 is the indicators, each group sits one above its highest child), then
``defaults``. A spec that breaks the schema raises ``IndexSpecError`` naming the broken key
(``indicators.3.parent: ...``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cchc_analysis.scoring.rubric import schema_error_message

ImputationMethod = Literal[
    "none",
    "indicator_mean",
    "indicator_median",
    "group_mean",
    "group_median",
    "regression",
    "em",
    "interpolate",
]
NormalisationMethod = Literal["minmax", "zscore", "rank", "percentile", "goalposts", "none"]
AggregationMethod = Literal["arithmetic", "geometric", "harmonic", "mazziotta_pareto", "minimum"]
WeightingMethod = Literal["manual", "equal", "pca", "fa", "bod", "optimised"]
ZeroRule = Literal["error", "offset", "penalise"]
T = TypeVar("T")


class IndexSpecError(ValueError):
    """A spec that breaks the schema or whose hierarchy does not hold together."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Imputation(_Strict):
    """How missing values are filled (before treatment and normalisation)."""

    method: ImputationMethod = "none"
    group_column: str | None = Field(
        default=None,
        description="Column of the data holding each unit's group (group_mean/_median).",
    )
    iterations: int = Field(default=50, ge=1, le=10_000, description="Rounds of regression or EM.")

    @model_validator(mode="after")
    def _group_needs_column(self) -> Imputation:
        if self.method in ("group_mean", "group_median") and not self.group_column:
            raise ValueError(f"method {self.method} needs group_column (a column of the data)")
        return self


class Treatment(_Strict):
    """The JRC outlier rule: while |skewness| > ``skew`` and kurtosis > ``kurtosis``, winsorise
    the most extreme point (up to ``winmax`` points); if that does not pass, ``fallback``."""

    method: Literal["none", "jrc"] = "none"
    winmax: int = Field(default=5, ge=0)
    skew: float = Field(default=2.0, gt=0)
    kurtosis: float = Field(default=3.5, gt=0)
    fallback: Literal["log", "none"] = "log"


class Normalisation(_Strict):
    """Normalisation of an indicator: a higher score is always better afterwards."""

    method: NormalisationMethod = "minmax"
    lo: float = 0.0
    hi: float = 100.0
    mean: float = 0.0
    sd: float = Field(default=1.0, gt=0)
    goalposts: tuple[float, float] | None = Field(
        default=None, description="[worst, best] in the indicator's unit (method goalposts)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Normalisation:
        if self.method == "minmax" and not self.lo < self.hi:
            raise ValueError(f"need lo < hi, got lo={self.lo}, hi={self.hi}")
        if self.method == "goalposts":
            if self.goalposts is None:
                raise ValueError("method goalposts needs goalposts: [lower, upper]")
            if not self.goalposts[0] < self.goalposts[1]:
                raise ValueError(f"goalposts need lower < upper, got {list(self.goalposts)}")
        return self


class Aggregation(_Strict):
    """How a group's children are combined."""

    method: AggregationMethod = "arithmetic"
    zero_rule: ZeroRule = Field(
        default="error",
        description="geometric/harmonic: 'error' on a zero, 'offset' counts it as `offset`, "
        "'penalise' gives the unit 0.",
    )
    offset: float = Field(default=0.01, gt=0)
    missing: Literal["rescale", "propagate"] = "rescale"


class Weighting(_Strict):
    """Where a group's weights come from."""

    method: WeightingMethod = "manual"
    target: dict[str, float] | None = Field(
        default=None,
        description="optimised: each child's intended share of importance (default equal).",
    )
    min_share: float = Field(default=0.0, ge=0, lt=1, description="bod: least share of any weight.")


class Indicator(_Strict):
    id: str = Field(min_length=1)
    name: str = ""
    unit: str = ""
    source: str = ""
    direction: Literal[1, -1] = 1
    weight: float = Field(default=1.0, ge=0)
    parent: str
    imputation: Imputation | None = None
    treatment: Treatment | None = None
    normalisation: Normalisation | None = None


class Group(_Strict):
    id: str = Field(min_length=1)
    name: str = ""
    weight: float = Field(default=1.0, ge=0)
    parent: str | None = None
    aggregation: Aggregation | None = None
    weighting: Weighting | None = None


class Options(_Strict):
    """Options that ``defaults`` or a level may set."""

    imputation: Imputation | None = None
    treatment: Treatment | None = None
    normalisation: Normalisation | None = None
    aggregation: Aggregation | None = None
    weighting: Weighting | None = None


class DataColumns(_Strict):
    unit: str = "unit"
    name: str | None = None
    period: str | None = None


class Analysis(_Strict):
    collinear_above: float = Field(default=0.9, gt=0, le=1)
    weak_below: float = Field(default=0.2, ge=-1, le=1)
    min_unit_coverage: float = Field(
        default=2 / 3, ge=0, le=1, description="Flag units with fewer indicators present."
    )


class WeightNoise(_Strict):
    """Uniform multiplicative noise ±``noise`` on the weights of the nodes at ``level`` (or the
    listed ``nodes``), as COINr's ``get_noisy_weights``."""

    level: int | None = Field(default=None, ge=1)
    nodes: list[str] | None = None
    noise: float = Field(default=0.25, gt=0, lt=1)

    @model_validator(mode="after")
    def _one_target(self) -> WeightNoise:
        if (self.level is None) == (self.nodes is None):
            raise ValueError("give exactly one of level or nodes")
        return self


class UncertaintyOptions(_Strict):
    runs: int = Field(default=1000, ge=1)
    seed: int = 1
    weights: list[WeightNoise] = []
    imputation: list[Imputation] = Field(
        default=[], description="Alternatives drawn with equal chance, replacing every indicator's."
    )
    normalisation: list[Normalisation] = []
    aggregation: list[Aggregation] = Field(
        default=[], description="Alternatives drawn with equal chance for every group at once."
    )
    drop_indicators: bool = Field(
        default=False,
        description="Each replication leaves out one indicator or none (equal chance).",
    )


class IndexSpec(_Strict):
    id: str = Field(min_length=1)
    name: str = ""
    description: str = ""
    source: str = ""
    synthetic: bool = False
    data: DataColumns = DataColumns()
    defaults: Options = Options()
    levels: dict[int, Options] = {}
    indicators: list[Indicator] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1)
    analysis: Analysis = Analysis()
    uncertainty: UncertaintyOptions | None = None

    @cached_property
    def tree(self) -> Tree:
        return _tree(self)


@dataclass(frozen=True)
class Tree:
    """The hierarchy resolved: children in spec order, the level of every node, the root."""

    root: str
    children: dict[str, list[str]]
    parent: dict[str, str]
    level: dict[str, int]
    indicators: list[str]
    groups_bottom_up: list[str]  # every group after all of its children

    def leaves(self, node: str) -> list[str]:
        """Return the indicators under ``node`` (itself if it is one), in spec order."""
        if node not in self.children:
            return [node]
        return [leaf for child in self.children[node] for leaf in self.leaves(child)]


def _tree(spec: IndexSpec) -> Tree:
    """Return the resolved hierarchy (the spec has been checked by ``check_hierarchy``)."""
    children: dict[str, list[str]] = {g.id: [] for g in spec.groups}
    parent: dict[str, str] = {}
    everything: list[Indicator | Group] = [*spec.indicators, *spec.groups]
    for node in everything:
        if node.parent is not None:
            children[node.parent].append(node.id)
            parent[node.id] = node.parent
    root = next(g.id for g in spec.groups if g.parent is None)
    level: dict[str, int] = {i.id: 1 for i in spec.indicators}
    order: list[str] = []

    def visit(node: str) -> int:
        if node not in level:
            level[node] = 1 + max(visit(c) for c in children[node])
            order.append(node)
        return level[node]

    visit(root)
    return Tree(root, children, parent, level, [i.id for i in spec.indicators], order)


def check_hierarchy(spec: IndexSpec, source: str) -> None:
    """Raise IndexSpecError naming the key when ids repeat, a parent is unknown or not a group,
    there is not exactly one root, a group is empty, the tree has a cycle, or an option
    names a node or level that does not exist."""

    def fail(key: str, message: str) -> None:
        raise IndexSpecError(f"{source}: the index spec breaks the schema\n  - {key}: {message}")

    seen: dict[str, str] = {}
    nodes: list[tuple[str, Indicator | Group]] = [("indicators", n) for n in spec.indicators]
    nodes += [("groups", n) for n in spec.groups]
    counters = {"indicators": 0, "groups": 0}
    keys: dict[str, str] = {}
    for kind, node in nodes:
        key = f"{kind}.{counters[kind]}"
        counters[kind] += 1
        if node.id in seen:
            fail(f"{key}.id", f"{node.id!r} is used twice (also {seen[node.id]})")
        seen[node.id] = key
        keys[node.id] = key
    groups = {g.id for g in spec.groups}
    for _kind, node in nodes:
        if node.parent is not None and node.parent not in groups:
            what = "an indicator" if node.parent in seen else "not declared under groups"
            fail(f"{keys[node.id]}.parent", f"{node.parent!r} is {what}; a parent is a group")
    roots = [g.id for g in spec.groups if g.parent is None]
    if len(roots) != 1:
        fail("groups", f"exactly one group has no parent (the index); found {roots or 'none'}")
    has_child = {n.parent for _, n in nodes if n.parent is not None}
    for g in spec.groups:
        if g.id not in has_child:
            fail(f"{keys[g.id]}", f"group {g.id!r} has no children")
    parent = {n.id: n.parent for _, n in nodes}
    for g in spec.groups:
        path: list[str] = [g.id]
        step = parent[g.id]
        while step is not None:
            if step in path:
                fail(f"{keys[g.id]}.parent", f"the hierarchy loops: {' → '.join([*path, step])}")
            path.append(step)
            step = parent[step]
    for g in spec.groups:
        target = g.weighting.target if g.weighting else None
        kids = [n.id for _, n in nodes if n.parent == g.id]
        for name in target or {}:
            if name not in kids:
                fail(f"{keys[g.id]}.weighting.target.{name}", f"not a child of {g.id!r}: {kids}")
    levels = set(spec.tree.level.values())
    for lv in spec.levels:
        if lv not in levels:
            fail(f"levels.{lv}", f"no node sits at level {lv} (levels: {sorted(levels)})")
    if spec.uncertainty:
        for k, noise in enumerate(spec.uncertainty.weights):
            if noise.level is not None and noise.level not in levels:
                fail(f"uncertainty.weights.{k}.level", f"no node at level {noise.level}")
            for name in noise.nodes or []:
                if name not in seen:
                    fail(f"uncertainty.weights.{k}.nodes", f"{name!r} is not a node")


def parse_spec(text: str, source: str = "<index spec>") -> IndexSpec:
    """Return the IndexSpec a YAML text describes, or raise IndexSpecError naming the key."""
    try:
        raw = yaml.safe_load(unicodedata.normalize("NFC", text))  # ids match NFC data headers
    except yaml.YAMLError as exc:
        raise IndexSpecError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise IndexSpecError(
            f"{source}: an index spec is a mapping with keys id, indicators, groups, ..."
        )
    try:
        spec = IndexSpec.model_validate(raw)
    except ValidationError as exc:
        raise IndexSpecError(schema_error_message(source, exc, "index spec")) from exc
    check_hierarchy(spec, source)
    return spec


def read_spec(path: Path | str) -> IndexSpec:
    """Return the spec in a YAML file (IndexSpecError when unreadable or broken)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexSpecError(f"{path}: cannot read the index spec: {exc}") from exc
    return parse_spec(text, str(path))


def _pick(spec: IndexSpec, node: str, field: str, own: T | None, fallback: T) -> T:
    """Return the option set on the node, else on its level, else in defaults, else fallback."""
    if own is not None:
        return own
    at_level = spec.levels.get(spec.tree.level[node])
    for options in (at_level, spec.defaults):
        value = getattr(options, field) if options is not None else None
        if value is not None:
            return value  # type: ignore[no-any-return,unused-ignore]
    return fallback


def indicator_options(spec: IndexSpec) -> dict[str, tuple[Imputation, Treatment, Normalisation]]:
    """Return {indicator: (imputation, treatment, normalisation)} resolved."""
    return {
        i.id: (
            _pick(spec, i.id, "imputation", i.imputation, Imputation()),
            _pick(spec, i.id, "treatment", i.treatment, Treatment()),
            _pick(spec, i.id, "normalisation", i.normalisation, Normalisation()),
        )
        for i in spec.indicators
    }


def group_options(spec: IndexSpec) -> dict[str, tuple[Aggregation, Weighting]]:
    """Return {group: (aggregation, weighting)} resolved."""
    return {
        g.id: (
            _pick(spec, g.id, "aggregation", g.aggregation, Aggregation()),
            _pick(spec, g.id, "weighting", g.weighting, Weighting()),
        )
        for g in spec.groups
    }


def node_weights(spec: IndexSpec) -> dict[str, float]:
    """Return the declared weight of every node (indicators and groups)."""
    everything: list[Indicator | Group] = [*spec.indicators, *spec.groups]
    return {n.id: n.weight for n in everything}
