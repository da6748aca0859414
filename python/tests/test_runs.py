"""floe.read_run(): every table of a results file as numpy arrays."""

import sqlite3

import numpy as np
import pytest

import floe


def test_read_run_reads_every_table(twelve_months):
    path = twelve_months["cli"]
    run = floe.read_run(path)
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert sorted(run) == sorted(tables)
        assert run["run"]["command"] == "floe simulate"
        national = run["national"]
        assert national["month"].dtype == np.int64
        assert list(national["month"]) == list(range(13))
        # A value read independently through sqlite3.
        (employed,) = db.execute("SELECT employed FROM national WHERE month = 12").fetchone()
        assert national["employed"][12] == employed
        assert run["state_major"]["state_fips"].dtype == object
        (rows,) = db.execute("SELECT COUNT(*) FROM county_major").fetchone()
        assert len(run["county_major"]["county_fips"]) == rows


def test_read_run_refuses_other_files(tmp_path):
    with pytest.raises(floe.Error, match="missing.db"):
        floe.read_run(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(floe.Error, match="other.db"):
        floe.read_run(other)
