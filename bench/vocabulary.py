"""Vietnamese building blocks of the synthetic data: names, places, titles and petition texts.

Nothing here names a real province: the generator adds the synthetic province's name where a
text needs one (organisations), so two councils generated with one seed hold the same texts."""

from __future__ import annotations

SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Nông", "Lương", "Hà", "Lục", "Vi", "Đinh", "Bế", "Mông", "Triệu", "Phan", "Tạ",
]  # fmt: skip
MIDDLE_M = ["Văn", "Đức", "Quốc", "Minh", "Xuân", "Hữu", "Công", "Thanh", "Ngọc"]
MIDDLE_F = ["Thị", "Thu", "Thị Thanh", "Thị Minh", "Ngọc", "Thị Hồng", "Phương"]
GIVEN_M = [
    "Hùng", "Cường", "Dũng", "Thắng", "Tuấn", "Long", "Sơn", "Hải", "Bình", "Quân", "Tiến",
    "Toàn", "Nam", "Khánh", "Phúc", "Trung", "Hiếu", "Đạt", "Lâm", "Vinh",
]  # fmt: skip
GIVEN_F = [
    "Hoa", "Lan", "Hương", "Mai", "Thủy", "Hạnh", "Huyền", "Nga", "Liên", "Thơ", "Yến", "Trang",
    "Linh", "Dung", "Hằng", "Loan",
]  # fmt: skip
ETHNICITIES = ["Kinh", "Kinh", "Kinh", "Tày", "Nùng", "Dao", "Mường", "Thái", "H'Mông", "Sán Chay"]

# (unit type of the district, district name, commune names)
DISTRICTS = [
    ("thanh_pho_thuoc_tinh", "Trung Tâm", ["Phường Đông Kinh", "Phường Tam Thanh", "Phường Hoàng Văn Thụ", "Xã Mai Pha"]),
    ("huyen", "An Bình", ["Thị trấn An Bình", "Xã Tân Lập", "Xã Hòa Bình", "Xã Quyết Thắng"]),
    ("huyen", "Bắc Hà", ["Thị trấn Bắc Hà", "Xã Vĩnh Yên", "Xã Tân Thành", "Xã Hồng Phong"]),
    ("huyen", "Đông Sơn", ["Thị trấn Đông Sơn", "Xã Đông Hưng", "Xã Quang Trung", "Xã Nam Sơn"]),
    ("huyen", "Hữu Nghị", ["Thị trấn Hữu Nghị", "Xã Thụy Hùng", "Xã Tân Mỹ", "Xã Hoàng Đồng"]),
    ("huyen", "Kỳ Cùng", ["Thị trấn Kỳ Cùng", "Xã Yên Trạch", "Xã Chiến Thắng", "Xã Gia Cát"]),
    ("huyen", "Lộc Hà", ["Thị trấn Lộc Hà", "Xã Khánh Xuân", "Xã Đồng Bục", "Xã Tú Mịch"]),
    ("huyen", "Mẫu Sơn", ["Thị trấn Mẫu Sơn", "Xã Công Sơn", "Xã Mẫu Đơn", "Xã Thanh Lòa"]),
    ("huyen", "Thạch Đà", ["Thị trấn Thạch Đà", "Xã Cai Kinh", "Xã Yên Vượng", "Xã Hồ Sơn"]),
    ("thi_xa", "Tây Nguyên", ["Phường Thống Nhất", "Phường Độc Lập", "Xã Đồng Tâm", "Xã Lũng Vài"]),
]  # fmt: skip

