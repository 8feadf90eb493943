"""Validation: the Great Expectations suites, the failures table, Data Docs, accepted and
quarantined rows."""
