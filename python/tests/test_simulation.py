"""floe.Simulation: a run stepped from Python is the run `floe simulate` makes, in workers as
the results file holds them; its twin and agents are the run's."""

import sqlite3

import numpy as np
import pytest

import floe


def table_rows(path, table):
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def test_a_stepped_run_writes_the_cli_results_file(twelve_months):
    a, b = twelve_months["cli"], twelve_months["python"]
    assert twelve_months["months"] == list(range(1, 13))
    with sqlite3.connect(a) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert {"run", "national", "state_major", "county_major", "flows", "twin_national",
            "twin_state_major"} <= set(tables)
    assert any(t.startswith("talent_") for t in tables)
    for table in tables:
        rows_a, rows_b = table_rows(a, table), table_rows(b, table)
        if table == "run":  # the same keys and values but the time it was written
            rows_a = [r for r in rows_a if r[0] != "created"]
            rows_b = [r for r in rows_b if r[0] != "created"]
        assert rows_a == rows_b, table
    assert len(table_rows(a, "national")) == 13


def test_national_is_the_results_file_table(twelve_months):
    stored = floe.read_run(twelve_months["cli"])
    for table in ("national", "twin_national"):
        national = twelve_months[table]
        assert list(national) == list(stored[table])
        for column in stored[table]:
            assert np.array_equal(national[column], stored[table][column]), (table, column)


def test_counts_are_workers(twelve_months):
    national, scale = twelve_months["national"], twelve_months["scale"]
    # `agents` is the labor force in agents; every count is agents / scale.
    force = national["employed"] + national["unemployed"] + national["training"]
    assert np.allclose(force * scale, national["agents"], rtol=1e-12)
    assert 140e6 < force[0] < 170e6  # the US labor force, not 0.2% of it
    rate = (national["unemployed"] + national["training"]) / force
    assert np.allclose(national["unemployment_rate"], rate, rtol=1e-12)


def test_places_and_groups_add_up_to_the_nation(twelve_months):
    national, states = twelve_months["national"], twelve_months["states"]
    cells = twelve_months["state_major"]
    assert states["employed"].shape == (13, len(states["state_fips"]))
    assert cells["employed"].shape == (13, len(cells["state_fips"]), len(cells["major"]))
    for figure in ("employed", "unemployed", "layoffs", "wage_bill", "agents"):
        assert np.allclose(states[figure].sum(axis=1), national[figure], rtol=1e-12)
        assert np.allclose(cells[figure].sum(axis=2), states[figure], rtol=1e-12)
    # A state's unemployment rate from its own figures (trainees are not employed).
    ca = list(states["usps"]).index("CA")
    seeking = states["unemployed"][12, ca] + states["training"][12, ca]
    assert states["unemployment_rate"][12, ca] == pytest.approx(
        seeking / (seeking + states["employed"][12, ca]), rel=1e-12)
    counties = twelve_months["counties"]
    assert list(counties["month"]) == [0, 12]
    assert np.allclose(counties["employed"].sum(axis=1), national["employed"][[0, 12]],
                       rtol=1e-9)
    flows = twelve_months["flows"]
    assert flows["moves"].shape == (13, len(flows["major"]), len(flows["major"]))
    assert np.allclose(flows["moves"].sum(axis=(1, 2)), national["occupation_changes"],
                       rtol=1e-9)


def test_state_rows_are_the_results_file_rows(twelve_months):
    cells = twelve_months["state_major"]
    with sqlite3.connect(twelve_months["cli"]) as db:
        rows = db.execute("SELECT state_fips, major, employed, wage_bill FROM state_major "
                          "WHERE month = 12").fetchall()
    fips, majors = list(cells["state_fips"]), list(cells["major"])
    for state, major, employed, wages in rows:
        s, g = fips.index(state), majors.index(major)
        assert cells["employed"][12, s, g] == employed
        assert cells["wage_bill"][12, s, g] == wages


def test_the_twin_is_the_run_without_ai(twelve_months):
    run, twin = twelve_months["national"], twelve_months["twin_national"]
    # The same start; AI capability and adoption held there in the twin (docs/model.md §16):
    # its national means move only as employment moves between occupations.
    assert run["employed"][0] == twin["employed"][0]
    assert twin["adoption"][0] == run["adoption"][0]
    grown = run["adoption"][12] - run["adoption"][0]
    assert grown > 0 and abs(twin["adoption"][12] - twin["adoption"][0]) < 0.1 * grown
    assert twin["displaced_direct"][1:].sum() < run["displaced_direct"][1:].sum()


def test_agents_are_the_runs_records(twelve_months):
    for prefix in ("", "twin_"):
        counts, national = twelve_months[prefix + "agents"], twelve_months[prefix + "national"]
        scale = twelve_months["scale"]
        # Agents waiting for a free slot (hires, employed; entrants, unemployed) are counted, not
        # in the records: a few (docs/model.md §10, §17).
        employed = national["employed"][12] * scale
        assert counts["employed"] <= round(employed) and counts["employed"] > 0.995 * employed
        unemployed = national["unemployed"][12] * scale
        assert counts["unemployed"] <= round(unemployed)
        assert counts["unemployed"] > 0.995 * unemployed
        assert counts["training"] == round(national["training"][12] * scale)
        assert counts["vacant"] > 0
        assert twelve_months[prefix + "wages"] == pytest.approx(
            national["wage_bill"][12] * scale, rel=5e-3)
    assert "with its no-AI twin" in twelve_months["repr"]
