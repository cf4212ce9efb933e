from reports.charts import bar_chart, stacked_bar_chart


def test_bar_chart_draws_one_bar_per_item_and_escapes_labels():
    svg = bar_chart([("Đất đai <b>", 12), ("Ngân sách", 3)], title="T & U")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 2
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert "T &amp; U" in svg


def test_bar_lengths_are_proportional_to_values():
    svg = bar_chart([("a", 10), ("b", 5)], title="t", width=400, label_width=100)
    widths = [int(w) for w in __import__("re").findall(r'<rect x="100" y="\d+" width="(\d+)"', svg)]
    assert widths[0] == 2 * widths[1]


def test_stacked_bar_chart_prints_each_years_total_and_a_legend():
    svg = stacked_bar_chart(
        ["2018", "2019"], [("Thường lệ", [2, 2]), ("Bất thường", [1, 3])], title="Kỳ họp"
    )
    assert ">3<" in svg and ">5<" in svg
    assert "Thường lệ" in svg and "Bất thường" in svg


def test_empty_bar_chart_says_there_is_no_data():
    assert "Chưa có số liệu" in bar_chart([], title="t")
