"""How sure is a rank? Monte Carlo rank intervals and sensitivity that respect the rubric.

The uncertain inputs of a rubric are declared as data next to it
(``rubrics/<rubric id>.uncertainty.yaml``): domain weights, band thresholds, survey sampling
error, the appraisal adjustment and the missing-data policy, each switched on or off. The
measures are read once from the scoring engine (``score_indicators``: one value per province ×
criterion); every replication then perturbs thresholds, weights and measures as arrays
(replications × provinces × criteria) and recomputes points, index (rounded as published) and
ranks (ties share the best rank) with numpy, a chunk of replications at a time.

Where each step lives: ``spec`` (the data file), ``model`` (the rank model and its
evaluation), ``draws`` (random draws per source), ``montecarlo`` (intervals, bands, summary),
``sensitivity`` (Sobol indices, domain removal), ``run`` (whole tables, ``cchc uncertainty``),
``sentences`` (what a report says), ``slow_path`` (the check of the fast path); the chart is
``reports.uncertainty_charts``.

Typical use::

    from cchc_analysis.uncertainty.model import build_model
    from cchc_analysis.uncertainty.montecarlo import intervals_frame, monte_carlo
    from cchc_analysis.uncertainty.sentences import rank_interval_text
    from cchc_analysis.uncertainty.spec import load_spec

    spec = load_spec("par-index-illustrative")
    model = build_model(indicators, load_rubric("par-index-illustrative"), "2024")
    mc = monte_carlo(model, spec, runs=1000, seed=20250701)
    intervals = intervals_frame(mc)                 # one row per province
    rank_interval_text(intervals, "01")             # 'hạng 5, khoảng 90 %: 3–9'
"""
