"""Demo: the narrative of the Standing Committee's 2019 report of the Lạng Sơn HĐND (the
figures are not here: the report takes them from the other apps' demo data), and a commune
council's 2026 report (load_commune)."""

from __future__ import annotations

import datetime as dt

from council import demo as council_demo
from council.models import Council, Delegate, Position
from reports.models import AnnualReport
from reports.services import annual_report_save, default_recipients

ASSESSMENT_2019 = """Năm 2019, hoạt động của Thường trực HĐND tỉnh tiếp tục có nhiều đổi mới, bám sát chương trình công tác đề ra; các kỳ họp được chuẩn bị chu đáo, các nghị quyết ban hành đều xuất phát từ nhu cầu thực tế, tạo chuyển biến tích cực trên các lĩnh vực.
Hoạt động giám sát, khảo sát tiếp tục đổi mới theo hướng thiết thực, bám sát thực tiễn; các kiến nghị sau giám sát, chất vấn, giải trình được UBND tỉnh chỉ đạo tiếp thu, đề ra giải pháp giải quyết.
Bên cạnh kết quả đạt được, việc theo dõi, đôn đốc giải quyết một số kiến nghị sau giám sát và kiến nghị của cử tri có lúc chưa thường xuyên; chất lượng tổng hợp ý kiến, kiến nghị của cử tri ở một số nơi còn hạn chế."""

TASKS_2020 = """Xây dựng, ban hành kế hoạch và triển khai có hiệu quả Chương trình giám sát của Thường trực và các Ban HĐND tỉnh năm 2020.
Chủ động phối hợp với UBND tỉnh, Ủy ban MTTQ Việt Nam tỉnh chuẩn bị và tổ chức tốt các kỳ họp theo quy định; tiếp tục cải tiến, nâng cao chất lượng tổ chức kỳ họp.
Phối hợp với UBND tỉnh giải quyết kịp thời những vấn đề phát sinh giữa hai kỳ họp.
Tiếp tục đổi mới, đa dạng hình thức tiếp xúc cử tri, duy trì và tăng cường tiếp xúc cử tri theo chuyên đề, tại thôn, bản, khối phố; nâng cao chất lượng tổng hợp, theo dõi, đôn đốc giải quyết kiến nghị của cử tri; đôn đốc cơ quan có thẩm quyền xem xét, giải quyết khiếu nại, tố cáo theo quy định."""

OTHER_WORK_2019 = """Thường trực HĐND tỉnh duy trì họp thường kỳ hằng tháng; tổ chức giao ban với Thường trực HĐND các huyện, thành phố; phối hợp thực hiện tốt công tác thông tin, tuyên truyền về hoạt động của HĐND tỉnh.
Văn phòng HĐND tỉnh bảo đảm các điều kiện phục vụ hoạt động của HĐND, Thường trực, các Ban và đại biểu HĐND tỉnh."""


def load(*, council: Council) -> None:
    report = AnnualReport.objects.filter(council=council, year=2019).first() or AnnualReport(
        council=council, year=2019
    )
    report.number = "125"
    report.report_date = dt.date(2019, 12, 10)
    report.assessment = ASSESSMENT_2019
    report.next_year_tasks = TASKS_2020
    report.other_work = OTHER_WORK_2019
    report.signing_authority = AnnualReport.Authority.ON_BEHALF
    report.signer_title = AnnualReport.SignerTitle.CHAIR
    report.signer_name = "Hoàng Văn Nghiệm"
    report.recipients = default_recipients(day=report.report_date)
    annual_report_save(report=report)


# --- A commune council's 2026 (issue 19) ---------------------------------------------------


def load_commune(*, council: Council) -> None:
    """The narrative of a commune council's 2026 report, not yet numbered nor dated (the year is
    not over): the same document as the province's, in the commune's words; its figures come
    from the commune's data."""
    term = council_demo.current_term(council)
    if term is None:
        return
    place = council_demo.locality(council)
    hdnd = f"HĐND {place}"
    report = AnnualReport.objects.filter(council=council, year=2026).first() or AnnualReport(
        council=council, year=2026
    )
    report.assessment = (
        f"Năm 2026 là năm đầu tiên {hdnd} khóa {term.roman}, nhiệm kỳ 2026 - 2031 hoạt động "
        "sau cuộc bầu cử ngày 15/3/2026 và sau khi sắp xếp đơn vị hành chính, tổ chức chính "
        "quyền địa phương hai cấp. Thường trực HĐND đã chủ động xây dựng quy chế làm việc, "
        "chuẩn bị và tổ chức các kỳ họp đúng luật; các nghị quyết ban hành sát với tình hình "
        "thực tế của địa phương.\n"
        "Hoạt động giám sát tập trung vào những vấn đề cử tri quan tâm sau sắp xếp: giải quyết "
        "thủ tục hành chính, sử dụng trụ sở dôi dư. Việc theo dõi, đôn đốc thực hiện kiến nghị "
        "sau giám sát có lúc chưa thường xuyên."
    )
    report.next_year_tasks = (
        "Triển khai Chương trình giám sát năm 2027 của HĐND; tổ chức tốt các kỳ họp thường lệ "
        "và chuyên đề theo quy định.\n"
        "Đổi mới hình thức tiếp xúc cử tri, theo dõi, đôn đốc giải quyết kiến nghị của cử tri "
        "và đơn thư của công dân."
    )
    report.other_work = (
        f"Thường trực HĐND duy trì giao ban hằng tháng với UBND, Ủy ban MTTQ Việt Nam {place}; "
        "tham dự các hội nghị tập huấn đại biểu HĐND cấp xã do Thường trực HĐND tỉnh tổ chức."
    )
    report.signing_authority = AnnualReport.Authority.ON_BEHALF
    report.signer_title = AnnualReport.SignerTitle.CHAIR
    report.signer_name = (
        Delegate.objects.filter(term=term, positions__role=Position.Role.CHAIR)
        .values_list("full_name", flat=True)
        .first()
        or ""
    )
    report.recipients = default_recipients(day=dt.date(2026, 12, 31), council=council)
    annual_report_save(report=report)
