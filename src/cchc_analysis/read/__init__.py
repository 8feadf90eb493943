"""Reading: any table file (CSV, Excel, Parquet; long or wide; legacy Vietnamese fonts;
Vietnamese number formats) into the standard long frame."""
