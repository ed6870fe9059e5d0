"""convdims.keras.regularizers and convdims.keras.constraints against real Keras 3.

Each identifier ``get`` takes (names, saved configs, classes, instances, functions,
junk) resolves to an object of the same class with the same config in both, or both
refuse with the same error type and message; the constructors check their arguments
as Keras's do; ``serialize`` writes what Keras writes; and a layer takes them.
"""

from __future__ import annotations

import math
import warnings

import pytest

from convdims import keras as ck

pytestmark = pytest.mark.oracle


def _outcome(call):
    """``("ok", class name, config)`` or ``("raised", error type, message)``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = call()
        except Exception as error:  # noqa: BLE001 - any refusal counts
            return ("raised", type(error).__name__, str(error))
    if value is None or isinstance(value, (str, dict, list, int, float)):
        return ("ok", value)
    if callable(value) and not hasattr(value, "get_config"):
        return ("ok", "function")
    try:
        config = value.get_config()
    except NotImplementedError as error:
        config = ("NotImplementedError", str(error).split("> ")[-1])
    return ("ok", type(value).__name__, config)


def _function(w):
    return w


def _identifiers(module_name: str, module):
    """Identifiers to resolve, built from ``module`` (ck's or Keras's) where they are
    objects of it."""
    common = [
        None,
        "",
        5,
        2.5,
        "l2",
        "L2",
        "l1",
        "L1",
        "l1_l2",
        "l1l2",
        "L1L2",
        "orthogonal_regularizer",
        "OrthogonalRegularizer",
        "regularizer",
        "max_norm",
        "MaxNorm",
        "non_neg",
        "NonNeg",
        "unit_norm",
        "min_max_norm",
        "MinMaxNorm",
        "constraint",
        "Constraint",
        "maxnorm",
        {"config": {}},
        {"class_name": "L2"},
        {"class_name": "L2", "config": {"l2": 0.3}},
        {"class_name": "L2", "config": {"l2": -1}},
        {"class_name": "L1L2", "config": {"l1": 0.1, "l2": 0.2}},
        {"class_name": "l1", "config": {"l1": 0.5}},
        {"class_name": "L3", "config": {}},
        {"class_name": "L2", "config": {"l2": 0.1}, "module": None},
        {"class_name": "MaxNorm", "config": {"max_value": 3, "axis": [0, 1]}},
        {"class_name": "NonNeg", "config": None},
        _function,
    ]
    if module_name == "regularizers":
        objects = [module.L2, module.L1L2(0.1, 0.2), module.OrthogonalRegularizer]
    else:
        objects = [module.NonNeg, module.MaxNorm(4, axis=1), module.UnitNorm(2)]
    return common + objects


@pytest.mark.parametrize("module_name", ["regularizers", "constraints"])
def test_get_resolves_every_identifier_as_keras_does(keras, module_name):
    ours, theirs = getattr(ck, module_name), getattr(keras, module_name)
    for mine, real in zip(
        _identifiers(module_name, ours), _identifiers(module_name, theirs), strict=True
    ):
        expected = _outcome(lambda real=real: theirs.get(real))
        actual = _outcome(lambda mine=mine: ours.get(mine))
        assert actual == expected, f"{module_name}.get({mine!r})"


@pytest.mark.parametrize("module_name", ["regularizers", "constraints"])
def test_deserialize_as_keras_does(keras, module_name):
    ours, theirs = getattr(ck, module_name), getattr(keras, module_name)
    for config in _identifiers(module_name, ours)[:35]:
        if callable(config):
            continue
        expected = _outcome(lambda config=config: theirs.deserialize(config))
        actual = _outcome(lambda config=config: ours.deserialize(config))
        assert actual == expected, f"{module_name}.deserialize({config!r})"


FACTORS = [0, 1, 0.0, 0.5, 1e-4, 3, True, -1, -0.1, math.inf, math.nan, None, "0.1", [1]]


@pytest.mark.parametrize(
    "name", ["L1", "L2", "L1L2", "OrthogonalRegularizer", "l1", "l2", "l1_l2"]
)
def test_regularizer_arguments_are_checked_as_keras_checks_them(keras, name):
    for factor in FACTORS:
        for args, kwargs in (((factor,), {}), ((), {"l2": factor} if "2" in name else {})):
            if name == "OrthogonalRegularizer" and kwargs:
                kwargs = {"factor": factor}
            expected = _outcome(
                lambda a=args, k=kwargs: getattr(keras.regularizers, name)(*a, **k)
            )
            actual = _outcome(
                lambda a=args, k=kwargs: getattr(ck.regularizers, name)(*a, **k)
            )
            assert actual == expected, f"{name}(*{args}, **{kwargs})"


@pytest.mark.parametrize("mode", ["rows", "columns", "cols", None, "Rows"])
def test_orthogonal_modes(keras, mode):
    expected = _outcome(lambda: keras.regularizers.OrthogonalRegularizer(0.1, mode))
    actual = _outcome(lambda: ck.regularizers.OrthogonalRegularizer(0.1, mode))
    assert actual == expected


@pytest.mark.parametrize(
    ("name", "args", "kwargs"),
    [
        ("MaxNorm", (), {}),
        ("MaxNorm", (3,), {"axis": [0, 1, 2]}),
        ("max_norm", (1.5, 1), {}),
        ("NonNeg", (), {}),
        ("UnitNorm", (), {"axis": -1}),
        ("unit_norm", (1,), {}),
        ("MinMaxNorm", (), {}),
        ("MinMaxNorm", (0.5, 2.0, 0.9, [0, 1]), {}),
        ("min_max_norm", (), {"rate": 0.1}),
        ("Constraint", (), {}),
    ],
)
def test_constraints_keep_their_config(keras, name, args, kwargs):
    expected = _outcome(lambda: getattr(keras.constraints, name)(*args, **kwargs))
    actual = _outcome(lambda: getattr(ck.constraints, name)(*args, **kwargs))
    assert actual == expected


@pytest.mark.parametrize(
    ("module_name", "name", "args"),
    [
        ("regularizers", "L2", (0.1,)),
        ("regularizers", "L1", (0.1,)),
        ("regularizers", "L1L2", (0.1, 0.2)),
        ("regularizers", "OrthogonalRegularizer", (0.3, "columns")),
        ("constraints", "MaxNorm", (3,)),
        ("constraints", "NonNeg", ()),
        ("constraints", "MinMaxNorm", (0.1, 0.9)),
    ],
)
def test_serialize_round_trips_as_keras(keras, module_name, name, args):
    ours, theirs = getattr(ck, module_name), getattr(keras, module_name)
    saved = theirs.serialize(getattr(theirs, name)(*args))
    assert ours.serialize(getattr(ours, name)(*args)) == saved
    assert _outcome(lambda: ours.deserialize(saved)) == _outcome(
        lambda: theirs.deserialize(saved)
    )
    for plain in (None, "l2", "max_norm"):
        assert ours.serialize(plain) == theirs.serialize(plain)


def test_the_base_classes_behave_as_keras(keras):
    assert ck.regularizers.Regularizer()(1) == keras.regularizers.Regularizer()(1)
    assert ck.constraints.Constraint()(7) == keras.constraints.Constraint()(7)
    assert ck.Regularizer is ck.regularizers.Regularizer
    assert keras.Regularizer is keras.regularizers.Regularizer
    for module in (ck, keras):
        with pytest.raises(NotImplementedError, match="does not implement get_config"):
            module.regularizers.Regularizer().get_config()


def test_every_name_keras_exports_is_there(keras):
    for module_name in ("regularizers", "constraints"):
        real = {n for n in dir(getattr(keras, module_name)) if not n.startswith("_")}
        assert set(getattr(ck, module_name).__all__) == real, module_name


def _summary(module, regularizers, constraints):
    module.backend.clear_session(free_memory=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = module.Sequential(
            [
                module.Input((16, 16, 3)),
                module.layers.Conv2D(
                    8,
                    3,
                    kernel_regularizer=regularizers.l2(1e-4),
                    bias_regularizer=regularizers.L1(0.01),
                    activity_regularizer=regularizers.l1_l2(l1=1e-5, l2=1e-4),
                    kernel_constraint=constraints.max_norm(3),
                ),
                module.layers.BatchNormalization(
                    beta_regularizer=regularizers.l2(1e-4),
                    gamma_constraint=constraints.NonNeg(),
                ),
                module.layers.SeparableConv2D(
                    4,
                    3,
                    depthwise_regularizer=regularizers.OrthogonalRegularizer(0.01),
                    pointwise_constraint=constraints.UnitNorm(),
                ),
                module.layers.Flatten(),
                module.layers.Dense(
                    10,
                    kernel_regularizer="l2",
                    kernel_constraint=constraints.MinMaxNorm(0.0, 2.0),
                ),
            ]
        )
    lines: list[str] = []
    model.summary(print_fn=lines.append)
    return "".join(lines)


def test_layers_take_regularizers_and_constraints(keras):
    """The import-and-use pattern of real CNN files: the same summary."""
    assert _summary(ck, ck.regularizers, ck.constraints) == _summary(
        keras, keras.regularizers, keras.constraints
    )
