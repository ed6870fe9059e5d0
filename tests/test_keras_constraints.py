"""convdims.keras.constraints: names, configs and refusals of Keras 3 (the oracle test
tests/oracle/test_keras_regularizers.py compares them with real Keras)."""

from __future__ import annotations

import pytest

from convdims.keras import constraints
from convdims.standin import Unsupported


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("max_norm", constraints.MaxNorm),
        ("MaxNorm", constraints.MaxNorm),
        ("non_neg", constraints.NonNeg),
        ("unit_norm", constraints.UnitNorm),
        ("min_max_norm", constraints.MinMaxNorm),
        ("constraint", constraints.Constraint),
    ],
)
def test_get_makes_a_fresh_instance_of_a_name(name, cls):
    first, second = constraints.get(name), constraints.get(name)
    assert type(first) is cls and first is not second


@pytest.mark.parametrize("identifier", ["maxnorm", "l2", "", 3])
def test_get_refuses_what_keras_refuses(identifier):
    with pytest.raises(ValueError, match="Could not interpret constraint identifier"):
        constraints.get(identifier)


def test_configs_and_aliases():
    assert constraints.MaxNorm().get_config() == {"max_value": 2, "axis": 0}
    assert constraints.max_norm(3, axis=[0, 1]).get_config() == {
        "max_value": 3,
        "axis": [0, 1],
    }
    assert constraints.NonNeg().get_config() == {}
    assert constraints.unit_norm(-1).get_config() == {"axis": -1}
    assert constraints.MinMaxNorm(0.5, rate=0.1).get_config() == {
        "min_value": 0.5,
        "max_value": 1.0,
        "rate": 0.1,
        "axis": 0,
    }
    assert constraints.non_neg is constraints.NonNeg
    assert constraints.min_max_norm is constraints.MinMaxNorm


def test_get_of_a_saved_config_and_of_objects():
    saved = constraints.serialize(constraints.MaxNorm(4, axis=1))
    assert saved["module"] == "keras.constraints" and saved["class_name"] == "MaxNorm"
    back = constraints.get(saved)
    assert type(back) is constraints.MaxNorm and back.get_config() == saved["config"]
    mine = constraints.UnitNorm()
    assert constraints.get(mine) is mine
    assert type(constraints.get(constraints.NonNeg)) is constraints.NonNeg
    assert constraints.get(None) is None


def test_projections_need_values():
    weight = object()
    assert constraints.Constraint()(weight) is weight
    with pytest.raises(Unsupported, match=r"MaxNorm\.__call__"):
        constraints.MaxNorm()(weight)
