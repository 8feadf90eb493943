"""Scoring: rubrics (data) and their edits and tables, points to grades with explanations,
comparisons across the 2025 merger, the composite-index toolkit, the service index."""
