"""Word (python-docx) and Excel (openpyxl) writers, one module per document."""
