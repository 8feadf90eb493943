"""Levels of government named side by side: counted ("14 sở, ban, ngành, 21 huyện") or all
three ("cấp tỉnh, cấp huyện và cấp xã"), they are together the whole province."""

from __future__ import annotations

import re

from cchc_analysis.extract.scope_types import _Scope


def _levels_listed_together(found: list[_Scope], folded: str, text: str) -> list[_Scope]:
    """Return the scopes with counted units of two levels listed side by side ("14 sở, ban,
    ngành, 21 huyện … cung cấp 808 dịch vụ") merged into one province scope: together they
    are the whole province, not the last level named."""

    def counted(scope: _Scope) -> bool:  # "21 huyện", "14 sở, ban, ngành"
        return folded[scope.start].isdigit() or bool(
            re.search(r"(?<![\d.,])\d+\s+$", folded[max(0, scope.start - 8) : scope.start])
        )

    out: list[_Scope] = []
    for scope in found:
        last = out[-1] if out else None
        if (
            last is not None
            and scope.kind == "level"
            and last.kind in ("level", "province")
            and counted(scope)
            and (last.kind == "province" or (counted(last) and last.label != scope.label))
            and re.fullmatch(r"[\s,]*(?:va\s+)?(?:\d+\s+)?", folded[last.end : scope.start])
        ):
            out[-1] = _Scope(last.start, scope.end, text[last.start : scope.end], "province")
            continue
        out.append(scope)
    return _every_level_listed(out, folded, text)


_LEVEL_RUN_GAP = re.compile(r"[\s,]*(?:va\s+)?(?:cac\s+)?")
# the province's departments named before the levels below them ("các sở, ban, UBND cấp huyện")
_DEPARTMENTS_BEFORE = re.compile(
    r"(?:cac )?so,? (?:ban|nganh)(?:,? (?:ban|nganh))*[\s,]*(?:va\s+)?$"
)


def _every_level_listed(found: list[_Scope], folded: str, text: str) -> list[_Scope]:
    """Merge a run of the three levels named side by side ("cấp tỉnh, cấp huyện và cấp xã",
    "các sở, ban, UBND cấp huyện, UBND cấp xã") into one province scope: together they are
    the whole province."""
    out: list[_Scope] = []
    i = 0
    while i < len(found):
        j = i
        while (
            j + 1 < len(found)
            and found[j + 1].kind == "level"
            and _LEVEL_RUN_GAP.fullmatch(folded, found[j].end, found[j + 1].start)
        ):
            j += 1
        run = found[i : j + 1]
        labels = {s.label for s in run}
        start = run[0].start
        departments = _DEPARTMENTS_BEFORE.search(folded, max(0, start - 40), start)
        if departments is not None and run[0].kind == "level":
            labels.add("cấp tỉnh")
            start = departments.start()
        in_turn = re.search(r"lan luot|respectively", folded[run[-1].end : run[-1].end + 80])
        if (
            all(s.kind == "level" for s in run)
            and {"cấp tỉnh", "cấp huyện", "cấp xã"} <= labels
            and not in_turn  # "cấp tỉnh, cấp huyện và cấp xã tiếp nhận lần lượt 45.000, …"
        ):
            out.append(_Scope(start, run[-1].end, text[start : run[-1].end], "province"))
        else:
            out.extend(run)
        i = j + 1
    return out
