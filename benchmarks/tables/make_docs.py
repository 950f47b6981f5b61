"""Make the binary table documents of ``benchmarks/tables/docs`` (outputs are committed).

    python benchmarks/tables/make_docs.py

The text, markdown and HTML documents there are written by hand; these three need a
program: ``x11_pdf_ruled_tworow.pdf`` (a ruled table whose header is two rows, a year
over 본예산/추경, and a name wrapped inside its cell), ``x12_hwpx_caption_year.hwpx``
(a caption giving the year and unit, and a table whose header cells carry per-column
units with years down the side) and ``x18_pdf_hrules_wrapped.pdf`` (rules only across,
names wrapped over two lines, the unit printed under the table); ``z01_hwpx_rowspan_years.hwpx``
(years down the side, each over two rows) and ``z02_pdf_aligned_tworow.pdf`` (an unruled
table with a year over two sub-columns, a rate column); ``w09_hwp_unit_after.hwp`` (an
HWP 5 table whose unit paragraph follows it); ``s04_pdf_page_break.pdf`` (a ruled table
split by a page break, its header only on the first page), ``s05_hwpx_outline_heads.hwpx``
(projects named only by their □ heads, figures in the ㅇ lines) and
``s08_hwpx_subitems_rowspan.hwpx`` (세부사업 in rowspan cells over 내역사업, 소계 rows);
``r06_hwpx_outline_bullets.hwpx`` (projects named by ➊ ➋ ➌ heads over ▸ lines).
Built with the shared makers in ``tests/`` (``hwpx_build``, ``hwp_build``,
``pdf_build``); needs reportlab (``dev`` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"
sys.path.insert(0, str(DOCS.parents[2] / "tests"))

import hwp_build as hb  # noqa: E402
from hwpx_build import para, section, tbl, tc, write_hwpx  # noqa: E402
from pdf_build import CID_FONT as FONT  # noqa: E402
from pdf_build import korean_canvas  # noqa: E402


def pdf_ruled_tworow() -> None:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    c = korean_canvas(str(DOCS / "x11_pdf_ruled_tworow.pdf"))
    c.setFont(FONT, 12)
    c.drawString(72, 790, "가상 과학기술정보통신부 2026년 예산 요구 현황 (합성 예시)")
    c.setFont(FONT, 10)
    c.drawString(72, 765, "<표 1> 세부사업별 예산 요구")
    c.drawString(420, 750, "(단위: 백만원)")
    style = ParagraphStyle("cell", fontName=FONT, fontSize=10, leading=12)
    wrapped = Paragraph("초거대 AI 데이터<br/>센터 구축", style)
    data = [
        ["세부사업", "2024년", "2025년", "", "2026년", "증감"],
        ["", "결산", "본예산", "추경", "요구안", ""],
        ["양자컴퓨팅 원천기술", "38,200", "41,000", "43,500", "47,800", "4,300"],
        ["6G 이동통신", "25,610", "27,300", "27,300", "26,100", "△1,200"],
        [wrapped, "61,000", "70,500", "72,000", "80,250", "8,250"],
        ["합계", "124,810", "138,800", "142,800", "154,150", "11,350"],
    ]
    t = Table(data, colWidths=[120, 62, 62, 62, 62, 55])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (2, 0), (3, 0)),
                ("SPAN", (5, 0), (5, 1)),
            ]
        )
    )
    t.wrapOn(c, 460, 200)
    t.drawOn(c, 72, 600)
    c.drawString(72, 570, "2026년 양자컴퓨팅 원천기술 요구액은 478억원이다.")
    c.showPage()
    c.save()


def pdf_hrules_wrapped() -> None:
    c = korean_canvas(str(DOCS / "x18_pdf_hrules_wrapped.pdf"))
    c.drawString(72, 800, "가상 해양수산부 친환경 해운 투자계획 (합성 예시)")
    c.drawString(72, 780, "<표 5> 사업별 연차 투자계획")
    c.setLineWidth(0.8)
    for y in (770, 750, 656):
        c.line(72, y, 500, y)
    xs = [80, 250, 310, 370, 430]
    for x, h in zip(xs, ["사업명", "’26", "’27", "’28", "총사업비"], strict=True):
        c.drawString(x, 756, h)
    rows = [
        (["해상풍력 배후항만", "120", "340", "410", "870"], "조성"),
        (["수소 운반선 실증", "85", "90", "95", "270"], ""),
        (["친환경 선박 전환", "60", "75", "-", "135"], ""),
        (["합계", "265", "505", "505", "1,275"], ""),
    ]
    y = 736
    for row, more in rows:
        for x, cell in zip(xs, row, strict=True):
            c.drawString(x, y, cell)
        if more:
            y -= 12
            c.drawString(xs[0], y, more)
        y -= 18
    c.drawString(440, 644, "(단위: 억원)")
    c.drawString(72, 610, "배후항만 조성에는 3년간 870억원을 투입한다.")
    c.showPage()
    c.save()


def hwpx_caption_year() -> None:
    first = [
        [tc(0, 0, "사업명"), tc(0, 1, "국비"), tc(0, 2, "민자"), tc(0, 3, "계")],
        [tc(1, 0, "탄소포집 실증 플랜트"), tc(1, 1, "145"), tc(1, 2, "60"), tc(1, 3, "205")],
        [tc(2, 0, "CCUS 저장소 탐사"), tc(2, 1, "88"), tc(2, 2, "12"), tc(2, 3, "100")],
        [tc(3, 0, "계"), tc(3, 1, "233"), tc(3, 2, "72"), tc(3, 3, "305")],
    ]
    second = [
        [tc(0, 0, "구분"), tc(0, 1, "예산(억원)"), tc(0, 2, "참여인원(명)"), tc(0, 3, "비율(%)")],
        [tc(1, 0, "’24년"), tc(1, 1, "52"), tc(1, 2, "340"), tc(1, 3, "12.5")],
        [tc(2, 0, "’25년"), tc(2, 1, "61"), tc(2, 2, "410"), tc(2, 3, "14.0")],
    ]

    body = (
        para("가상 산업통상자원부 탄소포집 실증 계획 (합성 예시)")
        + para("□ 2026년 탄소포집 사업비는 305억원이다.")
        + tbl(first, "&lt;표 1&gt; 사업비 (’26년, 단위: 억원)")
        + para("□ 연도별 인력양성 실적")
        + tbl(second, "")
    )
    write_hwpx(
        DOCS / "x12_hwpx_caption_year.hwpx", {"Contents/section0.xml": section(body)}, fixed=True
    )


def hwpx_rowspan_years() -> None:
    rows = [
        [tc(0, 0, "연도"), tc(0, 1, "재원"), tc(0, 2, "예산(억원)"), tc(0, 3, "참여기관(개)")],
        [tc(1, 0, "2024", rowspan=2), tc(1, 1, "국비"), tc(1, 2, "120"), tc(1, 3, "14")],
        [tc(2, 1, "지방비"), tc(2, 2, "80"), tc(2, 3, "9")],
        [tc(3, 0, "2025", rowspan=2), tc(3, 1, "국비"), tc(3, 2, "135"), tc(3, 3, "16")],
        [tc(4, 1, "지방비"), tc(4, 2, "90"), tc(4, 3, "11")],
    ]
    body = (
        para("가상 환경부 탄소중립 마을 조성 실적 (합성 예시)")
        + para("□ 연도별 재원 현황")
        + tbl(rows)
        + para("2025년 국비는 135억원이다.")
    )
    write_hwpx(
        DOCS / "z01_hwpx_rowspan_years.hwpx", {"Contents/section0.xml": section(body)}, fixed=True
    )


def pdf_aligned_tworow() -> None:
    c = korean_canvas(str(DOCS / "z02_pdf_aligned_tworow.pdf"))
    c.drawString(72, 800, "가상 국가유산청 보수정비 예산 (합성 예시)")
    c.drawString(72, 780, "<표 2> 권역별 예산 및 집행 (단위: 백만원)")
    c.drawString(250, 760, "2024년")
    c.drawString(400, 760, "2025년")
    heads = [(200, "예산"), (280, "집행"), (360, "예산"), (440, "집행률(%)")]
    for x, h in heads:
        c.drawString(x, 745, h)
    c.drawString(80, 745, "권역")
    rows = [
        ["수도권", "4,820", "4,610", "5,150", "93.2"],
        ["호남권", "3,270", "3,105", "3,400", "91.8"],
        ["합계", "8,090", "7,715", "8,550", "92.6"],
    ]
    for i, row in enumerate(rows):
        y = 728 - 16 * i
        c.drawString(80, y, row[0])
        for x, cell in zip([230, 310, 390, 480], row[1:], strict=True):
            c.drawRightString(x, y, cell)
    c.drawString(72, 660, "2025년 수도권 예산은 51.5억원이다.")
    c.showPage()
    c.save()


def hwp_unit_after() -> None:
    rows = [
        ["구분", "’25년", "’26년(안)", "증감"],
        ["해양쓰레기 수거", "21,400", "23,900", "2,500"],
        ["연안 정화선 운영", "8,650", "8,100", "△550"],
        ["합계", "30,050", "32,000", "1,950"],
    ]
    cells = [hb.cell(r, k, text) for r, row in enumerate(rows) for k, text in enumerate(row)]
    paras = [
        hb.paragraph("가상 해양환경공단 2026년 사업계획 (합성 예시)"),
        hb.paragraph("□ 사업별 예산"),
        hb.paragraph(hb.ctrl(11, "tbl "), controls=[hb.table(4, 4, cells)]),
        hb.paragraph("(단위: 백만원)"),
        hb.paragraph("2026년 해양쓰레기 수거 예산은 239억원이다."),
    ]
    (DOCS / "w09_hwp_unit_after.hwp").write_bytes(hb.hwp([b"".join(paras)]))


def pdf_page_break() -> None:
    """s04: a ruled table split over two pages, its header only on the first."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    def ruled(data: list[list[str]], top: float, widths: list[int]) -> float:
        t = Table(data, colWidths=widths)
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                ]
            )
        )
        _, h = t.wrapOn(c, 460, 400)
        t.drawOn(c, 60, top - h)
        return float(top - h)

    widths = [120, 70, 70, 62, 62, 62]
    c = korean_canvas(str(DOCS / "s04_pdf_page_break.pdf"))
    c.setFont(FONT, 12)
    c.drawString(60, 800, "가상 국토교통부 도로안전 중기사업계획(2026~2028) (합성 예시)")
    c.setFont(FONT, 10)
    c.drawString(60, 770, "□ 노후 도로시설 개량과 위험구간 정비에 3년간 1,716억원을 투자한다.")
    c.drawString(60, 752, "  ㅇ 2026년 투자액은 605억원으로 올해보다 48억원 늘어난다.")
    for i in range(24):
        note = f"  - 사업 추진 여건 및 세부 검토 사항 {i + 1}: 관계기관 협의 및 현장 조사 결과 반영"
        c.drawString(60, 720 - 16 * i, note)
    c.drawString(60, 150, "<표 3> 사업별 연차 투자계획")
    c.drawString(430, 150, "(단위: 백만원)")
    first = [
        ["사업명", "사업기간", "총사업비", "2026", "2027", "2028"],
        ["터널 방재설비 개량", "2024~2028", "96,000", "21,500", "20,000", "18,500"],
        ["교량 내진보강", "2025~2027", "54,300", "19,800", "17,200", "-"],
    ]
    ruled(first, 142, widths)
    c.drawCentredString(297, 40, "- 5 -")
    c.showPage()
    c.setFont(FONT, 9)
    c.drawString(60, 815, "도로안전 중기사업계획")
    c.setFont(FONT, 10)
    second = [
        ["졸음쉼터 확충", "2026~2028", "12,600", "4,200", "4,200", "4,200"],
        ["위험도로 구조개선", "2026~2029", "88,000", "15,000", "22,000", "25,000"],
        ["합계", "", "250,900", "60,500", "63,400", "47,700"],
    ]
    bottom = ruled(second, 790, widths)
    c.drawString(60, bottom - 24, "※ 위험도로 구조개선의 2029년 소요(260억원)는 차기 계획에 반영")
    c.drawString(60, bottom - 44, "※ 교량 내진보강은 2025년에 173억원을 선집행")
    c.drawCentredString(297, 40, "- 6 -")
    c.showPage()
    c.save()


