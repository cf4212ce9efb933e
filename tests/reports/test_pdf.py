"""The founding case: from the demo data, the 2019 report prints every figure of the Lạng Sơn
year-end review (../shared/domain/lang-son-2019-review.txt), in an NĐ 30/2020 layout."""

import json
from io import BytesIO

import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from pypdf import PdfReader

from council.selectors import province_council
from reports.models import ReportRequest
from reports.selectors import annual_figures
from tests.reports.conftest import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

FOUNDING_FIGURES = [
    "05 kỳ họp",
    "03 kỳ họp bất thường",
    "65 nghị quyết",
    "01 cuộc giám sát chuyên đề của HĐND tỉnh",
    "02 cuộc giám sát chuyên đề",
    "01 cuộc kiểm tra của Thường trực HĐND tỉnh",
    "01 phiên giải trình",
    "01 phiên chất vấn giữa hai kỳ họp",
    "12 cuộc giám sát chuyên đề",
    "11 nội dung phát sinh giữa hai kỳ họp",
    "23 báo cáo, tờ trình",
]


@pytest.fixture(scope="module")
def demo_pdf(django_db_setup, django_db_blocker, tmp_path_factory) -> bytes:
    """The demo loaded and the 2019 report rendered once for the module, through the command."""
    output = tmp_path_factory.mktemp("pdf") / "report.pdf"
    with django_db_blocker.unblock():
        from django.db import transaction

        # Rolled back at the end so the module leaves the test database as it found it.
        with transaction.atomic():
            call_command("load_demo")
            call_command("annual_report", year=2019, output=str(output))
            transaction.set_rollback(True)
    return output.read_bytes()


def test_demo_report_prints_every_founding_figure(demo_pdf):
    text = pdf_text(demo_pdf)
    missing = [figure for figure in FOUNDING_FIGURES if figure not in text]
    assert not missing, f"missing {missing} in: {text[:3000]}"
    assert (
        "Hội đồng nhân dân tỉnh đã tổ chức 05 kỳ họp (trong đó, có 03 kỳ họp bất thường); "
        "ban hành 65 nghị quyết" in text
    )


def test_demo_report_has_the_nd30_header_signature_and_recipients(demo_pdf):
    text = pdf_text(demo_pdf)
    for expected in [
        "HỘI ĐỒNG NHÂN DÂN",
        "TỈNH LẠNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 125/BC-HĐND",
        "Lạng Sơn, ngày 10 tháng 12 năm 2019",
        "BÁO CÁO",
        "Kết quả hoạt động năm 2019 của Thường trực HĐND tỉnh",
        "I. KẾT QUẢ HOẠT ĐỘNG",
        "II. ĐÁNH GIÁ CHUNG",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2020",
        "TM. THƯỜNG TRỰC HĐND",
        "CHỦ TỊCH",
        "Hoàng Văn Nghiệm",
        "Nơi nhận:",
        "- Lưu: VT.",
        "PHỤ LỤC",
    ]:
        assert expected in text, expected


def test_demo_report_is_a4_with_the_bundled_font_and_numbers_from_page_two(demo_pdf):
    reader = PdfReader(BytesIO(demo_pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == (595.28, 841.89)  # A4
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }
    assert "Liberation-Serif" in fonts
    assert "Liberation-Serif-Italic" in fonts  # the place-and-date line
    assert not any("DejaVu" in font for font in fonts)
    pages = pdf_pages(demo_pdf, layout=True)
    assert len(pages) >= 2

    assert pages[0].strip().startswith("HỘI ĐỒNG NHÂN DÂN")  # no number on page 1
    assert pages[1].strip().startswith("2")


def test_figures_snapshot_matches_the_selectors():
    call_command("load_demo")
    call_command("annual_report", year=2019)
    request = ReportRequest.objects.get()
    figures = annual_figures(council=province_council(), year=2019)
    # As stored: JSON turns the selectors' tuples into lists.
    assert request.figures == json.loads(json.dumps(figures.as_json(), cls=DjangoJSONEncoder))
    assert request.figures["sessions"]["total"] == 5
    assert request.figures["standing"] == {
        "intersession_matters": 11,
        "intersession_matters_answered": 11,
        "appraisals": 23,
        "appraisals_answered": 23,
    }


@pytest.mark.parametrize(
    "suffix",
    [
        "../../../../../../etc/passwd",
        "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "..%252f..%252f..%252f..%252f..%252f..%252fetc%252fpasswd",
        "%252e%252e%252f%252e%252e%252f%252e%252e%252f%252e%252e%252f%252e%252e%252fetc/passwd",
        "css/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "css/report.css%00.png",
    ],
)
def test_the_report_loader_refuses_paths_that_leave_the_static_folder(suffix):
    """Probed directly, the loader returned /etc/passwd for an encoded "..": no longer."""
    from reports.pdf import _static_root, _url_fetcher

    root = _static_root().resolve().as_uri() + "/"
    with pytest.raises(ValueError, match="Refusing to load"):
        _url_fetcher().fetch(root + suffix)


def test_the_report_loader_still_loads_the_bundled_files():
    from reports.pdf import _static_root, _url_fetcher

    font = next(_static_root().resolve().glob("fonts/**/*.ttf"))
    url = (
        _static_root().resolve().as_uri()
        + "/"
        + font.relative_to(_static_root().resolve()).as_posix()
    )
    response = _url_fetcher().fetch(url)
    try:
        assert response.read(4) == font.read_bytes()[:4]
    finally:
        response.close()
