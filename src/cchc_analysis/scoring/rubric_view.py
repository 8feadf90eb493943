"""A rubric as HTML for a notebook: title, status, disclaimer, and the criterion tree (what
``Rubric._repr_html_`` shows); text from the rubric file is escaped."""

from __future__ import annotations

from typing import Any

from cchc_analysis.reference.notebook_html import box as _box
from cchc_analysis.reference.notebook_html import escaped as _e
from cchc_analysis.reference.notebook_html import flags_html


def rule_text(criterion: Any) -> str:
    """Return a criterion's rule in a few words: 'linear 50 → 100', '≥98: 6 · ≥95: 4.5'."""
    rule = criterion.rule
    if rule is None:
        return ""
    if rule.line is not None:
        return f"{rule.kind} {rule.line.floor:g} → {rule.line.target:g}"
    if rule.threshold_bands is not None:
        return " · ".join(f"≥{b.min:g}: {b.points:g}" for b in rule.threshold_bands)
    return rule.kind


def measure_text(criterion: Any) -> str:
    """Return what a criterion measures: an indicator id, or 'a / b' (a ratio in %)."""
    measure = criterion.measure
    if measure is None:
        return ""
    if measure.indicator:
        return measure.indicator
    assert measure.ratio is not None
    return f"{measure.ratio.numerator} / {measure.ratio.denominator}"


def _max_text(criterion: Any) -> str:
    if criterion.max_points_by_year:
        return ", ".join(f"{p:g} from {y}" for y, p in sorted(criterion.max_points_by_year.items()))
    return f"{criterion.max_for(None):g}"


def _criterion_item(criterion: Any) -> str:
    head = (
        f"<code>{_e(criterion.id)}</code> {_e(criterion.label_en)} — {_e(_max_text(criterion))} pts"
    )
    if criterion.criteria:
        inner = "".join(_criterion_item(c) for c in criterion.criteria)
        return f'<li>{head}<ul class="tree">{inner}</ul></li>'
    missing = f", missing: {_e(criterion.missing)}" if criterion.missing else ""
    return (
        f"<li>{head}: <code>{_e(measure_text(criterion))}</code>, "
        f"{_e(rule_text(criterion))}{missing}</li>"
    )


def rubric_html(rubric: Any) -> str:
    """Return a rubric as HTML: title, status, disclaimer, and the criterion tree (domains →
    criteria of any depth, each with its maximum, measure and rule)."""
    domains = "".join(
        f"<li><details><summary><strong>{_e(d.label_en)}</strong> ({_e(d.id)}) — "
        f"{d.max_for(None):g} pts, {len(d.criteria)} criteria</summary>"
        f'<ul class="tree">{"".join(_criterion_item(c) for c in d.criteria)}</ul></details></li>'
        for d in rubric.domains
    )
    disclaimer = f'<p class="note">{_e(rubric.disclaimer_en)}</p>' if rubric.disclaimer_en else ""
    flag = flags_html(False, rubric)
    return _box(
        f"{_e(rubric.title_en)} — {_e(rubric.id)} v{_e(rubric.version)} ({_e(rubric.status)}), "
        f"{rubric.max_points:g} points",
        flag,
        disclaimer,
        f'<ul class="tree">{domains}</ul>',
    )
