#!/usr/bin/env python3
"""Builds a workbook the size of BLS's state file (state_M2023_dl.xlsx: about 36,000 rows x 32
columns) from the real natsector_M2023_dl.xlsx, for bench/xlsx_bench: the data sheet's rows are
repeated (renumbered, each repetition with its own AREA code, as the states of a state file)
until there are ROWS of them; the shared strings, styles, number formats and every other part
stay as BLS wrote them.
  /usr/bin/python3 bench/make_state_size_workbook.py NATSECTOR.xlsx OUT.xlsx [ROWS]
"""
import re
import sys
import zipfile

src, out = sys.argv[1], sys.argv[2]
want = int(sys.argv[3]) if len(sys.argv) > 3 else 36000
with zipfile.ZipFile(src) as z:
    parts = [(i, z.read(i.filename)) for i in z.infolist()]
sheet = "xl/worksheets/sheet1.xml"
data = dict((i.filename, d) for i, d in parts)[sheet].decode()
head, rest = data.split("<sheetData>", 1)
body, tail = rest.split("</sheetData>", 1)
rows = re.findall(r"<row .*?</row>", body, flags=re.S)
header, records = rows[0], rows[1:]
out_rows = [header]
n = 1
cycle = 0
while n < want + 1:
    cycle += 1
    for r in records:
        if n >= want + 1:
            break
        n += 1
        r = re.sub(r'<row r="\d+"', f'<row r="{n}"', r, count=1)
        r = re.sub(r'(<c r="[A-Z]+)\d+"', lambda m: f'{m.group(1)}{n}"', r)
        r = re.sub(r'<c r="A(\d+)"[^>]*>.*?</c>',
                   lambda m: f'<c r="A{m.group(1)}" t="inlineStr"><is><t>{cycle:02d}</t></is></c>',
                   r, count=1)
        out_rows.append(r)
head = re.sub(r'<dimension ref="A1:([A-Z]+)\d+"/>', lambda m: f'<dimension ref="A1:{m.group(1)}{n}"/>', head)
new_sheet = (head + "<sheetData>" + "".join(out_rows) + "</sheetData>" + tail).encode()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for info, d in parts:
        z.writestr(info.filename, new_sheet if info.filename == sheet else d)
print(f"{out}: {n - 1} data rows")
