"""Demo: the narrative of the Standing Committee's 2019 report of the Lạng Sơn HĐND (the
figures are not here: the report takes them from the other apps' demo data)."""

from __future__ import annotations

import datetime as dt

from council.models import Council
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
