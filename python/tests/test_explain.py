"""floe.explain(): the tables `floe explain --format json` prints, as plain dicts and lists."""

import json
import math

import pytest

import floe
from conftest import cli
from test_index import written


def rows(table):
    return table["rows"]


def same(python_rows, json_rows):
    assert len(python_rows) == len(json_rows)
    for p, j in zip(python_rows, json_rows):
        assert list(p) == list(j)
        for key in p:
            a, b = p[key], j[key]
            if isinstance(a, float) and isinstance(b, (int, float)):
                # JSON numbers are the CSV's (12 significant digits); null for NaN.
                assert written(a, str(b)), (key, a, b)
            elif a is None or (isinstance(a, float) and math.isnan(a)):
                assert b is None, key
            else:
                assert a == b, key


def test_explain_equals_the_cli_json(data):
    expected = json.loads(cli("explain", "15-1252", "--format", "json").stdout)
    got = floe.explain("15-1252", data=data)
    assert got["profile"]["soc_code"] == "15-1252"
    same([got["profile"]], rows(expected["profile"]))
    for table in ("tasks", "exposure", "moves"):
        same(got[table], rows(expected[table]))
        assert got["notes"][table] == expected[table]["notes"]


def test_explain_takes_the_cli_options(data):
    expected = json.loads(cli("explain", "bookkeeping", "--labeler", "gpt4", "--e2-weight", "0.5",
                              "--moves", "3", "--similarity-weights", "0.5,0,0,0,0.5,0",
                              "--format", "json").stdout)
    got = floe.explain("bookkeeping", labeler="gpt4", e2_weight=0.5, moves=3,
                       similarity_weights=[0.5, 0, 0, 0, 0.5, 0], data=data)
    same([got["profile"]], rows(expected["profile"]))
    same(got["moves"], rows(expected["moves"]))
    assert len(got["moves"]) == 3


def test_an_unknown_occupation_is_the_cli_error(data):
    done = cli("explain", "99-9999", check=False)
    assert done.returncode == 1
    message = done.stderr.strip().removeprefix("floe: error: ")
    with pytest.raises(floe.Error) as raised:
        floe.explain("99-9999", data=data)
    assert str(raised.value) == message
    with pytest.raises(floe.Error, match="--similarity-weights"):
        floe.explain("15-1252", similarity_weights=[0.5, 0.5], data=data)
