"""floe.Simulation between months: zero-copy agents, levers that act and are recorded, bad
keys raise the CLI's errors, checkpoints resume (with the settings the CLI checks), Ctrl-C
stops after a month.

A run takes seconds to make (most of it laying out the agents), so each test follows one small
run (conftest.SMALL) through several steps, and at most one is alive at a time."""

import gc
import json
import os
import signal
import threading
import time

import numpy as np
import pytest

import floe
from conftest import BASELINE, SMALL, cli


def check_agents_view(sim):
    """Month 0's agents: a read-only, zero-copy view of the run's records."""
    agents = sim.agents()
    assert agents.dtype.itemsize == 16
    assert list(agents.dtype.names) == [f["name"] for f in floe.AGENT_FIELDS]
    assert [agents.dtype.fields[f["name"]][1] for f in floe.AGENT_FIELDS] == \
        [f["offset"] for f in floe.AGENT_FIELDS]
    assert not agents.flags.writeable and not agents.flags.owndata
    # Two calls view the same memory: nothing was copied.
    assert np.shares_memory(sim.agents()["wage"], agents["wage"])
    assert agents["wage"].strides == (16,)
    with pytest.raises(ValueError, match="read-only"):
        agents["wage"][0] = 1
    with pytest.raises(ValueError):
        agents.setflags(write=True)
    # The records are the run's: month 0's employed agents and their wages are the national
    # table's figures, in agents (workers x scale).
    status = agents["status"] & floe.STATUS_MASK
    live = status != floe.VACANT
    employed = status == floe.EMPLOYED
    national = sim.national()
    assert employed.sum() == round(national["employed"][0] * sim.scale)
    assert agents["wage"][employed].astype(np.float64).sum() == pytest.approx(
        national["wage_bill"][0] * sim.scale, rel=1e-6)
    assert len(np.unique(agents["id"][live])) == live.sum()
    with pytest.raises(floe.Error, match="no no-AI twin"):
        sim.agents(twin=True)
    # A month may move the records: no step while arrays view them.
    wages = agents["wage"]
    with pytest.raises(floe.Error, match="numpy arrays still view the agents of month 0"):
        sim.step()
    del wages
    with pytest.raises(floe.Error, match="numpy arrays still view"):
        sim.step()
    return np.array(agents)  # a copy outlives the month


def test_agents_and_a_lever_between_months(tmp_path, data):
    sim = floe.Simulation(BASELINE, months=3, data=data, **SMALL)
    kept = check_agents_view(sim)
    gc.collect()  # the views are gone
    assert (kept["status"] & floe.STATUS_MASK != floe.VACANT).sum() > 0

    def shock(s):
        if s.month == 1:
            s.set("displacement.layoffs", 0.2)

    assert sim.settings["displacement.layoffs"] == 0.01
    sim.run(between=shock)
    n = sim.national()
    # Layoffs are the lever's share of the employed each month (docs/model.md): 1% in month 1,
    # the scenario's value; 20% from month 2, after the change.
    assert n["layoffs"][1] / n["employed"][0] == pytest.approx(0.01, abs=0.002)
    assert n["layoffs"][2] / n["employed"][1] == pytest.approx(0.2, abs=0.01)
    assert sim.changes == [{"month": 1, "key": "displacement.layoffs", "value": 0.2}]
    assert sim.settings["displacement.layoffs"] == 0.2
    assert "layoffs = 0.2" in sim.scenario_text
    sim.write(tmp_path / "shocked.db")
    run = floe.read_run(tmp_path / "shocked.db")["run"]
    assert json.loads(run["lever_changes"]) == [
        {"month": 1, "key": "displacement.layoffs", "value": "0.2"}]
    assert run["complete"] == "yes"

    # Values of every kind reach the scenario; refused changes are not recorded.
    sim.set("retraining.state_budget", {"CA": 2e8, "NY": 1e8})
    sim.set("adoption.state_speed", {"MI": 2})
    sim.set("adoption.imitation", np.float64(0.05))
    settings = sim.settings
    assert settings["retraining.state_budget"] == {"CA": 2e8, "NY": 1e8}
    assert settings["adoption.state_speed"] == {"MI": 2}
    assert settings["adoption.imitation"] == 0.05
    with pytest.raises(floe.DataError, match="displacement.layofs"):
        sim.set("displacement.layofs", 0.1)
    with pytest.raises(floe.DataError, match="displacement.layoffs"):
        sim.set("displacement.layoffs", 2.0)  # out of range
    with pytest.raises(floe.DataError, match="fixed at the start of a run"):
        sim.set("retraining.targeting", "region")
    with pytest.raises(TypeError):
        sim.set("displacement.layoffs", object())
    assert len(sim.changes) == 4
    with pytest.raises(floe.Error, match="the run is done"):
        sim.step()