# (short key, name pattern, short name, kind, level). "{p}" is the province's place name.
ORGANIZATIONS = [
    ("ubnd", "Ủy ban nhân dân tỉnh {p}", "UBND tỉnh {p}", "ubnd", "province"),
    ("mttq", "Ủy ban MTTQ Việt Nam tỉnh {p}", "UBMTTQ tỉnh {p}", "mttq", "province"),
    ("court", "Tòa án nhân dân tỉnh {p}", "TAND tỉnh {p}", "court", "province"),
    ("procuracy", "Viện kiểm sát nhân dân tỉnh {p}", "VKSND tỉnh {p}", "procuracy", "province"),
    ("khdt", "Sở Kế hoạch và Đầu tư tỉnh {p}", "Sở KH&ĐT {p}", "department", "province"),
    ("tc", "Sở Tài chính tỉnh {p}", "Sở Tài chính {p}", "department", "province"),
    ("tnmt", "Sở Tài nguyên và Môi trường tỉnh {p}", "Sở TN&MT {p}", "department", "province"),
    ("gtvt", "Sở Giao thông vận tải tỉnh {p}", "Sở GTVT {p}", "department", "province"),
    ("xd", "Sở Xây dựng tỉnh {p}", "Sở Xây dựng {p}", "department", "province"),
    ("nn", "Sở Nông nghiệp và Phát triển nông thôn tỉnh {p}", "Sở NN&PTNT {p}", "department", "province"),
    ("gd", "Sở Giáo dục và Đào tạo tỉnh {p}", "Sở GD&ĐT {p}", "department", "province"),
    ("yt", "Sở Y tế tỉnh {p}", "Sở Y tế {p}", "department", "province"),
    ("ld", "Sở Lao động - Thương binh và Xã hội tỉnh {p}", "Sở LĐ-TB&XH {p}", "department", "province"),
    ("ct", "Sở Công Thương tỉnh {p}", "Sở Công Thương {p}", "department", "province"),
    ("nv", "Sở Nội vụ tỉnh {p}", "Sở Nội vụ {p}", "department", "province"),
    ("vh", "Sở Văn hóa, Thể thao và Du lịch tỉnh {p}", "Sở VHTT&DL {p}", "department", "province"),
    ("ca", "Công an tỉnh {p}", "Công an tỉnh {p}", "department", "province"),
    ("dt", "Ban Dân tộc tỉnh {p}", "Ban Dân tộc {p}", "department", "province"),
    ("dl", "Công ty Điện lực {p}", "Điện lực {p}", "enterprise", "province"),
]  # fmt: skip

COMMITTEES = [
    ("phap_che", "Ban Pháp chế"),
    ("kinh_te_ngan_sach", "Ban Kinh tế - Ngân sách"),
    ("van_hoa_xa_hoi", "Ban Văn hóa - Xã hội"),
    ("dan_toc", "Ban Dân tộc"),
]

# Shared taxonomies (the same names the demo data uses), reused when they already exist.
RESOLUTION_FIELDS = [
    "Ngân sách - tài chính", "Đầu tư công", "Đất đai", "Tổ chức - nhân sự", "Chính sách xã hội",
    "Giáo dục - y tế", "Nông nghiệp - nông thôn", "Giám sát", "Phê chuẩn nội dung phát sinh", "Khác",
]  # fmt: skip
PETITION_FIELDS = [
    ("che_do_chinh_sach", "Chế độ chính sách"),
    ("giao_thong_xay_dung", "Giao thông - xây dựng - thủy lợi"),
    ("nong_lam_nghiep", "Nông - lâm nghiệp"),
    ("dat_dai_moi_truong", "Đất đai - tài nguyên - môi trường"),
    ("dien_vien_thong", "Điện lực - viễn thông - truyền thông"),
    ("van_hoa_xa_hoi", "Văn hóa - xã hội - giáo dục - y tế"),
    ("bo_may", "Bộ máy và xây dựng chính quyền"),
    ("tai_chinh_dau_tu", "Quy hoạch - tài chính - ngân sách - đầu tư"),
    ("khcn_chuyen_doi_so", "Khoa học công nghệ - chuyển đổi số"),
    ("thuong_mai_du_lich", "Thương mại - dịch vụ - du lịch - công nghiệp"),
    ("khac", "Khác"),
]

