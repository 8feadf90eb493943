"""Rank uncertainty: the uncertainty spec, Monte Carlo draws, rank intervals and bands,
Sobol indices, report sentences."""
