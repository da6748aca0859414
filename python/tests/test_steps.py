"""floe.Simulation between months: zero-copy agents, levers that act and are recorded, bad
keys raise the CLI's errors, checkpoints resume (in Python and in the CLI), Ctrl-C stops after
a month. One small run alive at a time (conftest.SMALL)."""

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


def test_agents_are_zero_copy_and_read_only(data):
    sim = floe.Simulation(BASELINE, months=1, data=data, **SMALL)
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
    kept = np.array(agents)  # a copy outlives the month
    with pytest.raises(floe.Error, match="numpy arrays still view the agents of month 0"):
        sim.step()
    del agents, wages, status, live, employed
    sim.step()
    assert sim.month == 1
    assert (kept["status"] & floe.STATUS_MASK != floe.VACANT).sum() > 0


def test_a_lever_changed_between_months_acts_and_is_recorded(tmp_path, data):
    def shock(sim):
        if sim.month == 1:
            sim.set("displacement.layoffs", 0.2)

    sim = floe.Simulation(BASELINE, months=3, data=data, **SMALL)
    assert sim.settings["displacement.layoffs"] == 0.01
    sim.run(between=shock)
    n = sim.national()
    # Layoffs are the lever's share of the employed each month (docs/model.md §5): 1% in month
    # 1, under the scenario's value; 20% from month 2, after the change.
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
    sim.set("retraining.targeting", "region")
    sim.set("retraining.states", ["CA", "NY"])
    sim.set("adoption.imitation", np.float64(0.05))
    settings = sim.settings
    assert settings["retraining.state_budget"] == {"CA": 2e8, "NY": 1e8}
    assert settings["retraining.targeting"] == "region"
    assert settings["retraining.states"] == ["CA", "NY"]
    assert settings["adoption.imitation"] == 0.05
    with pytest.raises(floe.DataError, match="displacement.layofs"):
        sim.set("displacement.layofs", 0.1)
    with pytest.raises(floe.DataError, match="displacement.layoffs"):
        sim.set("displacement.layoffs", 2.0)  # out of range
    with pytest.raises(floe.DataError, match="fixed at the start of a run"):
        sim.set("matching.candidates", 5)
    with pytest.raises(TypeError):
        sim.set("displacement.layoffs", object())
    assert len(sim.changes) == 5
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


def test_a_checkpoint_resumes_the_run_in_python_and_in_the_cli(tmp_path, data):
    a = floe.Simulation(BASELINE, months=4, data=data, **SMALL)
    a.run(2)
    a.set("displacement.layoffs", 0.05)
    a.checkpoint(tmp_path / "run.ckpt")
    a.run()
    a.write(tmp_path / "a.db")
    expected = a.national()
    del a
    gc.collect()
    # The CLI continues the Python run: the checkpoint carries the settings it needs.
    cli("simulate", "--out", tmp_path / "cli.db", "--checkpoint", tmp_path / "run.ckpt",
        "--resume")
    stored = floe.read_run(tmp_path / "cli.db")["national"]
    b = floe.Simulation.resume(tmp_path / "run.ckpt")
    assert b.month == 2 and b.settings["displacement.layoffs"] == 0.05
    b.run()
    for column, values in b.national().items():
        assert np.array_equal(values[2:], expected[column][2:]), column
        assert np.array_equal(values, stored[column]), column
    del b
    gc.collect()
    with pytest.raises(floe.DataError, match="missing.ckpt"):
        floe.Simulation.resume(tmp_path / "missing.ckpt", data=data)


def test_ctrl_c_stops_after_the_month(data):
    """SIGINT while a month runs (in C++, without the GIL) raises KeyboardInterrupt after the
    month, with the run consistent and able to go on."""
    sim = floe.Simulation(BASELINE, months=4, data=data, **SMALL)
    after_first = threading.Event()
    seen = []

    def between(s):
        seen.append(s.month)
        if s.month == 1:
            after_first.set()

    def press_ctrl_c():
        after_first.wait()
        time.sleep(0.05)  # month 2 takes longer: the signal lands while it runs
        os.kill(os.getpid(), signal.SIGINT)

    presser = threading.Thread(target=press_ctrl_c)
    presser.start()
    with pytest.raises(KeyboardInterrupt):
        sim.run(between=between)
    presser.join()
    # Stopped after the month the signal landed in (on a slow machine it may land just
    # before month 2 or in a callback: the run stops there just the same).
    assert sim.month in (1, 2, 3) and seen[-1] in (sim.month - 1, sim.month)
    assert len(sim.national()["month"]) == sim.month + 1
    sim.run()  # continues where it stopped
    assert sim.done and len(sim.national()["month"]) == 5
