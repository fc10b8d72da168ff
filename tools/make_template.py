"""Make resources/templates/official.docx: our own base template (python-docx's default is
not bundled by PyInstaller). Run once; the result is committed."""

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

out = Path(__file__).resolve().parent.parent / "resources" / "templates" / "official.docx"
doc = Document()
normal = doc.styles["Normal"]
normal.font.name = "Times New Roman"
normal.font.size = Pt(16)
normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
doc.core_properties.author = "党支部工作台"
doc.core_properties.title = ""
for p in list(doc.paragraphs):
    p._element.getparent().remove(p._element)
out.parent.mkdir(parents=True, exist_ok=True)
doc.save(out)
print(out)
