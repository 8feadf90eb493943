"""The names over a table's columns and rows that tell what its cells are: a rank's column, a
profile's caption, the parts of an index and their total, the maximum points a part could win,
and the stages of a dossier form (``distinct_names`` tells repeated column names apart)."""

from __future__ import annotations

import re
from collections.abc import Sequence

# a rank's column
_RANK_HEAD = re.compile(r"(?i)\b(?:xếp hạng|hạng|thứ hạng|rank(?:ing)?)\b")
# "Hồ sơ PCI 2023 tỉnh …", "Hồ sơ năng lực cạnh tranh": a profile, no dossiers
_PROFILE = re.compile(
    r"(?i)\bhồ sơ\s+(?:PCI|PAPI|SIPAS|PAR\b|năng lực|chỉ số|tỉnh|thành phố|địa phương)"
)
# what a table's cells count, by the first such word its caption or a column's name says
_UNIT_WORDS = re.compile(r"(?i)\b(?:hồ sơ|thủ tục|TTHC|nhiệm vụ|dịch vụ)\b")


def counts_dossiers(caption: str) -> bool:
    """True when a table's caption says its bare cells count dossiers ("Số hồ sơ …"), not
    procedures first ("Thủ tục … hồ sơ") nor a profile ("Hồ sơ PCI 2023 tỉnh …")."""
    said = _UNIT_WORDS.search(caption)
    return said is not None and said.group().lower() == "hồ sơ" and not _PROFILE.search(caption)


# the name over a label column of places or units: a two-column table under it is a ranking
_PLACE_HEAD = re.compile(
    r"(?i)^(?:tỉnh|thành phố|tỉnh,? thành phố|tỉnh/thành phố|tỉnh/thành|tỉnh, thành|địa phương|"
    r"đơn vị|cơ quan|cơ quan, đơn vị|sở,? ngành|huyện|xã|province|provinces|locality|city|unit)$"
)
# the label column of an index's parts, and the rows that total them
# (the parts of the PCI and PAPI are catalogue figures of their own, named by their rows)
_PART_HEAD = re.compile(
    r"(?i)^(?:lĩnh vực(?: đánh giá)?|tiêu chí(?: thành phần)?|nội dung đánh giá|area"
    r"|criteri(?:on|a))$"
)
_TOTAL_ROW = re.compile(
    r"(?i)^(?:tổng|tổng cộng|tổng số|tổng điểm|cộng|total|overall|chỉ số (?:chung|sipas|cchc|par)"
    r"|sipas|par index|chỉ số hài lòng|chỉ số cải cách hành chính)\b"
)  # the total, or the index itself
# a column of the points an index part could win, never a figure: "Điểm tối đa", "Thang điểm"
_MAX_COLUMN = re.compile(
    r"(?i)điểm tối đa|điểm chuẩn|thang điểm|điểm tối thiểu|max(?:imum)?\b|full (?:score|marks)"
)


# the columns of a dossier form, by which a table without "hồ sơ" in its caption is one
_DOSSIER_STAGE = re.compile(
    r"(?i)^(?:số (?:hồ sơ )?)?(?:đã |mới |đang )?(?:tiếp nhận|giải quyết|trực tuyến)\b"
    r"|^(?:đúng|trước|quá|trễ) hạn\b"
    r"|^(?:received|resolved|settled|processed|handled|pending|online|on time|ahead of|late"
    r"|overdue|early)\b"
)
# a column that heads the ones after it in a dossier form ("Đã giải quyết | Trước hạn | Đúng
# hạn | Quá hạn | Đang giải quyết | Trong hạn | Quá hạn")
_STAGE_COLUMN = re.compile(
    r"(?i)giải quyết|tiếp nhận|xử lý|resolved|settled|processed|handled|pending|received"
)


def distinct_names(names: Sequence[str]) -> list[str]:
    """Column names with each name the head repeats qualified by the stage column before it
    ("Quá hạn" under "Đã giải quyết", then under "Đang giải quyết": "Đã giải quyết Quá hạn",
    "Đang giải quyết Quá hạn"); the names as they are when none repeats or no stage column
    tells the repeats apart."""
    folded = [n.casefold() for n in names]
    if len(set(folded)) == len(folded):
        return list(names)
    out = list(names)
    for j, name in enumerate(names):
        if folded.count(folded[j]) < 2 or _STAGE_COLUMN.search(name):
            continue
        stage = next(
            (names[i] for i in range(j - 1, -1, -1) if _STAGE_COLUMN.search(names[i])), None
        )
        if stage is not None:
            out[j] = f"{stage} {name}"
    return out if len({n.casefold() for n in out}) == len(out) else list(names)