PROJECTS = [
    "cải tạo, nâng cấp đường tỉnh {n}", "kè chống sạt lở bờ sông {river}",
    "xây dựng trường trung học phổ thông {place}", "bệnh viện đa khoa khu vực {place}",
    "hồ chứa nước {place}", "đường nối trung tâm huyện {place} với quốc lộ {n}",
    "cụm công nghiệp {place}", "khu tái định cư {place}", "cầu {place} qua sông {river}",
]  # fmt: skip
RIVERS = ["Kỳ Cùng", "Bắc Giang", "Thương", "Hóa", "Trung", "Bằng Giang", "Lục Nam"]
POLICIES = [
    "giảm nghèo bền vững", "xây dựng nông thôn mới", "hỗ trợ học sinh bán trú",
    "phát triển sản xuất nông nghiệp hàng hóa", "hỗ trợ người có công", "bảo hiểm y tế học sinh",
    "phát triển du lịch cộng đồng", "bảo vệ và phát triển rừng", "cải cách hành chính",
    "phòng, chống tội phạm ma túy", "bảo vệ môi trường làng nghề", "chuyển đổi số cấp xã",
]  # fmt: skip
FEES = [
    "tham quan danh lam thắng cảnh", "bảo vệ môi trường đối với khai thác khoáng sản",
    "sử dụng công trình kết cấu hạ tầng trong khu vực cửa khẩu", "thẩm định cấp quyền sử dụng đất",
    "đăng ký giao dịch bảo đảm", "cấp giấy phép xây dựng",
]  # fmt: skip

# (is normative, field index, title pattern): {y} the year, {y1} the next one, {y0} the last.
RESOLUTION_TITLES = [
    (False, 0, "Về dự toán ngân sách địa phương và phân bổ ngân sách cấp tỉnh năm {y1}"),
    (False, 1, "Về kế hoạch đầu tư công năm {y1}"),
    (False, 0, "Phê chuẩn quyết toán ngân sách địa phương năm {y0}"),
    (False, 6, "Về nhiệm vụ phát triển kinh tế - xã hội năm {y1}"),
    (False, 7, "Về chương trình giám sát của Hội đồng nhân dân tỉnh năm {y1}"),
    (False, 1, "Về chủ trương đầu tư dự án {project}"),
    (False, 1, "Điều chỉnh chủ trương đầu tư dự án {project}"),
    (False, 2, "Thông qua danh mục dự án cần thu hồi đất năm {y1} trên địa bàn tỉnh"),
    (False, 2, "Chấp thuận chuyển mục đích sử dụng đất trồng lúa để thực hiện dự án {project}"),
    (False, 3, "Về việc miễn nhiệm chức vụ Ủy viên Ủy ban nhân dân tỉnh nhiệm kỳ {term}"),
    (False, 3, "Xác nhận kết quả bầu bổ sung Phó Chủ tịch Ủy ban nhân dân tỉnh nhiệm kỳ {term}"),
    (False, 8, "Phê chuẩn nội dung Thường trực Hội đồng nhân dân tỉnh cho ý kiến giữa hai kỳ họp về {policy}"),
    (True, 4, "Quy định chính sách {policy} trên địa bàn tỉnh giai đoạn {y1} - {y5}"),
    (True, 0, "Quy định mức thu phí {fee} trên địa bàn tỉnh"),
    (True, 5, "Quy định mức hỗ trợ {policy} cho học sinh, sinh viên trên địa bàn tỉnh"),
    (True, 6, "Quy định nội dung, mức chi thực hiện chương trình {policy} năm {y1}"),
    (True, 0, "Quy định phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách giai đoạn {y1} - {y5}"),
    (True, 2, "Quy định bảng giá đất điều chỉnh áp dụng từ năm {y1}"),
    (True, 9, "Về việc đặt tên đường, phố tại {place}"),
]  # fmt: skip

