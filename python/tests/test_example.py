"""examples/two_scenarios.py runs and draws what the runs computed."""

import importlib.util
import sqlite3

import numpy as np
import pytest

from conftest import ROOT

pytest.importorskip("matplotlib")


def load_example():
    spec = importlib.util.spec_from_file_location("two_scenarios",
                                                  ROOT / "examples" / "two_scenarios.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unemployment_percent(path, table):
    """The unemployment rate by month, recomputed with sqlite3 from the stored counts: the
    unemployed and trainees over the labor force (docs/model.md §9)."""
    with sqlite3.connect(path) as db:
        rows = db.execute(f"SELECT month, employed, unemployed, training FROM {table} "
                          "ORDER BY month").fetchall()
    months, employed, unemployed, training = map(np.array, zip(*rows))
    return months, 100 * (unemployed + training) / (employed + unemployed + training)


def test_the_example_plots_its_runs(tmp_path):
    out = tmp_path / "figure.png"
    fig, _ = load_example().main(["--scale", "0.002", "--months", "3", "--out", str(out)])
    png = out.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000

    left, right = fig.axes
    assert [line.get_label() for line in left.lines] == [
        "baseline", "baseline, no AI", "fast adoption", "fast adoption, no AI"]
    assert [line.get_label() for line in right.lines[:2]] == ["baseline", "fast adoption"]
    for i, scenario in enumerate(["baseline", "fast-adoption"]):
        path = tmp_path / f"figure-{scenario}.db"
        months, run = unemployment_percent(path, "national")
        _, twin = unemployment_percent(path, "twin_national")
        unemployment, no_ai, effect = left.lines[2 * i], left.lines[2 * i + 1], right.lines[i]
        assert list(unemployment.get_xdata()) == list(months) == [0, 1, 2, 3]
        assert np.allclose(unemployment.get_ydata(), run, rtol=1e-12, atol=0)
        assert np.allclose(no_ai.get_ydata(), twin, rtol=1e-12, atol=0)
        assert np.allclose(effect.get_ydata(), run - twin, rtol=0, atol=1e-12)
        # The run and its twin start from the same state: no AI effect at month 0.
        assert effect.get_ydata()[0] == 0