def hwpx_outline_heads() -> None:
    """s05: projects named only by their □ heads, budget and period in the ㅇ lines."""
    lines = [
        "가상 해양수산부 2026년 어촌 활력 증진 시행계획 (합성 예시)",
        "2026. 2.",
        "Ⅰ. 추진 방향",
        "□ 어촌의 정주여건을 개선하고 수산물 유통 구조를 혁신하기 위해 3대 과제를 추진",
        "Ⅱ. 과제별 추진 계획",
        "□ 어항 기반시설 현대화",
        " ㅇ 사업기간 : ’26~’29 (4년)",
        " ㅇ 총사업비 : 1,240억원 (국비 60%, 지방비 40%)",
        " ㅇ ’26년 예산 : 185억원",
        " ㅇ 주요내용 : 노후 방파제 보강, 물양장 확장 등 12개 어항 정비",
        "□ 수산물 산지거점 유통센터 건립",
        " ㅇ (기간) 2025 ~ 2027",
        " ㅇ (사업비) 총 360억원 – 국비 216억원, 지방비 144억원",
        " ㅇ (’26년) 130억원 반영, 잔여분은 ’27년에 반영",
        " ㅇ (내용) 권역별 거점 유통센터 3개소 건립 및 저온저장시설 구축",
        "□ 귀어인 정착 지원",
        " ㅇ 기간 : ’26년~’30년",
        " ㅇ 예산 : 연 24억원 내외 (국비 50%, 지방비 50%)",
        " ㅇ 내용 : 귀어 희망자 주거·창업자금 지원, 어선 임대",
        "Ⅲ. 행정사항",
        "□ 시·도는 과제별 세부 추진계획을 3월까지 제출",
    ]
    body = "".join(para(line) for line in lines)
    write_hwpx(
        DOCS / "s05_hwpx_outline_heads.hwpx",
        {"Contents/section0.xml": section(body)},
        fixed=True,
    )