# (pattern, petition field code, level, responsible organisation key, Ban code)
PETITION_TEMPLATES = [
    ("Đề nghị đầu tư sửa chữa tuyến đường từ {commune} đi {commune2} (đoạn Km{n}), hiện đường xuống cấp, đi lại khó khăn", "giao_thong_xay_dung", "province", "gtvt", "kinh_te_ngan_sach"),
    ("Đề nghị sớm chi trả tiền bồi thường, hỗ trợ giải phóng mặt bằng dự án {project} cho các hộ dân {commune}", "dat_dai_moi_truong", "province", "tnmt", "kinh_te_ngan_sach"),
    ("Cử tri {commune} phản ánh tình trạng mất điện thường xuyên, điện áp yếu vào giờ cao điểm ở thôn {n}", "dien_vien_thong", "province", "dl", "kinh_te_ngan_sach"),
    ("Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ gia đình thôn {n}, {commune}", "dat_dai_moi_truong", "district", "tnmt", "phap_che"),
    ("Đề nghị hỗ trợ kinh phí xây dựng nhà văn hóa thôn {n}, {commune}", "van_hoa_xa_hoi", "commune", "vh", "van_hoa_xa_hoi"),
    ("Đề nghị tăng mức hỗ trợ cho người có công và hộ nghèo tại {commune}", "che_do_chinh_sach", "province", "ld", "van_hoa_xa_hoi"),
    ("Đề nghị xây dựng hệ thống kênh mương nội đồng phục vụ sản xuất ở thôn {n}, {commune}", "giao_thong_xay_dung", "province", "nn", "kinh_te_ngan_sach"),
    ("Phản ánh tình trạng ô nhiễm môi trường do bãi rác thải sinh hoạt tại {commune}", "dat_dai_moi_truong", "province", "tnmt", "kinh_te_ngan_sach"),
    ("Đề nghị tăng cường phủ sóng điện thoại di động và internet tại thôn {n}, {commune}", "dien_vien_thong", "central", "", "kinh_te_ngan_sach"),
    ("Đề nghị bổ sung giáo viên cho trường tiểu học và trung học cơ sở {commune}", "van_hoa_xa_hoi", "province", "gd", "van_hoa_xa_hoi"),
    ("Đề nghị nâng cấp trạm y tế {commune}, bổ sung trang thiết bị khám chữa bệnh", "van_hoa_xa_hoi", "province", "yt", "van_hoa_xa_hoi"),
    ("Đề nghị có chính sách hỗ trợ giống cây trồng, vật nuôi cho nông dân {commune}", "nong_lam_nghiep", "province", "nn", "dan_toc"),
    ("Đề nghị tăng cường kiểm tra, xử lý khai thác cát sỏi trái phép trên sông {river} đoạn qua {commune}", "dat_dai_moi_truong", "province", "tnmt", "phap_che"),
    ("Đề nghị làm rõ việc chậm giải quyết đơn thư của công dân ở {commune}", "bo_may", "district", "ubnd", "phap_che"),
    ("Đề nghị hỗ trợ vốn vay ưu đãi cho hộ đồng bào dân tộc thiểu số ở {commune} phát triển sản xuất", "che_do_chinh_sach", "province", "dt", "dan_toc"),
    ("Đề nghị sớm đầu tư xây dựng cầu treo qua suối tại thôn {n}, {commune}", "giao_thong_xay_dung", "province", "gtvt", "kinh_te_ngan_sach"),
    ("Đề nghị hỗ trợ người dân {commune} làm thủ tục hành chính trực tuyến, đẩy mạnh chuyển đổi số", "khcn_chuyen_doi_so", "province", "nv", "phap_che"),
    ("Đề nghị quy hoạch, xây dựng chợ nông thôn tại {commune}", "thuong_mai_du_lich", "commune", "ct", "kinh_te_ngan_sach"),
    ("Đề nghị điều chỉnh quy hoạch sử dụng đất để người dân {commune} được chuyển mục đích sử dụng đất ở", "tai_chinh_dau_tu", "province", "tnmt", "kinh_te_ngan_sach"),
    ("Đề nghị có biện pháp phòng, chống bệnh dịch trên đàn gia súc, gia cầm tại {commune}", "nong_lam_nghiep", "province", "nn", "dan_toc"),
    ("Đề nghị tăng cường tuần tra, đảm bảo an ninh trật tự, an toàn giao thông tại {commune}", "khac", "province", "ca", "phap_che"),
]  # fmt: skip

