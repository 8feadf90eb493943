"""The hand-written Sobol estimators of ``cchc_analysis.uncertainty.sensitivity`` agree with
SALib's on the same design (the README says why they are kept: vectorised over provinces, much
faster)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from SALib.analyze import sobol as salib_analyze
from SALib.sample import sobol as salib_sample
from SALib.test_functions import Ishigami

from cchc_analysis.uncertainty.sensitivity import _sobol


def test_hand_written_estimators_agree_with_salib_on_the_same_design():
    problem = {
        "num_vars": 3,
        "names": ["x1", "x2", "x3"],
        "bounds": [[-np.pi, np.pi]] * 3,
    }
    design = salib_sample.sample(problem, 1024, calc_second_order=False, seed=7)
    y = Ishigami.evaluate(design)
    step = 3 + 2
    f_a, f_b = y[0::step], y[step - 1 :: step]
    f_ab = np.stack([y[i + 1 :: step] for i in range(3)])
    first, total = _sobol(f_a, f_b, f_ab)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = salib_analyze.analyze(problem, y, calc_second_order=False, seed=7)
    assert np.allclose(total, theirs["ST"], atol=1e-12)
    assert np.allclose(first, theirs["S1"], atol=2e-3)
    # and both recover the known indices of the Ishigami function
    assert first == pytest.approx([0.3139, 0.4424, 0.0], abs=0.05)
    assert total == pytest.approx([0.5576, 0.4424, 0.2437], abs=0.05)