def hwpx_subitems_rowspan() -> None:
    """s08: 세부사업 over its 내역사업 (rowspan), 소계 rows, a 백만원 caption."""

    def row(r: int, cells: list[str], first: str | None = None, span: int = 1) -> list[str]:
        out = [tc(r, 0, first, rowspan=span)] if first is not None else []
        return out + [tc(r, k + 1, text) for k, text in enumerate(cells)]

    rows = [
        [
            tc(0, 0, "세부사업"),
            tc(0, 1, "내역사업"),
            tc(0, 2, "’25 결산"),
            tc(0, 3, "’26 예산"),
            tc(0, 4, "’27 요구"),
            tc(0, 5, "증감"),
        ],
        row(1, ["산불 진화헬기 도입", "38,500", "41,200", "52,000", "10,800"], "산림재난 대응", 3),
        row(2, ["산사태 예측 시스템", "6,300", "7,100", "7,900", "800"]),
        row(3, ["소계", "44,800", "48,300", "59,900", "11,600"]),
        row(4, ["숲가꾸기", "120,400", "118,000", "115,500", "△2,500"], "산림자원 육성", 3),
        row(5, ["목재 이용 활성화", "14,200", "15,800", "17,300", "1,500"]),
        row(6, ["소계", "134,600", "133,800", "132,800", "△1,000"]),
        [
            tc(7, 0, "합계", colspan=2),
            tc(7, 2, "179,400"),
            tc(7, 3, "182,100"),
            tc(7, 4, "192,700"),
            tc(7, 5, "10,600"),
        ],
    ]
    body = (
        para("가상 산림청 2027년 예산 요구 개요 (합성 예시)")
        + para("□ 2027년 예산 요구액은 1,927억원으로 2026년 대비 106억원(5.8%) 증가")
        + para(" ㅇ 산불 진화헬기 도입은 대형헬기 2대 추가 도입에 따라 108억원 증액 요구")
        + tbl(rows, "&lt;표 1&gt; 세부사업별 예산 요구 현황 (단위: 백만원)")
        + para("※ 숲가꾸기는 사업량 조정으로 25억원 감액")
    )
    write_hwpx(
        DOCS / "s08_hwpx_subitems_rowspan.hwpx",
        {"Contents/section0.xml": section(body)},
        fixed=True,
    )