ACTIVITY_TOPICS = {
    "thematic": [
        "Giám sát việc thực hiện chính sách {policy} trên địa bàn tỉnh giai đoạn {y3} - {y}",
        "Giám sát kết quả giải quyết ý kiến, kiến nghị của cử tri về {policy}",
        "Giám sát công tác quản lý, sử dụng vốn đầu tư công dự án {project}",
        "Giám sát việc thực hiện các nghị quyết của HĐND tỉnh về {policy}",
    ],
    "inspection": ["Kiểm tra tiến độ thực hiện dự án {project}", "Kiểm tra việc giải ngân vốn {policy} năm {y}"],
    "survey": ["Khảo sát tình hình thực hiện {policy} tại {place}", "Khảo sát công tác quản lý khoáng sản tại {place}"],
    "explanation": ["Phiên giải trình về trách nhiệm trong thực hiện {policy}", "Phiên giải trình về tiến độ dự án {project}"],
    "questioning_session": ["Chất vấn và trả lời chất vấn tại kỳ họp về {policy}"],
    "questioning_intersession": ["Chất vấn giữa hai kỳ họp về {policy}"],
    "report_review": ["Xem xét báo cáo của UBND tỉnh về {policy}", "Xem xét báo cáo công tác của TAND, VKSND tỉnh năm {y}"],
}  # fmt: skip

RECOMMENDATION_ACTIONS = [
    "khẩn trương hoàn thiện hồ sơ, đẩy nhanh tiến độ giải ngân vốn {policy}",
    "rà soát, sửa đổi quy định về {policy} cho phù hợp thực tiễn",
    "tăng cường kiểm tra, xử lý dứt điểm các sai phạm trong thực hiện dự án {project}",
    "bố trí kinh phí thực hiện {policy} năm {y1}",
    "báo cáo kết quả khắc phục những tồn tại, hạn chế về {policy}",
    "chỉ đạo các địa phương giải quyết dứt điểm kiến nghị của cử tri về {policy}",
]  # fmt: skip

QUESTIONS = [
    "Đề nghị Giám đốc {org} cho biết nguyên nhân chậm triển khai {policy} và giải pháp khắc phục",
    "Trách nhiệm của {org} trong việc chậm tiến độ dự án {project}",
    "Giải pháp của {org} để xử lý tình trạng {problem} trong thời gian tới",
]  # fmt: skip
PROBLEMS = [
    "khai thác khoáng sản trái phép", "ô nhiễm môi trường", "thiếu giáo viên",
    "chậm cấp giấy chứng nhận quyền sử dụng đất", "xuống cấp đường giao thông nông thôn",
]  # fmt: skip

LETTER_SUMMARIES = [
    ("complaint", "Khiếu nại về việc thu hồi đất, bồi thường giải phóng mặt bằng dự án {project} tại {commune}", "Đất đai"),
    ("complaint", "Khiếu nại quyết định giải quyết tranh chấp đất đai của UBND {commune}", "Đất đai"),
    ("denunciation", "Tố cáo cán bộ {commune} có dấu hiệu vi phạm trong quản lý đất đai", "Tố cáo cán bộ"),
    ("denunciation", "Tố cáo việc thu chi sai quy định tại trường học ở {commune}", "Tài chính"),
    ("petition_feedback", "Phản ánh việc chậm chi trả chế độ chính sách cho người có công tại {commune}", "Chế độ chính sách"),
    ("petition_feedback", "Kiến nghị giải quyết tình trạng ô nhiễm do cơ sở chăn nuôi tại {commune}", "Môi trường"),
    ("petition_feedback", "Kiến nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình ở {commune}", "Đất đai"),
]  # fmt: skip

INTERSESSION = [
    "Điều chỉnh kế hoạch đầu tư công trung hạn nguồn ngân sách địa phương năm {y}",
    "Phân bổ chi tiết nguồn vốn thực hiện chương trình {policy} năm {y}",
    "Chủ trương đầu tư dự án {project}",
    "Sử dụng dự phòng ngân sách tỉnh khắc phục hậu quả thiên tai năm {y}",
    "Bổ sung dự toán chi thường xuyên cho {policy}",
]  # fmt: skip
APPRAISALS = [
    "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội quý {q} năm {y}",
    "Tờ trình về kế hoạch đầu tư công năm {y1}",
    "Đề án {policy} giai đoạn {y1} - {y5}",
    "Báo cáo kết quả thu ngân sách {q} quý năm {y}",
]  # fmt: skip

ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(value: int) -> str:
    out = []
    for number, letters in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                            (90, "XC"), (50, "L"), (40, "XL"), *ROMAN]:  # fmt: skip
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
