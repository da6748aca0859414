#!/usr/bin/env python3
"""Writes the small workbooks the xlsx reader is tested on (src/data/xlsx_test.cc).

Run once (/usr/bin/python3 make_fixtures.py; python3-openpyxl checks the good workbook); the
outputs are committed. good.xlsx is written part by part so that it holds every kind of cell the
reader must handle (shared strings, rich text, inline strings, booleans, cells without
references, a hidden first sheet); the others are broken on purpose, each in one way a
downloaded or hand-edited file can be.
"""
import io
import os
import struct
import zipfile
import zlib

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))


NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

# The shared strings, by index. Index 3 is a rich-text string of two runs with a phonetic run
# that is not part of the text; index 7 holds a comma and quotes.
STRINGS = ["OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEAN", "NOTE", "00-0000",
           None, "total", "15-1252", "Software Developers", "detailed", 'says "hi", twice',
           "43-3031", "**", "#", "47-2061", "Construction Laborers"]


def shared_strings():
    items = []
    for i, s in enumerate(STRINGS):
        if s is None:  # "All Occupations" as rich text, with a phonetic hint to leave out
            items.append("<si><r><t>All </t></r><r><rPr><b/></rPr><t>Occupations</t></r>"
                         "<rPh sb=\"0\" eb=\"1\"><t>IGNORED</t></rPh></si>")
        else:
            items.append("<si><t>" + s.replace("&", "&amp;").replace('"', "&quot;") + "</t></si>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{len(items)}" '
            f'uniqueCount="{len(items)}">' + "".join(items) + "</sst>")


def s(ref, index):
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def data_sheet():
    rows = [
        '<row r="1">' + "".join(s(c + "1", i) for i, c in enumerate("ABCDEF")) + "</row>",
        '<row r="2">' + s("A2", 6) + s("B2", 7) + s("C2", 8) +
        '<c r="D2"><v>4000</v></c><c r="E2"><v>60100</v></c></row>',
        '<row r="3">' + s("A3", 9) + s("B3", 10) + s("C3", 11) +
        '<c r="D3"><v>1000</v></c><c r="E3"><v>100000.5</v></c>' + s("F3", 12) + "</row>",
        # Row 4: an inline string with a line break, a top-coded wage, an empty cell.
        '<row r="4">' + s("A4", 13) +
        '<c r="B4" t="inlineStr"><is><t>Bookkeeping, Accounting, and Auditing Clerks</t></is></c>' +
        s("C4", 11) + s("D4", 14) + s("E4", 15) +
        '<c r="F4" t="inlineStr"><is><t>two\nlines</t></is></c><c r="G4"/></row>',
        # Row 5 is absent (blank). Row 6: cells without references, a float as Excel stores it,
        # a boolean.
        '<row r="6"><c t="s"><v>16</v></c><c t="s"><v>17</v></c><c t="s"><v>11</v></c>'
        '<c><v>1000</v></c><c><v>2.2999999999999998</v></c><c t="b"><v>1</v></c></row>',
    ]
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}" xmlns:r="{REL}">'
            '<dimension ref="A1:G6"/><sheetData>' + "".join(rows) + "</sheetData></worksheet>")


def filler_sheet():
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>not the data</t></is></c></row>'
            "</sheetData></worksheet>")


def good_parts():
    # A hidden sheet first (BLS workbooks hide their filler sheets): the reader takes the first
    # visible one. The workbook binds the relationships namespace to the prefix "rel".
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" '
                f'xmlns:rel="{REL}"><sheets>'
                '<sheet name="Filler" sheetId="1" state="hidden" rel:id="rId1"/>'
                '<sheet name="Data" sheetId="2" rel:id="rId2"/></sheets></workbook>')
    sheet_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    strings_type = (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings")
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{sheet_type}" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{sheet_type}" Target="/xl/worksheets/sheet2.xml"/>'
            f'<Relationship Id="rId3" Type="{strings_type}" Target="sharedStrings.xml"/>'
            "</Relationships>")
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types '
             'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" '
             'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>'
             f'<Override PartName="/xl/worksheets/sheet1.xml" '
             f'ContentType="{main}.worksheet+xml"/>'
             f'<Override PartName="/xl/worksheets/sheet2.xml" '
             f'ContentType="{main}.worksheet+xml"/>'
             f'<Override PartName="/xl/sharedStrings.xml" '
             f'ContentType="{main}.sharedStrings+xml"/></Types>')
    root_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 "</Relationships>")
    return [("[Content_Types].xml", types), ("_rels/.rels", root_rels),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
            ("xl/sharedStrings.xml", shared_strings()),
            ("xl/worksheets/sheet1.xml", filler_sheet()),
            ("xl/worksheets/sheet2.xml", data_sheet())]


SHEET = "xl/worksheets/sheet2.xml"