def test_bad_scenarios_and_options_raise_the_cli_errors(tmp_path, data):
    bad = tmp_path / "bad.toml"
    bad.write_text("[run]\nmonths = 3\n\n[displacement]\nrate_at_fulll = 0.01\n")
    done = cli("simulate", "--scenario", bad, "--scale", "0.001", "--out", tmp_path / "x.db",
               check=False)
    assert done.returncode == 1 and not (tmp_path / "x.db").exists()
    with pytest.raises(floe.DataError) as raised:
        floe.Simulation(bad, data=data, **SMALL)
    assert str(raised.value) == done.stderr.strip().splitlines()[-1].removeprefix("floe: error: ")
    assert raised.value.file == str(bad) and raised.value.line == 5
    assert raised.value.field == "displacement.rate_at_fulll"
    with pytest.raises(floe.DataError, match="talent.enabledd"):
        floe.Simulation(BASELINE, data=data, settings={"talent.enabledd": False})
    with pytest.raises(floe.DataError, match="nope.toml"):
        floe.Simulation(tmp_path / "nope.toml", data=data)
    for option, value in (("scale", 2.0), ("months", 700)):
        with pytest.raises(floe.Error) as raised:
            floe.Simulation(BASELINE, data=data, **{option: value})
        done = cli("simulate", f"--{option}", value, check=False)
        assert done.returncode != 0 and str(raised.value).split(": ")[0] in done.stderr
        assert str(raised.value).startswith(f"--{option}: Value {value:g} not in range")
    with pytest.raises(floe.Error, match="--seed"):
        floe.Simulation(BASELINE, data=data, seed=-1)
    with pytest.raises(floe.DataError, match="missing.ckpt"):
        floe.Simulation.resume(tmp_path / "missing.ckpt", data=data)


def run_until_ctrl_c(sim):
    """Runs `sim` with a Ctrl-C pressed while its second month runs (in C++, without the
    GIL); returns the months whose callbacks ran."""
    after_first = threading.Event()
    seen = []

    def between(s):
        seen.append(s.month)
        if len(seen) == 1:
            after_first.set()

    def press_ctrl_c():
        after_first.wait()
        time.sleep(0.05)  # the next month takes longer: the signal lands while it runs
        os.kill(os.getpid(), signal.SIGINT)

    presser = threading.Thread(target=press_ctrl_c)
    presser.start()
    with pytest.raises(KeyboardInterrupt):
        sim.run(between=between)
    presser.join()
    return seen


def test_ctrl_c_and_checkpoints(tmp_path, data):
    sim = floe.Simulation(BASELINE, months=6, data=data, **SMALL)
    sim.run(2)
    sim.set("displacement.layoffs", 0.05)
    sim.checkpoint(tmp_path / "run.ckpt")
    seen = run_until_ctrl_c(sim)
    # Stopped after the month the signal landed in, before its callback (on a slow machine it
    # may land in a callback: the run stops there just the same), consistent and able to go on.
    assert seen[0] == 3 and 3 <= sim.month <= 5 and seen[-1] in (sim.month - 1, sim.month)
    assert len(sim.national()["month"]) == sim.month + 1
    sim.run()
    assert sim.done and len(sim.national()["month"]) == 7
    expected = sim.national()
    del sim
    gc.collect()

    # The run resumed from its month-2 checkpoint ends as the uninterrupted run did...
    resumed = floe.Simulation.resume(tmp_path / "run.ckpt")
    assert resumed.month == 2 and resumed.settings["displacement.layoffs"] == 0.05
    resumed.run()
    for column, values in resumed.national().items():
        assert np.array_equal(values, expected[column]), column
    del resumed
    gc.collect()
    # The checkpoint carries the settings `floe simulate --resume` checks a resumed run
    # against, as the CLI's own do (checked before anything is loaded).
    done = cli("simulate", "--out", tmp_path / "cli.db", "--checkpoint", tmp_path / "run.ckpt",
               "--resume", "--scale", "0.5", check=False)
    assert done.returncode == 1
    assert f"--scale 0.5 conflicts with the run in {tmp_path / 'run.ckpt'} (0.002)" in done.stderr
