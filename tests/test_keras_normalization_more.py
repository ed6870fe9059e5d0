"""convdims.keras.layers.normalization_more and activation_layers: the extra
normalizations, PReLU, ELU and Softmax."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import layers


@pytest.mark.parametrize(("groups", "channels"), [(1, 6), (3, 6), (-1, 6), (6, 6)])
def test_group_normalization_has_two_weights_per_channel(groups, channels):
    layer = layers.GroupNormalization(groups)
    assert layer(keras.Input((5, 5, channels))).shape == (None, 5, 5, channels)
    assert layer.count_params() == 2 * channels


@pytest.mark.parametrize(
    ("groups", "message"),
    [(4, "must be a multiple"), (8, "cannot be more than"), (5, "must be a multiple")],
)
def test_group_normalization_refuses_groups_that_do_not_split(groups, message):
    with pytest.raises(ValueError, match=message):
        layers.GroupNormalization(groups)(keras.Input((6,)))


def test_group_normalization_refusals_at_construction_and_axis():
    with pytest.raises(ValueError, match="argument `groups`"):
        layers.GroupNormalization(0)
    with pytest.raises(ValueError, match="axis=3"):
        layers.GroupNormalization(1, axis=3)(keras.Input((4,)))


def test_rms_and_unit_normalization():
    rms = layers.RMSNormalization(axis=[1, 2])
    assert rms(keras.Input((3, 4, 5))).shape == (None, 3, 4, 5)
    assert rms.count_params() == 12
    unit = layers.UnitNormalization()
    assert unit(keras.Input((3,))).shape == (None, 3) and unit.count_params() == 0
    with pytest.raises(TypeError, match="expected an int or a list/tuple"):
        layers.UnitNormalization(axis="last")
    with pytest.raises(ValueError, match="out of bounds"):
        layers.UnitNormalization(axis=2)(keras.Input((3,)))


@pytest.mark.parametrize(
    ("shared", "count"), [(None, 8 * 8 * 3), ([1, 2], 3), ([3], 64), (1, 24)]
)
def test_prelu_learns_a_slope_per_unshared_value(shared, count):
    layer = layers.PReLU(shared_axes=shared)
    layer(keras.Input((8, 8, 3)))
    assert layer.count_params() == count


def test_prelu_refuses_an_axis_the_input_lacks():
    with pytest.raises(ValueError, match="shared_axes"):
        layers.PReLU(shared_axes=[5])(keras.Input((8, 3)))


def test_elu_and_softmax_keep_the_shape():
    x = keras.Input((4, 2))
    assert layers.ELU(0.3)(x).shape == layers.Softmax(axis=1)(x).shape == (None, 4, 2)