# the columns of a PAR INDEX's parts: the appraised self-assessment, the leaders' survey, the
# people's survey (SIPAS) and the impact; two of them make the table one of the index's parts
_APPRAISAL_OR_LEADERS = r"thẩm định|tự đánh giá|lãnh đạo|LĐQL|appraisal|leaders?\b"
_PAR_PART_COLUMN = re.compile(rf"(?i){_APPRAISAL_OR_LEADERS}|\bSIPAS\b|tác động|impact")
# what the SIPAS column of such a table is renamed (tables.py gives its cells points, and the
# phrase data reads "điểm thành phần sipas" as par.sipas_points)
SIPAS_PART_NAMES = ("Điểm thành phần SIPAS", "SIPAS component points")
# the total's column in such a table, named with no index ("Chỉ số", "Tổng điểm", "Tổng")
_PARTS_TOTAL = re.compile(r"(?i)^(?:chỉ số|tổng điểm|tổng|điểm chỉ số|total(?: score)?|index)$")


def par_part_names(header: Sequence[str]) -> list[str]:
    """A head of a PAR INDEX's parts with its SIPAS column named as the part it is ("Điểm thành
    phần SIPAS": points of the index, not the share of satisfied people) and its bare total named
    as the index ("Chỉ số CCHC"); any other head as it is."""
    parts = [n for n in header[1:] if _PAR_PART_COLUMN.search(n)]
    if len(parts) < 2 or not any(re.search(f"(?i){_APPRAISAL_OR_LEADERS}", n) for n in parts):
        return list(header)
    english = " ".join(header).isascii()
    out = [header[0]]
    for name in header[1:]:
        if re.fullmatch(r"(?i)\s*(?:điểm\s+)?SIPAS\s*", name):
            name = SIPAS_PART_NAMES[1] if english else SIPAS_PART_NAMES[0]
        elif _PARTS_TOTAL.match(name.strip()):
            name = "PAR INDEX" if english else "Chỉ số CCHC"
        out.append(name)
    return out


# the columns of a table of investors' (or levels') disbursement: the capital planned and the
# amount disbursed, each of them a finance figure when the table says its money's unit
_PLAN_COLUMN = re.compile(
    r"(?i)^(?:tổng\s+)?(?:kế hoạch|KH|vốn (?:được )?giao|kế hoạch vốn(?: (?:được )?giao)?|"
    r"plan(?:ned)?|allocat(?:ed|ion)|capital plan|assigned)\b"
)
_DISBURSED_COLUMN = re.compile(
    r"(?i)^(?:số\s+)?(?:đã\s+)?(?:giải ngân|disbursed|disbursement|paid out)\b"
)
_MONEY_UNIT = re.compile(r"(?i)\b(?:tỷ|tỉ) đồng\b|\bVND\s*(?:bn|billion)\b|\bbillion\s+VND\b")


def money_columns(header: Sequence[str], caption: str) -> tuple[list[str], dict[int, str]]:
    """A disbursement table's head with its planned and disbursed columns named as the rules
    read them ("Kế hoạch vốn", "Đã giải ngân"; "Capital plan", "Disbursed"), and the unit each
    of their bare cells is said with (" tỷ đồng", " billion VND"); the head as it is and no
    unit unless the table has both columns and its caption or head names the money's unit."""
    plan = [j for j in range(1, len(header)) if _PLAN_COLUMN.match(header[j].strip())]
    paid = [j for j in range(1, len(header)) if _DISBURSED_COLUMN.match(header[j].strip())]
    if len(plan) != 1 or len(paid) != 1 or not _MONEY_UNIT.search(f"{caption} {' '.join(header)}"):
        return list(header), {}
    english = f"{caption} {' '.join(header)}".isascii()
    out = list(header)
    for j, name in (
        (plan[0], ("Allocated capital", "Kế hoạch vốn")),
        (paid[0], ("Disbursed", "Đã giải ngân")),
    ):
        year = re.search(r"\b(?:19|20)\d\d\b", header[j])  # "Plan 2025": the year it is for
        out[j] = name[0] if english else name[1]
        if year:
            out[j] += f" for {year.group()}" if english else f" năm {year.group()}"
    unit = " billion VND" if english else " tỷ đồng"
    return out, {plan[0]: unit, paid[0]: unit}
