"""Reports: what a page shows (view, the *_sections modules), charts, the Excel workbook, and
the batch that renders every province's report in worker processes (render, workers)."""
