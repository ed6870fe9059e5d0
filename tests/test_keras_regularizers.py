"""convdims.keras.regularizers: names, configs and refusals of Keras 3 (the oracle test
tests/oracle/test_keras_regularizers.py compares them with real Keras)."""

from __future__ import annotations

import math

import pytest

from convdims import keras
from convdims.keras import regularizers
from convdims.standin import Unsupported


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("l1", regularizers.L1),
        ("L1", regularizers.L1),
        ("l2", regularizers.L2),
        ("L1L2", regularizers.L1L2),
        ("l1l2", regularizers.L1L2),
        ("orthogonal_regularizer", regularizers.OrthogonalRegularizer),
    ],
)
def test_get_makes_a_fresh_instance_of_a_name(name, cls):
    first, second = regularizers.get(name), regularizers.get(name)
    assert type(first) is cls and first is not second


@pytest.mark.parametrize("identifier", ["l1_l2", "L3", "", 5, [0.1]])
def test_get_refuses_what_keras_refuses(identifier):
    with pytest.raises(ValueError, match="Could not interpret regularizer identifier"):
        regularizers.get(identifier)


def test_get_of_dicts_classes_instances_and_functions():
    assert regularizers.get(None) is None
    assert regularizers.get({"class_name": "L2", "config": {"l2": 0.5}}).l2 == 0.5
    assert regularizers.get({"class_name": "L2"}).l2 == 0.01
    assert type(regularizers.get(regularizers.L1L2)) is regularizers.L1L2
    mine = regularizers.L2(0.2)
    assert regularizers.get(mine) is mine

    def penalty(w):
        return 0.0

    assert regularizers.get(penalty) is penalty
    with pytest.raises(ValueError, match=r"Unknown `config` as a `dict`"):
        regularizers.get({"config": {}})
    with pytest.raises(TypeError, match="register_keras_serializable"):
        regularizers.get({"class_name": "L2", "module": None})


@pytest.mark.parametrize("bad", [-1, -1e-9, math.inf, math.nan, "0.1", [0.1]])
@pytest.mark.parametrize("cls", [regularizers.L1, regularizers.L2, regularizers.L1L2])
def test_factors_must_be_finite_and_non_negative(cls, bad):
    with pytest.raises(ValueError, match="expected a non-negative float"):
        cls(bad)


def test_configs_keep_what_keras_keeps():
    assert regularizers.L1L2(None, 3).get_config() == {"l1": 0.0, "l2": 3.0}
    assert regularizers.L2(None).get_config() == {"l2": 0.01}
    # l1 and factor are float32 in Keras (tensors): 0.1 does not come back as 0.1.
    assert regularizers.L1(0.1).get_config()["l1"] != 0.1
    assert math.isclose(regularizers.L1(0.1).get_config()["l1"], 0.1, rel_tol=1e-7)
    ortho = regularizers.OrthogonalRegularizer(0.5, "columns")
    assert ortho.get_config() == {"factor": 0.5, "mode": "columns"}
    with pytest.raises(ValueError, match="Invalid value for argument `mode`"):
        regularizers.OrthogonalRegularizer(0.5, "cols")
    with pytest.raises(ValueError, match="argument factor"):
        regularizers.OrthogonalRegularizer(None)


def test_aliases_are_the_classes():
    assert regularizers.l1 is regularizers.L1
    assert regularizers.l2 is regularizers.L2
    assert regularizers.l1_l2 is regularizers.L1L2
    assert regularizers.orthogonal_regularizer is regularizers.OrthogonalRegularizer
    assert keras.Regularizer is regularizers.Regularizer


def test_serialize_and_deserialize_round_trip():
    saved = regularizers.serialize(regularizers.L1L2(0.1, 0.2))
    assert saved == {
        "module": "keras.regularizers",
        "class_name": "L1L2",
        "config": {"l1": 0.1, "l2": 0.2},
        "registered_name": None,
    }
    back = regularizers.deserialize(saved)
    assert type(back) is regularizers.L1L2 and back.get_config() == saved["config"]
    assert regularizers.deserialize("unknown") == "unknown"


def test_penalties_need_values_and_the_base_has_none():
    assert regularizers.Regularizer()(object()) == 0.0
    with pytest.raises(NotImplementedError):
        regularizers.Regularizer().get_config()
    with pytest.raises(Unsupported, match=r"L2\.__call__"):
        regularizers.L2()(object())


def test_from_config_rebuilds():
    again = regularizers.L2.from_config(regularizers.L2(0.3).get_config())
    assert type(again) is regularizers.L2 and again.l2 == 0.3
