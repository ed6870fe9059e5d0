"""Every class and function convdims.keras copies from Keras takes the same arguments.

``inspect.signature`` of each exported layer class of ``convdims.keras.layers`` (and of
``Input``, ``Sequential``, ``Model``, ``KerasTensor``, the ``backend``/``config``/
``utils``/``models`` functions, every ``keras.applications`` function...) must list
the same parameters as the real Keras 3 object: the same names, in the same order, of
the same kinds (positional, keyword-only, ``*args``, ``**kwargs``), with the same
defaults. Type annotations are ours alone and are not compared. A script written for
Keras then binds its arguments to the same parameters in convdims.
"""

from __future__ import annotations

import inspect

import pytest

from convdims import keras as ck

#: Exported by convdims.keras.layers without a Keras counterpart of that name.
CONVDIMS_ONLY = {"Weight"}

LAYER_NAMES = sorted(set(ck.layers.__all__) - CONVDIMS_ONLY)
#: convdims.keras's own top-level names (InputLayer is Keras's keras.layers.InputLayer;
#: Functional is keras.src.models.functional.Functional, compared below).
TOP_NAMES = sorted(set(ck.__all__) - {"Functional", "InputLayer", "describe"})
TOP_NAMES = [name for name in TOP_NAMES if name[0].isupper()]
MODULE_FUNCTIONS = [
    (module, name)
    for module in (
        "activations",
        "backend",
        "config",
        "constraints",
        "initializers",
        "models",
        "ops",
        "regularizers",
        "utils",
    )
    for name in getattr(ck, module).__all__
    if name != "Functional" and callable(getattr(getattr(ck, module), name))
]


#: keras.applications: each application, and every function of its submodules
#: (``resnet50.preprocess_input``, ``imagenet_utils.decode_predictions``...).
APPLICATION_FUNCTIONS = [("", name) for name in sorted(ck.applications._APPLICATIONS)] + [
    (module, name)
    for module in ck.applications._MODULES
    for name in getattr(ck.applications, module).__all__
]


def parameters(obj) -> list[tuple[str, str, object]]:
    """(name, kind, default) of each parameter, without annotations."""
    return [
        (p.name, p.kind.name, p.default) for p in inspect.signature(obj).parameters.values()
    ]


def same(ours, theirs, what: str) -> None:
    mine, keras_own = parameters(ours), parameters(theirs)
    assert mine == keras_own, (
        f"{what}: convdims takes {inspect.signature(ours)}, Keras takes "
        f"{inspect.signature(theirs)}"
    )


def test_every_export_is_checked(keras):
    """Nothing exported escapes the comparison unnoticed."""
    missing = [name for name in LAYER_NAMES if not hasattr(keras.layers, name)]
    assert missing == []
    assert "Functional" in ck.__all__ and "describe" in ck.__all__


@pytest.mark.parametrize("name", LAYER_NAMES)
def test_layer_signatures(keras, name):
    same(getattr(ck.layers, name), getattr(keras.layers, name), f"layers.{name}")


@pytest.mark.parametrize("name", TOP_NAMES)
def test_top_level_signatures(keras, name):
    same(getattr(ck, name), getattr(keras, name), f"keras.{name}")


def test_functional_signature(keras):
    """Keras keeps Functional out of its top level; convdims exports it."""
    from keras.src.models.functional import Functional

    same(ck.Functional, Functional, "Functional")


@pytest.mark.parametrize(
    ("module", "name"), MODULE_FUNCTIONS, ids=[f"{m}.{n}" for m, n in MODULE_FUNCTIONS]
)
def test_module_function_signatures(keras, module, name):
    same(
        getattr(getattr(ck, module), name),
        getattr(getattr(keras, module), name),
        f"keras.{module}.{name}",
    )


@pytest.mark.parametrize(
    ("module", "name"),
    APPLICATION_FUNCTIONS,
    ids=[f"applications.{m}.{n}".replace("..", ".") for m, n in APPLICATION_FUNCTIONS],
)
def test_application_signatures(keras, module, name):
    ours, theirs = ck.applications, keras.applications
    if module:
        ours, theirs = getattr(ours, module), getattr(theirs, module)
    same(getattr(ours, name), getattr(theirs, name), f"keras.applications.{module}.{name}")


def test_model_compile_signature(keras):
    """Scripts call compile() before summary(): it takes Keras's arguments."""
    same(ck.Model.compile, keras.Model.compile, "Model.compile")


def test_every_application_is_checked(keras):
    """convdims has every application and submodule real Keras exports, and no other."""
    import inspect

    real = {n for n in dir(keras.applications) if not n.startswith("_")}
    assert set(ck.applications.__all__) == real
    for module in ck.applications._MODULES:
        theirs = getattr(keras.applications, module)
        assert inspect.ismodule(theirs), module
        exported = {n for n in dir(theirs) if not n.startswith("_")}
        assert set(getattr(ck.applications, module).__all__) == exported, module


def test_name_scope_signature(keras):
    same(ck.name_scope, keras.name_scope, "keras.name_scope")


def test_activation_aliases_are_keras_aliases(keras):
    """swish is silu and hard_swish is hard_silu, in both."""
    assert (ck.activations.swish is ck.activations.silu) == (
        keras.activations.swish is keras.activations.silu
    )
    assert (ck.activations.hard_swish is ck.activations.hard_silu) == (
        keras.activations.hard_swish is keras.activations.hard_silu
    )


def test_activations_get_resolves_as_keras_does(keras):
    for name in ("relu", "softmax", "swish", "hard_swish", "linear", None):
        ours, theirs = ck.activations.get(name), keras.activations.get(name)
        assert ours.__name__ == theirs.__name__, name
    for module in (ck.activations, keras.activations):
        with pytest.raises(ValueError, match="Could not interpret activation function"):
            module.get("sofmax")


def test_initializers_get_resolves_as_keras_does(keras):
    for name in ("he_normal", "glorot_uniform", "zeros", "Ones", "VarianceScaling"):
        ours, theirs = ck.initializers.get(name), keras.initializers.get(name)
        assert type(ours).__name__ == type(theirs).__name__, name
    for module in (ck.initializers, keras.initializers):
        with pytest.raises(ValueError, match="Could not interpret initializer identifier"):
            module.get("he_nromal")


def test_backend_get_uid_shares_the_layer_names_counters(keras):
    """After get_uid("conv2d"), an unnamed Conv2D is conv2d_1, in both."""
    for module in (ck, keras):
        module.backend.clear_session()
        assert module.backend.get_uid("conv2d") == 1
        assert module.layers.Conv2D(2, 1).name == "conv2d_1"
    ck.backend.clear_session()
    keras.backend.clear_session()


def test_aliases_are_the_same_classes():
    """Keras's aliases (Convolution2D, MaxPool2D...) are the classes, not copies."""
    assert ck.layers.Convolution2D is ck.layers.Conv2D
    assert ck.layers.MaxPool2D is ck.layers.MaxPooling2D
    assert ck.layers.GlobalAvgPool2D is ck.layers.GlobalAveragePooling2D