def hwpx_outline_bullets() -> None:
    """r06: projects named by ➊ ➋ ➌ item heads, ▸ and Ÿ bullets, a ※ note, prose years."""
    lines = [
        "가상 국토교통부 2026년 지역 교통 혁신 추진계획 (합성 예시)",
        "2026. 1. 20.",
        "Ⅰ. 그간의 성과",
        " Ÿ ’25년 광역버스 준공영제 확대로 출퇴근 시간 평균 12분 단축",
        "Ⅱ. 2026년 추진 과제",
        "➊ 광역급행버스 노선 확충",
        " ▸ 기간 : ’26~’28 / 예산 : 총 2,760억원 (’26년 820억원)",
        " ▸ 수도권 외곽 신도시 15개 노선 신설",
        "➋ 수요응답형 교통(DRT) 확대",
        " ▸ ’26년 예산 134억원, 농어촌 지역 40개 시·군 대상",
        " ▸ 사업기간 : 2026.3.~2028.2.",
        "➌ 교통약자 이동지원센터 구축",
        " ▸ 총 96억원('26~'27), 국비 48억원·지방비 48억원",
        " ※ 지자체 매칭 비율은 1:1",
        "Ⅲ. 재원 및 향후 일정",
        " Ÿ 올해 소요 재원은 총 1,050억원으로 전년 대비 23.5% 증가",
        " Ÿ 상반기 중 사업자 공모, 하반기 착공",
    ]
    body = "".join(para(line) for line in lines)
    write_hwpx(
        DOCS / "r06_hwpx_outline_bullets.hwpx",
        {"Contents/section0.xml": section(body)},
        fixed=True,
    )


if __name__ == "__main__":
    pdf_ruled_tworow()
    pdf_hrules_wrapped()
    hwpx_caption_year()
    hwpx_rowspan_years()
    pdf_aligned_tworow()
    hwp_unit_after()
    pdf_page_break()
    hwpx_outline_heads()
    hwpx_subitems_rowspan()
    hwpx_outline_bullets()