def zip_of(parts, truncate=None):
    """A zip archive of (name, bytes), deflated; `truncate` names a part whose compressed data is
    cut to half its length while the headers still give the full sizes (a download cut short
    inside that entry, re-packed by a tool that kept the directory)."""
    out = io.BytesIO()
    central = []
    for name, data in parts:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        body = comp.compress(data) + comp.flush()
        crc = zlib.crc32(data)
        size = len(body)
        if name == truncate:
            body = body[: len(body) // 2]
            size = len(body)  # the cut data is what the archive now holds
        offset = out.tell()
        fname = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, size,
                              len(data), len(fname), 0))
        out.write(fname)
        out.write(body)
        central.append((fname, crc, size, len(data), offset))
    start = out.tell()
    for fname, crc, size, usize, offset in central:
        out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                              size, usize, len(fname), 0, 0, 0, 0, 0, offset))
        out.write(fname)
    end = out.tell()
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          end - start, start, 0))
    return out.getvalue()


def write(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


OEWS_HEADER = ["AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP",
               "OWN_CODE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "H_MEAN", "A_MEAN"]
TITLES = {"00-0000": ("All Occupations", "total"), "15-1252": ("Software Developers", "detailed"),
          "43-3031": ("Bookkeeping, Accounting, and Auditing Clerks", "detailed"),
          "47-2061": ("Construction Laborers", "detailed")}


def oews_workbook(name, rows):
    """An OEWS workbook as BLS lays one out (openpyxl writes the strings inline): rows of
    (area, area title, area type, state, occupation, employment, annual mean)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = name
    ws.append(OEWS_HEADER)
    for area, title, kind, state, occ, emp, wage in rows:
        ws.append([area, title, kind, state, "000000", "Cross-industry", "cross-industry", "1235",
                   occ, TITLES[occ][0], TITLES[occ][1], emp, "*", wage])
    notes = wb.create_sheet("Field descriptions")  # after the data, as BLS does
    notes["A1"] = "Field descriptions"
    return wb


def state_and_metro_workbooks():
    # The tiny world's Alabama published (developers 500, clerks 1,100, laborers not released),
    # and a metropolitan row an all-data file would also hold (skipped as a state).
    state = oews_workbook("state_M2023_dl", [
        ("01", "Alabama", 2, "AL", "00-0000", 2000, 52600),
        ("01", "Alabama", 2, "AL", "15-1252", 500, 90000),
        ("01", "Alabama", 2, "AL", "43-3031", 1100, 45000),
        ("01", "Alabama", 2, "AL", "47-2061", "**", 38000),
        ("19300", "Daphne-Fairhope-Foley, AL", 4, "AL", "15-1252", 100, 80000),
    ])
    state.save(os.path.join(here, "state_tiny.xlsx"))
    # Metropolitan areas: Daphne-Fairhope-Foley (Baldwin County in the tiny delineation), an
    # area the delineation lacks, a nonmetropolitan area and a state row (both skipped).
    msa = oews_workbook("MSA_M2023_dl", [
        ("19300", "Daphne-Fairhope-Foley, AL", 4, "AL", "00-0000", 1000, 45000),
        ("19300", "Daphne-Fairhope-Foley, AL", 4, "AL", "15-1252", 100, 80000),
        ("19300", "Daphne-Fairhope-Foley, AL", 4, "AL", "43-3031", 300, 40000),
        ("19300", "Daphne-Fairhope-Foley, AL", 4, "AL", "47-2061", "**", 36000),
        ("99999", "Nowhere, AL", 4, "AL", "15-1252", 10, "*"),
        ("0100001", "Southwest Alabama nonmetropolitan area", 6, "AL", "15-1252", 7, 70000),
        ("01", "Alabama", 2, "AL", "15-1252", 400, 90000),
    ])
    msa.save(os.path.join(here, "msa_tiny.xlsx"))


def main():
    parts = [(n, d.encode()) for n, d in good_parts()]
    write("good.xlsx", zip_of(parts))
    # A real xlsx library must read the good workbook as the test expects it.
    wb = openpyxl.load_workbook(os.path.join(here, "good.xlsx"))
    assert wb.sheetnames == ["Filler", "Data"], wb.sheetnames
    assert wb["Data"]["B2"].value == "All Occupations", wb["Data"]["B2"].value
    assert wb["Data"]["E6"].value == 2.3
    write("not_a_zip.xlsx", b"OCC_CODE,OCC_TITLE\n15-1252,Software Developers\n")
    write("missing_sheet.xlsx", zip_of([(n, d) for n, d in parts if n != SHEET]))
    bad = [(n, d.replace(b'<c r="A3" t="s"><v>9</v>', b'<c r="A3" t="s"><v>9999</v>'))
           for n, d in parts]
    assert bad != parts
    write("bad_shared_string.xlsx", zip_of(bad))
    # The sheet last, so that the cut leaves every other part whole.
    state_and_metro_workbooks()
    write("truncated_entry.xlsx",
          zip_of([p for p in parts if p[0] != SHEET] + [p for p in parts if p[0] == SHEET],
                 truncate=SHEET))


if __name__ == "__main__":
    main()
