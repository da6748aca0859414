#!/usr/bin/env python3
"""Two scenarios side by side: the baseline and fast AI adoption, on 1% of the US workforce.

Runs scenarios/baseline.toml and scenarios/fast-adoption.toml month by month through floe's
Python module, each with its no-AI twin (the same run with AI held where it starts), saves
each run's results file (SQLite, as `floe simulate` writes it) and one figure: the
unemployment rate, and the AI effect on it (the run minus its twin, docs/model.md §16).
docs/python.md walks through it.

    PYTHONPATH=build/release/python /usr/bin/python3 examples/two_scenarios.py
    PYTHONPATH=build/release/python /usr/bin/python3 examples/two_scenarios.py --months 36
"""

import argparse
import gc
import pathlib

import matplotlib

matplotlib.use("Agg")  # a file, not a window: runs the same with or without a display
import matplotlib.pyplot as plt  # noqa: E402

import floe  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCENARIOS = {"baseline": "baseline", "fast adoption": "fast-adoption"}


def run(scenario, scale, months, results):
    """One scenario to its horizon, its results file written to `results`; returns what the
    figure shows, from the run's national tables (docs/model.md §12)."""
    sim = floe.Simulation(scenario, scale=scale, months=months)
    sim.run()
    sim.write(results)
    national, twin = sim.national(), sim.national(twin=True)
    return {
        "month": national["month"],
        "start": sim.settings["run.start"],
        # The unemployed and those in training, over the labor force (docs/model.md §9).
        "unemployment": 100 * national["unemployment_rate"],
        "no_ai": 100 * twin["unemployment_rate"],
        # The AI effect: the run minus its twin, which drew the same random numbers.
        "ai_effect": 100 * (national["unemployment_rate"] - twin["unemployment_rate"]),
    }


def plot(series, scale):
    """The figure: unemployment with and without AI's progress (left), the AI effect (right)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), constrained_layout=True)
    for (label, s), color in zip(series.items(), ("tab:blue", "tab:red")):
        left.plot(s["month"], s["unemployment"], color=color, label=label)
        left.plot(s["month"], s["no_ai"], color=color, linestyle=":", label=f"{label}, no AI")
        right.plot(s["month"], s["ai_effect"], color=color, label=label)
    left.set_title("Unemployment rate")
    left.set_ylabel("% of the labor force")
    right.set_title("AI effect on unemployment (run minus its no-AI twin)")
    right.set_ylabel("percentage points")
    right.axhline(0, color="grey", linewidth=0.8)
    start = next(iter(series.values()))["start"]
    for axes in (left, right):
        axes.set_xlabel(f"months (month 1 is {start})")
        axes.grid(alpha=0.3)
        axes.legend()
    fig.suptitle(f"floe: two scenarios on {scale:.1%} of the US workforce")
    return fig


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.01,
                        help="share of the workforce to simulate (default 0.01: 1.5M agents)")
    parser.add_argument("--months", type=int, default=None,
                        help="months to run (default: the scenarios' horizon, 120)")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "out" / "two_scenarios.png",
                        help="the figure (PNG); the results files go beside it")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    series = {}
    for label, scenario in SCENARIOS.items():
        results = args.out.with_name(f"{args.out.stem}-{scenario}.db")
        series[label] = run(scenario, args.scale, args.months, results)
        gc.collect()  # one run's agents in memory at a time
        print(f"{label}: {len(series[label]['month']) - 1} months; results in {results}")
    fig = plot(series, args.scale)
    fig.savefig(args.out, dpi=120)
    print(f"Figure in {args.out}")
    return fig, series


if __name__ == "__main__":
    main()
