"""The same report gives the same figures whatever format it arrives in: a .txt, a saved web
page, a DOCX, a PDF printed by Chromium (justified, as offices print). Every text here is
written for these tests; the DOCX and PDF fixtures are generated from it in the test."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files, read_document
from tests.chromium import print_pdf

Figure = tuple[str, float, str]


def _found(path: Path) -> set[Figure]:
    result = extract_files([path])
    assert not result.unreadable, result.unreadable
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


def _rows(line: str) -> list[str] | None:
    return [c.strip() for c in line.split("|")] if " | " in line else None


def _docx(text: str, path: Path) -> Path:
    """One paragraph a line; lines of cells between bars as one Word table."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table: list[list[str]] = []
    lines = text.strip().split("\n")
    for n, line in enumerate(lines):
        cells = _rows(line)
        if cells is not None:
            table.append(cells)
            if n + 1 < len(lines) and _rows(lines[n + 1]) is not None:
                continue
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for i, row in enumerate(table):
                for j, value in enumerate(row):
                    grid.cell(i, j).text = value
            table = []
        elif line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path


_PRINTED = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2cm 1.5cm 2cm 3cm; }}
body {{ font-family: "DejaVu Serif", serif; font-size: 13pt; text-align: justify; }}
h1 {{ font-size: 15pt; text-align: center; }} p {{ margin: 0 0 6pt 0; text-indent: 1cm; }}
table {{ border-collapse: collapse; width: 100%; text-align: left; }}
td {{ border: 1px solid #000; }}
</style></head><body>{body}</body></html>"""


def _pdf_html(text: str, folder: Path, name: str = "bao_cao", headline: str = "") -> Path:
    """The page Chromium prints for ``_pdf`` (under a centred headline set larger, if given)."""
    parts: list[str] = [f"<h1>{escape(headline)}</h1>"] if headline else []
    table: list[str] = []
    for line in [*text.strip().split("\n"), ""]:
        cells = _rows(line)
        if cells is not None:
            table.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
            continue
        if table:
            parts.append(f"<table>{''.join(table)}</table>")
            table = []
        if line.strip():
            parts.append(f"<p>{escape(line)}</p>")
    html = folder / f"{name}.html"
    html.write_text(_PRINTED.format(body="\n".join(parts)), encoding="utf-8")
    return html


def _pdf(text: str, folder: Path, name: str = "bao_cao") -> Path:
    """The text printed as an office prints it: justified paragraphs with a first-line indent,
    lines of cells between bars as a bordered table."""
    return print_pdf(_pdf_html(text, folder, name), folder / f"{name}.pdf")


def _txt(text: str, path: Path) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


TWIN_FIGURES = """Tỉnh Lạng Sơn: kết quả giải quyết hồ sơ thủ tục hành chính quý II năm 2024
Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo từng cấp như sau:
Cấp | Tiếp nhận | Đã giải quyết | Giải quyết đúng hạn
Cấp tỉnh | 98.310 | 96.402 | 95.117
Cấp xã | 4.120 | 4.120 | 4.120
"""


def test_docx_table_cells_holding_the_same_figure_stay_apart(tmp_path):
    """Two cells side by side that hold the same figure are two cells, not one merged cell:
    the row keeps its width and reads under its heads as the text's row does."""
    plain = _found(_txt(TWIN_FIGURES, tmp_path / "bao_cao.txt"))
    assert ("dossier.resolved", 4120.0, "cấp xã") in plain
    assert _found(_docx(TWIN_FIGURES, tmp_path / "bao_cao.docx")) == plain


def test_docx_cell_merged_over_columns_counts_once(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Kết quả giải quyết hồ sơ thủ tục hành chính quý II năm 2024:")
    grid = document.add_table(rows=3, cols=3)
    for i, row in enumerate([["Cấp", "Tiếp nhận", "Đã giải quyết"], ["Cấp tỉnh", "98.310"]]):
        for j, value in enumerate(row):
            grid.cell(i, j).text = value
    grid.cell(1, 1).merge(grid.cell(1, 2))  # one figure over both columns: a merged cell
    for j, value in enumerate(["Cấp xã", "4.120", "4.120"]):
        grid.cell(2, j).text = value
    document.save(str(tmp_path / "gop.docx"))
    lines = read_document(tmp_path / "gop.docx").text.split("\n")
    assert "Cấp tỉnh | 98.310" in lines  # the merged cell once: no third column invented
    assert any(line.startswith("Cấp xã: Tiếp nhận 4.120") for line in lines)


# A report written for these tests: long paragraphs, as offices type them, full of names that
# open on a capital (a line a justified paragraph wraps before "Phòng" or "Sở" goes on)
JUSTIFIED_REPORT = """Báo cáo kết quả công tác cải cách hành chính 6 tháng đầu năm 2024 của tỉnh Hải Dương
Trong 6 tháng đầu năm 2024, Ủy ban nhân dân tỉnh Hải Dương tiếp tục chỉ đạo các Sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố triển khai đồng bộ các nhiệm vụ cải cách hành chính theo Kế hoạch số 4521/KH-UBND, gắn cải cách hành chính với chuyển đổi số và xây dựng chính quyền điện tử, lấy người dân, doanh nghiệp làm trung tâm phục vụ.
Về cải cách thủ tục hành chính, Chủ tịch Ủy ban nhân dân tỉnh đã ban hành 14 Quyết định công bố danh mục thủ tục hành chính, trong đó công bố mới 212 thủ tục hành chính, sửa đổi, bổ sung 64 thủ tục hành chính và bãi bỏ 61 thủ tục hành chính. Tổng số thủ tục hành chính đang có hiệu lực thi hành trên địa bàn tỉnh là 1.934 thủ tục, được công khai đầy đủ trên Cổng Dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.
Trong kỳ, toàn tỉnh đã tiếp nhận 412.142 hồ sơ qua Trung tâm Phục vụ hành chính công tỉnh, Bộ phận Một cửa các huyện, thị xã, thành phố và Bộ phận Một cửa các xã, phường, thị trấn, trong đó tiếp nhận trực tuyến 251.006 hồ sơ. Đã giải quyết 398.215 hồ sơ, trong đó giải quyết trước hạn 301.442 hồ sơ, đúng hạn 95.321 hồ sơ, quá hạn 1.452 hồ sơ; tỷ lệ giải quyết đúng hạn đạt 99,64%. Số hồ sơ đang giải quyết là 13.927 hồ sơ.
Ảnh: Bộ phận Một cửa huyện Thanh Hà tiếp nhận hồ sơ của người dân
Đến hết tháng 6 năm 2024, các cơ quan đã công khai đầy đủ, đúng quy định các thủ tục hành chính thuộc thẩm quyền trên Cổng Dịch vụ công quốc gia.
Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tiếp tục được Văn phòng Ủy ban nhân dân tỉnh đôn đốc; Sở Tài nguyên và Môi trường, Sở Kế hoạch và Đầu tư, Sở Lao động - Thương binh và Xã hội, Sở Giao thông vận tải và Sở Tư pháp là những đơn vị có tỷ lệ số hóa cao. Phòng Tư pháp các huyện phối hợp với Ủy ban nhân dân cấp xã rà soát, đơn giản hóa các thủ tục trong lĩnh vực hộ tịch, chứng thực theo hướng cắt giảm thành phần hồ sơ và thời gian giải quyết.
Công tác khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước được Sở Nội vụ thực hiện bằng phiếu điện tử trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh; kết quả khảo sát năm 2023 cho thấy chỉ số hài lòng chung đạt 86,45%, tăng so với năm trước, Thanh tra tỉnh và Công an tỉnh được đánh giá cao về thái độ phục vụ.
Về cải cách tổ chức bộ máy, Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh sắp xếp lại các đơn vị sự nghiệp công lập, giảm đầu mối bên trong các Sở, ngành theo đúng quy định; Ban Quản lý các khu công nghiệp, Đài Phát thanh và Truyền hình tỉnh và Trường Cao đẳng Hải Dương hoàn thành việc kiện toàn tổ chức. Cải cách chế độ công vụ tiếp tục được thực hiện, gắn với đánh giá cán bộ, công chức, viên chức theo kết quả thực hiện nhiệm vụ.
Về cải cách tài chính công, Sở Tài chính hướng dẫn các đơn vị thực hiện cơ chế tự chủ tài chính; Kho bạc Nhà nước tỉnh và Cục Thuế tỉnh đẩy mạnh thanh toán điện tử, Ngân hàng Nhà nước Chi nhánh tỉnh phối hợp mở rộng các điểm chấp nhận thanh toán không dùng tiền mặt. Về xây dựng chính quyền số, Sở Thông tin và Truyền thông vận hành ổn định Trung tâm Giám sát, điều hành đô thị thông minh của tỉnh và Hệ thống quản lý văn bản và điều hành.
Trong 6 tháng cuối năm 2024, Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các Sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố tập trung chỉ đạo, nâng cao chất lượng giải quyết thủ tục hành chính, giảm hồ sơ quá hạn, Hồ sơ chậm trả phải có văn bản xin lỗi người dân theo quy định, Phòng Nội vụ các huyện theo dõi, tổng hợp báo cáo định kỳ.
"""


def test_justified_pdf_reads_each_paragraph_as_the_text_does(tmp_path):
    """A PDF of justified paragraphs (the gaps between words stretched, which pypdf lays out
    as runs of spaces) reads each paragraph on one line, its figures the text's: the stretched
    gaps are no table's columns, and a line that wraps before a capital ("… Hải" / "Phòng …")
    or over a page break (running heads and page numbers between) goes on; a caption's short
    line stays apart from the paragraph after it, even one opening on "Đ"."""
    pdf = print_pdf(
        _pdf_html(JUSTIFIED_REPORT, tmp_path), tmp_path / "bao_cao.pdf", running_heads=True
    )
    source = read_document(pdf)
    assert source.how.startswith("pdf (2 pages")
    lines = {" ".join(line.split()) for line in source.text.split("\n")}
    for paragraph in JUSTIFIED_REPORT.strip().split("\n")[1:]:
        assert " ".join(paragraph.split()) in lines
    plain = _found(_txt(JUSTIFIED_REPORT, tmp_path / "bao_cao.txt"))
    assert ("dossier.received", 412142.0, "province") in plain
    assert _found(pdf) == plain


def test_justified_pdf_under_a_wrapped_headline(tmp_path):
    """A headline set larger and centred over two lines is no justified line; where its
    second line goes on in lower case, it is one line, as the text's first line is."""
    headline = (
        "Hải Dương: 6 tháng đầu năm 2024 giải quyết đúng hạn 99,64% hồ sơ thủ tục hành chính "
        "trên địa bàn tỉnh"
    )
    body = JUSTIFIED_REPORT.split("\n", 1)[1]
    pdf = print_pdf(
        _pdf_html(body, tmp_path, headline=headline), tmp_path / "tin.pdf", running_heads=True
    )
    assert read_document(pdf).text.lstrip().split("\n")[0] == headline
    plain = _txt(f"{headline}\n{body}", tmp_path / "tin.txt")
    assert _found(pdf) == _found(plain)
    assert extract_files([pdf]).documents[0].period == "2024-H1"


YEARLY_TABLE = """Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh Lạng Sơn qua các năm
Điểm các chỉ số thành phần PCI của tỉnh Lạng Sơn từ năm 2019 đến năm 2023 như sau:
Chỉ số | 2023 | 2022 | 2021 | 2020 | 2019
Gia nhập thị trường | 7,12 | 6,85 | 6,90 | 7,31 | 7,05
Tiếp cận đất đai và sự ổn định trong sử dụng đất | 6,44 | 6,51 | 6,51 | 6,02 | 5,98
Chi phí thời gian để thực hiện các quy định của Nhà nước | 6,77 | 7,02 | 6,64 | 6,20 | 6,35
Điểm tổng hợp PCI | 65,21 | 64,02 | 63,88 | 62,17 | 61,54
"""


def test_pdf_table_headed_by_years_with_padded_rows(tmp_path):
    """A table whose head names years ("Chỉ số 2023 2022 …") printed with padded cells (pypdf
    lays a blank line out between its rows) and labels wrapped over lines reads row by row as
    the text's table does."""
    html = _pdf_html(YEARLY_TABLE, tmp_path, "pci")
    html.write_text(
        html.read_text(encoding="utf-8").replace(
            "</style>", "td { padding: 7pt 3pt; } td:first-child { width: 25%; }</style>"
        ),
        encoding="utf-8",
    )
    pdf = print_pdf(html, tmp_path / "pci.pdf")
    plain = _found(_txt(YEARLY_TABLE, tmp_path / "pci.txt"))
    assert len(plain) >= 12
    assert _found(pdf) == plain


def test_web_page_titled_after_its_first_paragraph_and_its_site(tmp_path):
    """A page without a headline of its own, titled "<first paragraph> - <site>": the site's
    name is not read as the article's headline (trafilatura may take it for the title)."""
    first = (
        "Trong quý II năm 2024, Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn đã tiếp nhận "
        "21.004 hồ sơ thủ tục hành chính, trong đó có 12.880 hồ sơ trực tuyến, được người dân "
        "đánh giá cao về thái độ phục vụ."
    )
    rest = (
        "Đã giải quyết 20.517 hồ sơ, trong đó trả quá hạn 37 hồ sơ; số hồ sơ đang giải quyết là "
        "450 hồ sơ."
    )
    page = tmp_path / "tin.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{escape(first)} - Cổng thông tin điện tử tỉnh Lạng Sơn</title></head><body>"
        "<header><nav><a href='/'>Trang chủ</a> <a href='/tin'>Tin tức</a></nav></header>"
        f"<article><p>{escape(first)}</p><p>{escape(rest)}</p></article>"
        "<footer>Cổng thông tin điện tử tỉnh Lạng Sơn. Điện thoại: 0205 3812 345</footer>"
        "</body></html>",
        encoding="utf-8",
    )
    assert "Cổng thông tin" not in read_document(page).text
    plain = _found(_txt(f"{first}\n{rest}\n", tmp_path / "tin.txt"))
    assert ("dossier.received", 21004.0, "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn") in plain
    assert _found(page) == plain


def test_laid_out_justified_paragraphs_join_as_written():
    """Paragraphs as pypdf lays out a justified page: each first line indented, a stretched
    line going on, a word broken at its hyphen joined without a space; more first lines than
    others (short paragraphs) do not make the indent the text's left edge."""
    from cchc_analysis.extract.layout import laid_out_tables

    page = "\n".join(
        [
            "     Tính  đến  cuối  tháng  6  năm  2024,  Ủy  ban  nhân  dân  thành  phố  và",
            "17 phường, xã tiếp nhận 116.383 hồ sơ thủ tục hành chính.",
            "     Trong đó, thủ tục hành chính thuộc thẩm quyền của Ủy ban nhân dân",
            "Thành phố có 63.273 hồ sơ, đã giải quyết đúng hạn 62.980 hồ sơ.",
            "     Ward  officials  handled  the  procedures  at  the  commune-",
            "level one-stop shop.",
        ]
    )
    assert laid_out_tables(page).split("\n") == [
        "Tính đến cuối tháng 6 năm 2024, Ủy ban nhân dân thành phố và 17 phường, xã tiếp nhận "
        "116.383 hồ sơ thủ tục hành chính.",
        "Trong đó, thủ tục hành chính thuộc thẩm quyền của Ủy ban nhân dân Thành phố có 63.273 "
        "hồ sơ, đã giải quyết đúng hạn 62.980 hồ sơ.",
        "Ward officials handled the procedures at the commune-level one-stop shop.",
    ]


def test_laid_out_paragraph_over_a_page_with_no_first_line_of_its_own():
    """A page that only goes on with the paragraph of the page before (no first line of its
    own to show that paragraphs are indented) keeps its lines together, even one that ends
    on a semicolon: the text's setting carries over from the pages before."""
    from cchc_analysis.extract.layout import laid_out_flow

    first = "\n".join(
        [
            "     Trong  năm  2023,  Bộ  phận  một  cửa  huyện  đã  tiếp  nhận  21.519  hồ  sơ,",
            "trong đó đã giải quyết 20.889 hồ sơ, đạt tỷ lệ 97,1% và trả kết quả đúng hạn cho",
        ]
    )
    second = "\n".join(
        [
            "người  dân,  tổ  chức;  thời  gian  giải  quyết  nhiều  thủ  tục  được  rút  ngắn:",
            "đăng ký kinh doanh giảm từ 5 ngày xuống 3 ngày, chứng thực giảm còn 1 ngày;",
            "các xã đã tiếp nhận và giải quyết 8.410 hồ sơ, không có hồ sơ trễ hạn.",
        ]
    )
    flow = laid_out_flow([first, second])
    assert flow.justified
    assert flow.open_lines[0] == " ".join(first.split())
    assert flow.pages[1] == " ".join(second.split())


def test_laid_out_head_of_one_word_names_evenly_apart_is_no_justified_line():
    """A table's head of one-word names that stand evenly apart looks like a stretched line:
    it heads the rows under it all the same."""
    from cchc_analysis.extract.layout import laid_out_tables

    page = "\n".join(
        [
            "Điểm và hạng của các tỉnh năm 2024:",
            "",
            "Tỉnh      Điểm      Hạng      Loại",
            "Lạng Sơn  91,50     1         Tốt",
            "Cao Bằng  88,20     2         Khá",
        ]
    )
    assert laid_out_tables(page).split("\n")[2:] == [
        "Tỉnh | Điểm | Hạng | Loại",
        "Lạng Sơn: Điểm 91,50; Hạng 1.",
        "Cao Bằng: Điểm 88,20; Hạng 2.",
    ]


# A report as a provincial office issues it (written for this test): letterhead in two
# columns, kind and title, justified body with numbered sections, a table, signature block.
LETTERHEAD = (
    ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 215/BC-UBND"],
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 25 tháng 6 năm 2024",
    ],
)
OFFICE_REPORT = [
    "BÁO CÁO",
    "Kết quả công tác cải cách hành chính quý II năm 2024",
    "Thực hiện Kế hoạch cải cách hành chính năm 2024, Ủy ban nhân dân tỉnh Lạng Sơn báo cáo kết quả công tác cải cách hành chính quý II năm 2024 như sau:",
    "I. KẾT QUẢ ĐẠT ĐƯỢC",
    "1. Cải cách thủ tục hành chính",
    "Trong quý, Chủ tịch Ủy ban nhân dân tỉnh đã ban hành 9 Quyết định công bố danh mục thủ tục hành chính, trong đó công bố mới 212 thủ tục hành chính, sửa đổi, bổ sung 64 thủ tục hành chính, bãi bỏ 61 thủ tục hành chính. Tổng số thủ tục hành chính đang có hiệu lực thi hành trên địa bàn tỉnh là 1.934 thủ tục.",
    "Toàn tỉnh tiếp nhận 412.142 hồ sơ thủ tục hành chính, trong đó tiếp nhận trực tuyến 251.006 hồ sơ; đã giải quyết 398.215 hồ sơ, trong đó giải quyết trước hạn 301.442 hồ sơ, đúng hạn 95.321 hồ sơ, quá hạn 1.452 hồ sơ; tỷ lệ giải quyết đúng hạn đạt 99,64%; đang giải quyết 13.927 hồ sơ.",
    "Kết quả tiếp nhận, giải quyết hồ sơ theo từng cấp như sau:",
    [
        ["Cấp", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết"],
        ["Cấp tỉnh", "98.310", "96.402", "1.908"],
        ["Cấp huyện", "120.500", "118.000", "2.500"],
        ["Cấp xã", "193.332", "183.813", "9.519"],
    ],
    "2. Cải cách tổ chức bộ máy hành chính nhà nước",
    "Các Sở, ban, ngành tiếp tục rà soát, sắp xếp tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả; Sở Nội vụ hướng dẫn các cơ quan, đơn vị xây dựng đề án vị trí việc làm theo quy định. Việc đánh giá, xếp loại cán bộ, công chức, viên chức gắn với kết quả thực hiện nhiệm vụ được chỉ đạo thực hiện nghiêm túc, thực chất ở tất cả các cơ quan, đơn vị trên địa bàn tỉnh.",
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2024",
    "Tiếp tục đẩy mạnh cải cách thủ tục hành chính, nâng cao tỷ lệ hồ sơ trực tuyến toàn trình, giảm tỷ lệ hồ sơ quá hạn; tăng cường kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị.",
    "Nơi nhận:",
    "- Bộ Nội vụ;",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Hồ Tiến Thiệu",
]
# its figures, labelled by hand
OFFICE_FIGURES = {
    ("tthc.published", 212.0, "province"),
    ("tthc.amended", 64.0, "province"),
    ("tthc.abolished", 61.0, "province"),
    ("tthc.in_force", 1934.0, "province"),
    ("dossier.received", 412142.0, "province"),
    ("dossier.online", 251006.0, "province"),
    ("dossier.resolved", 398215.0, "province"),
    ("dossier.resolved_early", 301442.0, "province"),
    ("dossier.resolved_on_time", 95321.0, "province"),
    ("dossier.resolved_late", 1452.0, "province"),
    ("dossier.on_time_pct", 99.64, "province"),
    ("dossier.pending", 13927.0, "province"),
    ("dossier.received", 98310.0, "cấp tỉnh"),
    ("dossier.resolved", 96402.0, "cấp tỉnh"),
    ("dossier.pending", 1908.0, "cấp tỉnh"),
    ("dossier.received", 120500.0, "cấp huyện"),
    ("dossier.resolved", 118000.0, "cấp huyện"),
    ("dossier.pending", 2500.0, "cấp huyện"),
    ("dossier.received", 193332.0, "cấp xã"),
    ("dossier.resolved", 183813.0, "cấp xã"),
    ("dossier.pending", 9519.0, "cấp xã"),
}


def _office_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    for j, column in enumerate(LETTERHEAD):
        head.cell(0, j).text = "\n".join(column)
    for block in OFFICE_REPORT:
        if isinstance(block, list):
            grid = document.add_table(rows=len(block), cols=len(block[0]))
            for i, row in enumerate(block):
                for j, value in enumerate(row):
                    grid.cell(i, j).text = value
        else:
            document.add_paragraph(block)
    document.save(str(path))
    return path


def _office_pdf(folder: Path) -> Path:
    """Printed as the office prints it: A4, justified, first lines indented, the letterhead's
    two columns side by side, page numbers and the browser's running heads on every page."""
    letterhead = "".join(f"<td>{'<br>'.join(map(escape, c))}</td>" for c in LETTERHEAD)
    parts = [f"<table class='lh'><tr>{letterhead}</tr></table>"]
    for n, block in enumerate(OFFICE_REPORT):
        if isinstance(block, list):
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block
            )
            parts.append(f"<table class='grid'>{rows}</table>")
        else:
            kind = "title" if n < 2 else "sign" if n >= len(OFFICE_REPORT) - 6 else ""
            parts.append(f"<p class='{kind}'>{escape(block)}</p>")
    html = folder / "bao_cao_215.html"
    html.write_text(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>'
        "@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }"
        "body { font-family: 'DejaVu Serif', serif; font-size: 13pt; text-align: justify; }"
        ".lh { width: 100%; text-align: center; font-weight: bold; font-size: 12pt; }"
        "p { text-indent: 1.27cm; margin: 0 0 6pt 0; }"
        "p.title { text-align: center; font-weight: bold; text-indent: 0; }"
        "p.sign { text-indent: 0; margin: 0; }"
        ".grid { border-collapse: collapse; width: 100%; text-align: left; }"
        ".grid td { border: 1px solid #000; padding: 2pt; }"
        f"</style></head><body>{''.join(parts)}</body></html>",
        encoding="utf-8",
    )
    return print_pdf(html, folder / "bao_cao_215.pdf", running_heads=True)


def test_office_report_as_pdf_and_docx_gives_its_figures(tmp_path):
    """The same report as a justified PDF and as a DOCX: every figure labelled by hand, with
    its scope, and the province, period and headline from the letterhead and the title."""
    for path in (_office_docx(tmp_path / "bao_cao_215.docx"), _office_pdf(tmp_path)):
        result = extract_files([path])
        assert _found(path) == OFFICE_FIGURES, path.suffix
        document = result.documents[0]
        assert (document.province, document.period) == ("Lạng Sơn", "2024-Q2"), path.suffix
        assert document.headline == "Kết quả công tác cải cách hành chính quý II năm 2024"


def test_ragged_pdf_line_ending_on_an_abbreviation_goes_on():
    """A ragged page's full line that ends on a word in capitals ("TP", "UBND") ends no
    sentence: the next line goes on from it, as from one ending in lower case; a short heading
    in capitals stays a line of its own, and so does a line ending a sentence."""
    from cchc_analysis.extract.readers import _reflow

    text = "\n".join(
        [
            "I. KẾT QUẢ",
            "Các tỉnh, thành còn lại đều đạt tỷ lệ dưới 50%, trong đó Hà Nội và TP",
            "Hồ Chí Minh thuộc nhóm thấp nhất; văn bản điện tử gửi đến các UBND",
            "Huyện Cẩm Xuyên tăng mạnh, đạt 96,5% so với cùng kỳ năm trước.",
            "Sở Nội vụ đã tổng hợp kết quả đánh giá chỉ số cải cách hành chính.",
        ]
    )
    assert _reflow(text).split("\n") == [
        "I. KẾT QUẢ",
        "Các tỉnh, thành còn lại đều đạt tỷ lệ dưới 50%, trong đó Hà Nội và TP Hồ Chí Minh "
        "thuộc nhóm thấp nhất; văn bản điện tử gửi đến các UBND Huyện Cẩm Xuyên tăng mạnh, "
        "đạt 96,5% so với cùng kỳ năm trước.",
        "Sở Nội vụ đã tổng hợp kết quả đánh giá chỉ số cải cách hành chính.",
    ]
