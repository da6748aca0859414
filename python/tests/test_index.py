"""floe.index(): the arrays equal the CSV `floe index --format csv` writes, number for number;
bad options fail as on the command line."""

import csv
import io
import math

import numpy as np
import pytest

import floe
from conftest import cli


def cli_csv(tmp_path, *args):
    out = cli("index", *args, "--format", "csv", "--db", tmp_path / "index.db").stdout
    rows = list(csv.reader(io.StringIO(out)))
    return rows[0], rows[1:]


def written(value, text):
    """Whether `text` is `value` as the CLI writes numbers: 12 significant digits in fixed
    notation, whole numbers of more digits rounded to integers (include/floe/table.h)."""
    number = float(text)
    if value == 0:
        return number == 0
    magnitude = math.floor(math.log10(abs(value)))
    half_unit = 0.5 if magnitude >= 11 else 0.5 * 10.0 ** (magnitude - 11)
    return abs(value - number) <= half_unit * (1 + 1e-9)


def assert_same(arrays, header, rows):
    assert list(arrays) == header
    for c, name in enumerate(header):
        column = arrays[name]
        assert len(column) == len(rows), name
        for value, row in zip(column, rows):
            text = row[c]
            if column.dtype == np.float64:
                assert (math.isnan(value) and text == "") or written(value, text), (name, text)
            elif column.dtype == np.bool_:
                assert text == ("true" if value else "false"), name
            else:
                assert (value or "") == text, name


@pytest.mark.parametrize("by", ["nation", "state", "industry", "county"])
def test_index_equals_the_cli_csv(tmp_path, data, by):
    header, rows = cli_csv(tmp_path, "--by", by)
    assert_same(floe.index(by=by, data=data), header, rows)


def test_one_states_rows_are_the_cli_rows(tmp_path, data):
    header, rows = cli_csv(tmp_path, "--by", "state-industry", "--state", "MI")
    arrays = floe.index(by="state-industry", state="MI", data=data)
    assert_same(arrays, header, rows)
    assert set(arrays["fips"]) == {"26"} and len(rows) > 10


def test_index_options_are_the_cli_options(tmp_path, data):
    header, rows = cli_csv(tmp_path, "--by", "occupation", "--labeler", "gpt4", "--e2-weight",
                           "0.5", "--surface", "15-0000,13-2000")
    arrays = floe.index(by="occupation", labeler="gpt4", e2_weight=0.5,
                        surface=["15-0000", "13-2000"], data=data)
    assert_same(arrays, header, rows)
    # Another capability assumption gives other numbers (the options are not ignored).
    default = floe.index(by="occupation", data=data)
    assert not np.array_equal(default["exposure"], arrays["exposure"], equal_nan=True)


def test_states_add_up_to_the_nation(data):
    # docs/method.md §7: a region's index is its exposed wages over its wage bill, and the
    # states' cells are the nation's.
    nation = floe.index(data=data)
    states = floe.index(by="state", data=data)
    assert np.allclose(states["iceberg"], states["exposed_wages"] / states["wage_bill"],
                       rtol=1e-12)
    for column in ("wage_bill", "exposed_wages", "employment"):
        assert nation[column][0] == pytest.approx(states[column].sum(), rel=1e-9)
    assert states["name"].dtype == object and "California" in list(states["name"])
    assert states["estimated"].dtype == np.bool_


def test_bad_options(data):
    with pytest.raises(floe.Error) as raised:
        floe.index(e2_weight=2.0, data=data)
    done = cli("index", "--e2-weight", "2.0", check=False)
    assert done.returncode != 0 and str(raised.value) in done.stderr
    assert str(raised.value) == "--e2-weight: Value 2.0 not in range 0.000000 to 1.000000"
    with pytest.raises(floe.Error, match="--labeler"):
        floe.index(labeler="gpt5", data=data)
    with pytest.raises(floe.Error, match="by: 'city' is not one of nation, state, county"):
        floe.index(by="city", data=data)
    with pytest.raises(floe.Error, match="state: no state 'XX'"):
        floe.index(by="state", state="XX", data=data)
    with pytest.raises(floe.Error, match="state= works with"):
        floe.index(by="occupation", state="MI", data=data)
    with pytest.raises(TypeError, match="unexpected keyword argument 'e3_weight'"):
        floe.index(e3_weight=0.5, data=data)
    with pytest.raises(floe.Error, match="--surface: no occupation is in SOC group '99-9999'"):
        floe.index(surface="99-9999", data=data)
    assert issubclass(floe.Error, ValueError)


def test_index_options_lists_the_cli_options():
    options = {o["keyword"]: o for o in floe.index_options()}
    assert options["e2_weight"]["option"] == "--e2-weight"
    assert options["labeler"]["default"] == "mean"  # the validated default (method.md §11)
    assert options["transfer"]["default"] is False
