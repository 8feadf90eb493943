"""Editing a rubric in memory, whatever its rule kind: move a linear rule's floor or target,
replace or shift threshold bands, change a criterion's maximum points or missing-data policy,
drop a criterion. Every edit returns a new, re-validated Rubric (the original is unchanged)
whose version says what changed; an edited official rubric is no longer official."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from cchc_analysis.scoring.rubric import MISSING_POLICIES, Rubric, RubricError, parse_rubric

BandsLike = Mapping[float, float] | Iterable[tuple[float, float]]


def _find(
    nodes: list[dict[str, Any]], criterion_id: str, ancestors: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    """Return (the list holding the criterion, its ancestors from the domain down), or None."""
    for node in nodes:
        if node["id"] == criterion_id:
            return nodes, ancestors
        found = _find(node.get("criteria", []), criterion_id, [*ancestors, node])
        if found:
            return found
    return None


def criterion_ids(rubric: Rubric) -> list[str]:
    """Return the ids of every criterion and group of criteria, in rubric order."""

    def walk(nodes: list[Any]) -> list[str]:
        return [i for n in nodes for i in (n.id, *walk(n.criteria or []))]

    return [i for d in rubric.domains for i in walk(d.criteria)]


def _bands(bands: BandsLike) -> list[dict[str, float]]:
    pairs = list(bands.items()) if isinstance(bands, Mapping) else list(bands)
    try:
        rows = [{"min": float(low), "points": float(points)} for low, points in pairs]
    except (TypeError, ValueError):
        raise TypeError(
            "bands: expected {minimum: points} or [(minimum, points), ...], e.g. "
            "{98: 6, 95: 4.5, 0: 0}"
        ) from None
    return sorted(rows, key=lambda band: band["min"], reverse=True)


def _static_max(node: dict[str, Any]) -> float | None:
    if "criteria" in node:
        parts = [_static_max(c) for c in node["criteria"]]
        return None if None in parts else sum(p for p in parts if p is not None)
    return node.get("max_points")


def _rebalance(ancestors: list[dict[str, Any]], data: dict[str, Any], delta: float | None) -> None:
    """Keep every declared maximum above an edited criterion equal to its criteria's sum."""
    for node in ancestors:
        if node.get("max_points") is None:
            continue
        node["max_points"] = None if delta is None else round(node["max_points"] + delta, 9)
        if not node["max_points"]:
            node.pop("max_points")
    if data.get("index_max_points") and delta:
        data["index_max_points"] = round(data["index_max_points"] + delta, 9)


def _set_rule(leaf: dict[str, Any], changes: dict[str, Any]) -> list[str]:
    rule = leaf["rule"]
    kind = next(iter(rule))
    said: list[str] = []
    if changes.get("floor") is not None or changes.get("target") is not None:
        if kind not in ("linear", "survey"):
            raise RubricError(
                f"criterion {leaf['id']!r} is scored by {kind}: floor/target apply to linear "
                "and survey rules (give bands=... or shift=...)"
            )
        for key in ("floor", "target"):
            if changes.get(key) is not None:
                rule[kind][key] = float(changes[key])
                said.append(f"{key}={changes[key]:g}")
    if changes.get("bands") is not None:
        if kind != "threshold_bands":
            raise RubricError(
                f"criterion {leaf['id']!r} is scored by {kind}: bands apply to threshold_bands "
                "rules (give floor=/target= for a linear rule)"
            )
        rule[kind] = _bands(changes["bands"])
        said.append("bands=" + ",".join(f"{b['min']:g}:{b['points']:g}" for b in rule[kind]))
    if changes.get("shift"):
        shift = float(changes["shift"])
        if kind in ("linear", "survey"):
            rule[kind] = {k: v + shift for k, v in rule[kind].items()}
        elif kind == "threshold_bands":
            rule[kind] = [{**b, "min": b["min"] + shift} for b in rule[kind]]
        else:
            raise RubricError(f"criterion {leaf['id']!r} is scored by {kind}: nothing to shift")
        said.append(f"shift={shift:+g}")
    return said


