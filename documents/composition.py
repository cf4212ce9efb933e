"""A generated document as data: what it says, in the order it says it, independent of the file
it is written to. The PDF (reports.routine.render.composed_pdf, WeasyPrint) and the .docx
(reports.routine.docx.composed_docx, python-docx) are both written from one `Composed`, so the
two files cannot say different things; the register keeps the `Composed` a document was issued
with (documents.OutgoingDocument.content) and either file is written again from it, unchanged
by later edits of the records it was made from.

The parts follow NĐ 30/2020 Phụ lục I: issuing body and national name, number and symbol,
place and date, type and subject (a công văn has no type: its subject "V/v …" stands under
the number), "Kính gửi", the body, "Nơi nhận" and the signature, then any appendix on pages of
its own. Plain strings throughout: every writer escapes them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "item", "table", "page_break"]


@dataclass(frozen=True)
class Table:
    """A table with a header row. `widths` are the columns' shares of the line, in per cent
    (empty: equal shares); `numeric` marks the columns printed centred (STT, figures)."""

    columns: list[str]
    rows: list[list[str]]
    widths: list[int] = field(default_factory=list)
    numeric: list[int] = field(default_factory=list)
    title: str = ""
    # Per row: "" a line of its own, "total" the table's total (bold), "sub" an "of which"
    # line (italic) that stays with the line above it; shorter than rows means "".
    emphasis: list[str] = field(default_factory=list)

    def row_emphasis(self, index: int) -> str:
        return self.emphasis[index] if index < len(self.emphasis) else ""


@dataclass(frozen=True)
class Block:
    """One piece of the body: a heading ("I. KẾT QUẢ …"), a paragraph (first line indented,
    justified), an item of a list ("- …", not indented further), a table, or a page break
    (each addressee of an invitation on a page of their own)."""

    kind: BlockKind
    text: str = ""
    table: Table | None = None


@dataclass(frozen=True)
class Signature:
    authority: str  # "TM. THƯỜNG TRỰC HĐND", "KT. CHỦ TỊCH"; may be empty
    title: str  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str


@dataclass(frozen=True)
class Appendix:
    """Pages after the signature, numbered on their own (NĐ 30/2020)."""

    title: str  # "PHỤ LỤC"
    subtitle: str = ""  # "Danh sách kiến nghị của cử tri chuyển đến UBND tỉnh"
    note: str = ""  # "(Kèm theo Công văn số 05/HĐND-VP ngày 05/03/2019 của …)"
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Copy:
    """One addressee's copy of a document sent to each by name (an invitation): the whole
    document, frame and signature included, on pages of its own, its "Kính gửi" and body
    naming that addressee."""

    addressees: list[str]
    blocks: list[Block]


@dataclass(frozen=True)
class Composed:
    header_lines: list[str]  # the council's header, one line each ("HỘI ĐỒNG NHÂN DÂN", …)
    number_line: str  # "Số: 05/TB-HĐND"
    place_date: str  # "Lạng Sơn, ngày 05 tháng 3 năm 2019"
    doc_type: str  # "THÔNG BÁO"; "" for a công văn
    subject: str  # under the type, or "V/v …" under the number when there is no type
    addressees: list[str] = field(default_factory=list)  # after "Kính gửi:"
    blocks: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # "- UBND tỉnh;" … "- Lưu: VT."
    signature: Signature | None = None
    appendix: Appendix | None = None
    # What the file's metadata calls it ("Thông báo kết luận số 05/TB-HĐND").
    title: str = ""
    # When given, the document is printed once per copy (each with its own "Kính gửi" and
    # body, the frame, recipients and signature repeated), instead of `addressees`/`blocks`.
    copies: list[Copy] = field(default_factory=list)

    def printed_copies(self) -> list[Copy]:
        """What is printed before the appendix: each copy, or the document once."""
        return self.copies or [Copy(addressees=self.addressees, blocks=self.blocks)]

    @property
    def subject_under_number(self) -> bool:
        """A công văn (no type) prints its subject under the number, as "V/v …"."""
        return not self.doc_type

    def tables(self) -> list[Table]:
        """Every table, the body's then the appendix's (what tests read back)."""
        body = [block for copy in self.printed_copies() for block in copy.blocks]
        blocks = [*body, *(self.appendix.blocks if self.appendix else [])]
        return [block.table for block in blocks if block.table is not None]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Composed:
        def block(raw: dict[str, Any]) -> Block:
            table = raw.get("table")
            return Block(
                kind=raw["kind"], text=raw.get("text", ""), table=Table(**table) if table else None
            )

        appendix = data.get("appendix")
        signature = data.get("signature")
        return cls(
            header_lines=list(data["header_lines"]),
            number_line=data["number_line"],
            place_date=data["place_date"],
            doc_type=data["doc_type"],
            subject=data["subject"],
            addressees=list(data.get("addressees", [])),
            blocks=[block(raw) for raw in data.get("blocks", [])],
            recipients=list(data.get("recipients", [])),
            signature=Signature(**signature) if signature else None,
            appendix=(
                Appendix(
                    title=appendix["title"],
                    subtitle=appendix.get("subtitle", ""),
                    note=appendix.get("note", ""),
                    blocks=[block(raw) for raw in appendix.get("blocks", [])],
                )
                if appendix
                else None
            ),
            title=data.get("title", ""),
            copies=[
                Copy(
                    addressees=list(raw.get("addressees", [])),
                    blocks=[block(b) for b in raw.get("blocks", [])],
                )
                for raw in data.get("copies", [])
            ],
        )


def paragraphs(text: str) -> list[Block]:
    """A text block typed in a form, one paragraph a line ("- …" lines as list items)."""
    blocks = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line[0] in "-–+•":
            blocks.append(Block(kind="item", text=line))
        else:
            blocks.append(Block(kind="paragraph", text=line))
    return blocks
