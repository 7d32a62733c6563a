"""Writes the workbook samples from the CSV samples, with XlsxWriter, the way survey tools and
people typing up paper forms lay them out: an instructions sheet first, then the responses under
a title row and a blank row, numbers stored as numbers.

    python3 Samples/tools/make_workbooks.py      # XlsxWriter 3.x; writes Samples/kent-esurvey.xlsx
"""
import csv, datetime, os, xlsxwriter

here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.dirname(here)

def number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text else value

def write(stem, title):
    with open(os.path.join(samples, stem + ".csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    # A fixed creation date, so the same input gives the same bytes.
    workbook = xlsxwriter.Workbook(os.path.join(samples, stem + ".xlsx"))
    workbook.set_properties({"created": datetime.datetime(2024, 3, 4, 9, 0, 0)})
    notes = workbook.add_worksheet("Read me")
    notes.write("A1", "Instructions: the responses are on the next sheet, one row per person.")
    sheet = workbook.add_worksheet("Responses")
    sheet.write(0, 0, title)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell == "":
                continue
            value = number(cell) if r > 0 else None
            if value is None:
                sheet.write_string(r + 2, c, cell)
            else:
                sheet.write_number(r + 2, c, value)
    workbook.close()

write("kent-esurvey", "Kent loneliness e-survey: responses")