def edit_rubric(
    rubric: Rubric,
    criterion: str,
    *,
    floor: float | None = None,
    target: float | None = None,
    bands: BandsLike | None = None,
    shift: float | None = None,
    max_points: float | None = None,
    missing: str | None = None,
    drop: bool = False,
) -> Rubric:
    """Return a copy of ``rubric`` with one criterion changed; raise RubricError naming what
    does not fit (an unknown id lists the ids there are)."""
    data: dict[str, Any] = rubric.model_dump(exclude_defaults=True)
    domain_ids = [d["id"] for d in data["domains"]]
    if criterion in domain_ids:
        return _edit_domain(data, rubric, criterion, drop)
    found = None
    for domain in data["domains"]:
        found = _find(domain["criteria"], criterion, [domain])
        if found:
            break
    if found is None:
        raise RubricError(
            f"no criterion {criterion!r} in rubric {rubric.id}: its criteria are "
            f"{criterion_ids(rubric)}"
        )
    siblings, ancestors = found
    node = next(n for n in siblings if n["id"] == criterion)
    said: list[str] = []
    if drop:
        old = _static_max(node)
        siblings.remove(node)
        _rebalance(ancestors, data, None if old is None else -old)
        _prune(data)
        if not data["domains"]:
            raise RubricError(f"dropping {criterion!r} would leave rubric {rubric.id} empty")
        said.append("dropped")
    else:
        is_leaf = "criteria" not in node
        if not is_leaf and any(v is not None for v in (floor, target, bands, shift, max_points)):
            raise RubricError(
                f"{criterion!r} is a group of criteria: edit one of its criteria "
                f"({[c['id'] for c in node['criteria']]}) or drop it"
            )
        if is_leaf:
            said += _set_rule(
                node, {"floor": floor, "target": target, "bands": bands, "shift": shift}
            )
        if max_points is not None:
            old = _static_max(node)
            node.pop("max_points_by_year", None)
            node["max_points"] = float(max_points)
            _rebalance(ancestors, data, None if old is None else float(max_points) - old)
            said.append(f"max_points={max_points:g}")
        if missing is not None:
            if missing not in MISSING_POLICIES:
                raise RubricError(
                    f"missing must be one of {list(MISSING_POLICIES)}, not {missing!r}"
                )
            node["missing"] = missing
            said.append(f"missing={missing}")
    if not said:
        raise TypeError(
            "edit_rubric: say what to change: floor=, target=, bands=, shift=, max_points=, "
            "missing= or drop=True"
        )
    return _reparse(data, rubric, f"{criterion}:{';'.join(said)}")


def _edit_domain(data: dict[str, Any], rubric: Rubric, domain_id: str, drop: bool) -> Rubric:
    """Drop a whole domain (the only edit a domain takes: its criteria carry the rules)."""
    if not drop:
        criteria = next(d for d in rubric.domains if d.id == domain_id).criteria
        raise RubricError(
            f"{domain_id!r} is a domain: edit one of its criteria ({[c.id for c in criteria]}) "
            "or drop the whole domain with drop=True"
        )
    if len(data["domains"]) == 1:
        raise RubricError(f"dropping {domain_id!r} would leave rubric {rubric.id} empty")
    dropped = next(d for d in rubric.domains if d.id == domain_id)
    data["domains"] = [d for d in data["domains"] if d["id"] != domain_id]
    if data.get("index_max_points"):
        data["index_max_points"] = round(data["index_max_points"] - dropped.max_for(None), 9)
    return _reparse(data, rubric, f"{domain_id}:dropped")


def _prune(data: dict[str, Any]) -> None:
    """Remove groups and domains left without criteria."""

    def keep(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept = []
        for node in nodes:
            if "criteria" in node:
                node["criteria"] = keep(node["criteria"])
                if not node["criteria"]:
                    continue
            kept.append(node)
        return kept

    for domain in data["domains"]:
        domain["criteria"] = keep(domain["criteria"])
    data["domains"] = [d for d in data["domains"] if d["criteria"]]


def _reparse(data: dict[str, Any], original: Rubric, change: str) -> Rubric:
    data["version"] = f"{original.version}+{change}"
    if original.status != "illustrative":
        data["status"] = "illustrative"
        note_vi = f" Đã sửa so với bản {original.status} ({change})."
        note_en = f" Edited from the {original.status} version ({change})."
        data["disclaimer_vi"] = (data.get("disclaimer_vi", "") + note_vi).strip()
        data["disclaimer_en"] = (data.get("disclaimer_en", "") + note_en).strip()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return parse_rubric(text, f"{original.id} (edited: {change})")
