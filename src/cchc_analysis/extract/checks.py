"""Cross-checks of the figures against the catalogue's identities and stated shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.figures import _catalogue_units, _decimals
from cchc_analysis.extract.model import ExtractWarning
from cchc_analysis.extract.patterns import _patterns

if TYPE_CHECKING:
    from cchc_analysis.extract.figures import _Share
    from cchc_analysis.extract.model import Figure


def _warning(
    figure: Figure, rule: str, vi: str, en: str, value: str | None = None
) -> ExtractWarning:
    return ExtractWarning(
        file=figure.file,
        row=figure.line,
        province=figure.province,
        period=figure.period,
        indicator=figure.indicator,
        column="value",
        value=figure.text if value is None else value,
        rule=rule,
        severity="warning",
        message_vi=vi,
        message_en=en,
    )


def _fmt(value: float) -> str:
    """A number written the Vietnamese way: 1001230 → '1.001.230', 98.41 → '98,41'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _terms(expression: str) -> list[str]:
    return [t.strip() for t in expression.split("+") if t.strip()]


def _sum(values: dict[str, Figure], expression: str) -> float | None:
    total = 0.0
    for term in _terms(expression):
        if term not in values:
            return None
        total += values[term].value
    return total


def _identities() -> list[dict[str, Any]]:
    from cchc_analysis.validate.rules import load_identities

    return list(load_identities().iter_rows(named=True))


def _group_key(figure: Figure) -> tuple[str, str, str, str]:
    return (
        figure.file if not figure.province else "",
        figure.province,
        figure.period,
        figure.scope,
    )


