"""Shared fixtures: the floe binary (FLOE_BIN, set by ctest), the repository root, the data
loaded once for the whole session, and one 12-month run made both ways (CLI and Python).

A simulation holds a few GB at scale 0.002 (docs/python.md, "Memory"): the fixtures keep what
the tests read from a run as arrays and let the run go, so that at most one is alive at a time.
"""

import gc
import os
import pathlib
import subprocess

import numpy as np
import pytest

import floe

ROOT = pathlib.Path(__file__).resolve().parents[2]
BASELINE = ROOT / "scenarios" / "baseline.toml"
# The behaviour tests' runs: 0.2% of the workforce, without the talent segment or the twin.
SMALL = dict(scale=0.002, settings={"talent.enabled": False}, twin=False)


def floe_bin():
    path = os.environ.get("FLOE_BIN", str(ROOT / "build" / "release" / "apps" / "floe" / "floe"))
    if not os.path.exists(path):
        pytest.fail(f"the floe binary {path} is missing: build it, or set FLOE_BIN")
    return path


def cli(*args, check=True):
    """Runs the floe binary; returns the completed process (text)."""
    done = subprocess.run([floe_bin(), *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT)
    if check and done.returncode != 0:
        pytest.fail(f"floe {' '.join(map(str, args))} exited {done.returncode}: {done.stderr}")
    return done


@pytest.fixture(scope="session")
def data():
    return floe.load()


def status_counts(agents):
    """Agents by status, from the records themselves."""
    status = agents["status"] & floe.STATUS_MASK
    return {name: int((status == code).sum())
            for name, code in (("employed", floe.EMPLOYED), ("unemployed", floe.UNEMPLOYED),
                               ("training", floe.TRAINING), ("vacant", floe.VACANT))}


@pytest.fixture(scope="session")
def twelve_months(tmp_path_factory, data):
    """The baseline at scale 0.002 for 12 months with its twin: `floe simulate` and
    floe.Simulation stepped month by month, each written to its results file, and what the
    Python run returned (its arrays, its agents counted at the end)."""
    work = tmp_path_factory.mktemp("twelve")
    cli("simulate", "--scenario", BASELINE, "--scale", "0.002", "--months", "12",
        "--out", work / "cli.db")
    sim = floe.Simulation(BASELINE, scale=0.002, months=12, data=data)
    months = []
    while not sim.done:
        sim.step()
        months.append(sim.month)
    sim.write(work / "python.db")
    run = {"cli": work / "cli.db", "python": work / "python.db", "months": months,
           "scale": sim.scale, "repr": repr(sim)}
    for twin in (False, True):
        prefix = "twin_" if twin else ""
        run[prefix + "national"] = sim.national(twin=twin)
        run[prefix + "states"] = sim.states(twin=twin)
        run[prefix + "state_major"] = sim.state_major(twin=twin)
        run[prefix + "counties"] = sim.counties(twin=twin)
        agents = sim.agents(twin=twin)
        run[prefix + "agents"] = status_counts(agents)
        run[prefix + "wages"] = float(
            agents["wage"][(agents["status"] & floe.STATUS_MASK) == floe.EMPLOYED]
            .astype(np.float64).sum())
        del agents
    run["flows"] = sim.flows()
    del sim
    gc.collect()
    return run
