"""Files in and out: Excel workbooks (openpyxl) and other formats. No Qt."""
