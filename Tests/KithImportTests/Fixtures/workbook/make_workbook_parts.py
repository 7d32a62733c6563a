"""Writes a workbook with XlsxWriter (the writer SmartSurvey-style exports and most tools use)
and extracts the XML parts that the workbook reader's tests read.

    python3 make_workbook_parts.py        # XlsxWriter 3.x; writes parts-1900/ and parts-1904/
"""
import datetime, os, zipfile, xlsxwriter

def build(path, date1904):
    wb = xlsxwriter.Workbook(path, {"date_1904": date1904})
    notes = wb.add_worksheet("Read me")
    notes.write("A1", "Instructions: one row per person.")
    ws = wb.add_worksheet("Responses & more")
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    quoted = wb.add_format({"num_format": '0.0 "days"'})
    bold = wb.add_format({"bold": True})
    ws.write("A1", "Loneliness survey, export of 4 March 2024")
    ws.write_row("A3", ["Respondent ID", "Submitted", "How often do you feel lonely?", "Score", "Consent"])
    ws.write("A4", 101)
    ws.write_datetime("B4", datetime.datetime(2024, 3, 4, 14, 30), stamp)
    ws.write("C4", "Often/always")
    ws.write_formula("D4", "=1+2", None, 3)
    ws.write_boolean("E4", True)
    ws.write("A5", 102)
    ws.write_datetime("B5", datetime.datetime(2024, 2, 29), date)
    ws.write_rich_string("C5", "Some ", bold, "of the", " time")
    ws.write_formula("D5", "=NA()", None, "#N/A")
    ws.write("A6", 103)
    ws.write("C6", "Tom & Jerry <ok> \"quoted\" ’curly’")
    ws.write_number("D6", 2.5, quoted)
    ws.write("AB6", "far right")
    ws.write_formula("E6", '="yes"', None, "yes")
    wb.close()

for system in (False, True):
    name = "parts-1904" if system else "parts-1900"
    path = f"/tmp/{name}.xlsx"
    build(path, system)
    os.makedirs(name, exist_ok=True)
    with zipfile.ZipFile(path) as z:
        for part in ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet2.xml"]:
            open(os.path.join(name, os.path.basename(part)), "wb").write(z.read(part))
