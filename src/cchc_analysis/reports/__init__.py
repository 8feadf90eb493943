"""Reports: what a page shows (sections), charts, the Excel workbook, and the batch that
renders every province's report in worker processes."""