def _check_group(
    figures: list[Figure], shares: Sequence[tuple[Figure, _Share]], keep_conflicts: bool
) -> tuple[list[Figure], list[Figure], list[ExtractWarning]]:
    """Reconcile one (province, period, scope) group: duplicates, identities, bounds, stated
    percentages. Return (kept, held back, warnings)."""
    pat = _patterns()
    warnings: list[ExtractWarning] = []
    held: list[Figure] = []
    by_indicator: dict[str, list[Figure]] = {}
    for figure in figures:
        by_indicator.setdefault(figure.indicator, []).append(figure)
    values: dict[str, Figure] = {}
    for indicator, group in by_indicator.items():
        ordered = sorted(group, key=lambda f: (f.bound != "", -f.confidence, f.char_start))
        kept = ordered[0]
        values[indicator] = kept
        for other in ordered[1:]:
            if abs(other.value - kept.value) <= 1e-9 * max(1.0, abs(kept.value)):
                continue
            consistent = (
                (other.bound == "lower" and kept.value >= other.value)
                or (other.bound == "upper" and kept.value <= other.value)
                or (
                    other.bound == "approx"
                    and abs(kept.value - other.value) <= 0.1 * abs(kept.value)
                )
            )
            if other.bound and not kept.bound and consistent:
                continue
            warnings.append(
                _warning(
                    other,
                    "extract_conflicting_values",
                    f"Văn bản nêu hai giá trị cho {indicator}: {_fmt(kept.value)} (dòng "
                    f"{kept.line}) và {_fmt(other.value)} (dòng {other.line}); giữ giá trị đầu",
                    f"The text gives two values for {indicator}: {_fmt(kept.value)} (line "
                    f"{kept.line}) and {_fmt(other.value)} (line {other.line}); the first is kept",
                )
            )
            if keep_conflicts:
                continue
            held.append(other)
    # catalogue bounds
    for indicator, figure in list(values.items()):
        if figure.internal:
            continue
        _, low, high = _catalogue_units().get(indicator, ("", None, None))
        if (low is not None and figure.value < low) or (high is not None and figure.value > high):
            warnings.append(
                _warning(
                    figure,
                    "extract_out_of_bounds",
                    f"{indicator} = {_fmt(figure.value)} nằm ngoài giới hạn của danh mục",
                    f"{indicator} = {_fmt(figure.value)} is outside the catalogue's bounds",
                )
            )
            if not keep_conflicts:
                held.append(figure)
                del values[indicator]
    # identities (the catalogue's: errors in validation, so a breaking figure is held back)
    specs = [
        (s["id"], s["kind"], s["left"], s["right"], s["tolerance"] or 0.0, s["severity"])
        for s in _identities()
    ]
    specs += [(f"internal:{a}", "equal", a, b, 0.01, "warning") for a, b in pat.internal_identities]
    changed = True
    reported: set[str] = set()
    while changed:
        changed = False
        for rule, kind, left, right, tolerance, severity in specs:
            left_value, right_value = _sum(values, left), _sum(values, right)
            if left_value is None or right_value is None:
                continue
            gap = left_value - right_value
            terms = [values[t] for t in _terms(left) + _terms(right)]
            # "over 17,600" = "over 14,500" + "about 3,080": rounded figures agree roughly
            slack = (
                0.02 * max(abs(left_value), abs(right_value)) if any(f.bound for f in terms) else 0
            )
            broken = abs(gap) > tolerance + slack if kind == "equal" else gap > tolerance + slack
            carried = values.get("_dossier.carried_over")
            if broken and carried is not None and left == "dossier.received":
                # received in the period + carried over = resolved + pending
                broken = abs(gap + carried.value) > tolerance + slack
            if not broken:
                continue
            involved = [values[t] for t in _terms(left) + _terms(right)]
            culprit = min(involved, key=lambda f: (f.confidence, -f.char_start))
            sign = "=" if kind == "equal" else "≤"
            if rule not in reported:
                reported.add(rule)
                detail = f"{left} = {_fmt(left_value)}, {right} = {_fmt(right_value)}"
                warnings.append(
                    _warning(
                        culprit,
                        f"extract_identity:{rule}",
                        f"Số liệu trích xuất không thỏa {left} {sign} {right} ({detail})"
                        + (
                            ""
                            if severity != "error" or keep_conflicts
                            else f"; tạm giữ lại {culprit.indicator} = {_fmt(culprit.value)}"
                        ),
                        f"Extracted figures break {left} {sign} {right} ({detail})"
                        + (
                            ""
                            if severity != "error" or keep_conflicts
                            else f"; {culprit.indicator} = {_fmt(culprit.value)} held back"
                        ),
                    )
                )
            if severity == "error" and not keep_conflicts and not all(f.internal for f in involved):
                candidates = [f for f in involved if not f.internal] or involved
                culprit = min(candidates, key=lambda f: (f.confidence, -f.char_start))
                held.append(culprit)
                del values[culprit.indicator]
                changed = True
                break
    # stated percentages against the counts they restate
    for figure, share in shares:
        denominators = pat.shares.get(figure.indicator, ())
        present = [d for d in denominators if d in values and values[d].value > 0]
        if not present or figure.indicator not in values:
            continue
        tolerance = 10.0 ** (-share.decimals) + 1e-9
        computed = {d: 100.0 * figure.value / values[d].value for d in present}
        if any(abs(c - share.percent) <= tolerance for c in computed.values()):
            continue
        d, c = next(iter(computed.items()))
        warnings.append(
            _warning(
                figure,
                "extract_share_mismatch",
                f"Tỷ lệ nêu {share.text}% không khớp {_fmt(figure.value)}/{_fmt(values[d].value)}"
                f" = {_fmt(round(c, 2))}% ({figure.indicator}/{d})",
                f"The stated {share.text}% does not match {_fmt(figure.value)}/"
                f"{_fmt(values[d].value)} = {c:.2f}% ({figure.indicator}/{d})",
                value=share.text + "%",
            )
        )
    for indicator, formulas in pat.rates.items():
        if indicator not in values:
            continue
        stated = values[indicator]
        decimals = _decimals(stated.text.split()[-1].rstrip("%")) if stated.text else 0
        tolerance = max(10.0 ** (-decimals), 0.01) + (0.5 if stated.bound else 0)
        for numerator, denominator in formulas:
            top, bottom = _sum(values, numerator), _sum(values, denominator)
            if top is None or bottom is None or bottom <= 0:
                continue
            rate = 100.0 * top / bottom
            if abs(rate - stated.value) > tolerance:
                warnings.append(
                    _warning(
                        stated,
                        "extract_rate_mismatch",
                        f"{indicator} nêu {_fmt(stated.value)}% nhưng ({numerator})/"
                        f"({denominator}) = {_fmt(round(rate, 2))}%",
                        f"{indicator} is stated as {_fmt(stated.value)}% but ({numerator})/"
                        f"({denominator}) = {rate:.2f}%",
                    )
                )
            break
    survivors = [f for f in figures if f not in held and values.get(f.indicator) is f]
    return survivors, held, warnings


def cross_check(figures: Sequence[Figure], keep_conflicts: bool = True) -> list[ExtractWarning]:
    """Return the warnings the cross-checks raise on figures: the catalogue identities, the
    internal ones (early-or-on-time + late = resolved), bounds, and repeated keys with
    different values."""
    warnings: list[ExtractWarning] = []
    groups: dict[tuple[str, str, str, str], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(_group_key(figure), []).append(figure)
    for group in groups.values():
        warnings += _check_group(group, (), keep_conflicts)[2]
    return warnings
