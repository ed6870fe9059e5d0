"""Keras's training objects (keras/_training.py, optimizers/, losses.py, metrics.py,
callbacks.py) and ``Model.compile`` against real Keras: the same names, the same
parameters, the same resolution of names, the same refusals, and the same summary after
``compile``."""

from __future__ import annotations

import ast
import inspect
import warnings

import pytest

from convdims import keras as ck

MODULES = ("optimizers", "optimizers.schedules", "losses", "metrics", "callbacks")


def _module(root, path: str):
    for part in path.split("."):
        root = getattr(root, part)
    return root


def _ours(cls) -> list[tuple[str, str, object]]:
    """(name, kind, default) of each parameter, from the class's ``_parameters``."""
    arguments = ast.parse(f"def f({cls._parameters}): pass").body[0].args
    out = []
    defaults = [None] * (len(arguments.args) - len(arguments.defaults)) + list(
        arguments.defaults
    )
    for arg, default in zip(arguments.args, defaults, strict=True):
        value = inspect.Parameter.empty if default is None else ast.literal_eval(default)
        out.append((arg.arg, "POSITIONAL_OR_KEYWORD", value))
    if arguments.vararg:
        out.append((arguments.vararg.arg, "VAR_POSITIONAL", inspect.Parameter.empty))
    for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        value = inspect.Parameter.empty if default is None else ast.literal_eval(default)
        out.append((arg.arg, "KEYWORD_ONLY", value))
    if arguments.kwarg:
        out.append((arguments.kwarg.arg, "VAR_KEYWORD", inspect.Parameter.empty))
    return out


def _theirs(obj, skip_self: bool) -> list[tuple[str, str, object]]:
    params = list(inspect.signature(obj).parameters.values())[1 if skip_self else 0 :]
    return [(p.name, p.kind.name, p.default) for p in params]


def _names(module: str) -> list[str]:
    return [n for n in _module(ck, module).__all__ if n not in ("get", "schedules")]


@pytest.mark.parametrize("module", MODULES)
def test_every_name_is_kerass_with_its_parameters(keras, module):
    ours, theirs = _module(ck, module), _module(keras, module)
    for name in _names(module):
        real = getattr(theirs, name)
        mine = getattr(ours, name)
        if inspect.isclass(real):
            if name == "LearningRateSchedule":
                continue  # Keras's base takes (*args, **kwargs) from object
            assert _ours(mine) == _theirs(real.__init__, True), f"{module}.{name}"
        else:
            assert _theirs(mine, False) == _theirs(real, False), f"{module}.{name}"


def test_compile_takes_kerass_parameters(keras):
    assert _theirs(ck.Model.compile, True) == _theirs(keras.Model.compile, True)


IDENTIFIERS = {
    "optimizers": ["adam", "Adam", "SGD", "rmsprop", "adamw", "nadam", "adamm", 3, None],
    "losses": ["mse", "MSE", "mae", "categorical_crossentropy", "Huber", "msee", 2],
    "metrics": [
        "accuracy",
        "acc",
        "mae",
        "MSE",
        "bce",
        "kld",
        "AUC",
        "auc",
        "precision",
        "sparse_categorical_accuracy",
        "top_k_categorical_accuracy",
        "mean_io_u",
        "f1_score",
        "log_cosh_error",
        "logcosh",
        "nope",
    ],  # fmt: skip
}


def _resolved(module, identifier):
    try:
        found = module.get(identifier)
    except (ValueError, TypeError) as error:
        return ("raised", type(error).__name__, str(error))
    if inspect.isfunction(found):
        return ("function", found.__name__)
    return ("object", type(found).__name__)


@pytest.mark.parametrize("module", sorted(IDENTIFIERS))
def test_get_resolves_names_as_keras_does(keras, module):
    for identifier in IDENTIFIERS[module]:
        expected = _resolved(getattr(keras, module), identifier)
        assert _resolved(getattr(ck, module), identifier) == expected, identifier


BAD = [
    ("optimizers", "Adam", (), {"foo": 1}),
    ("optimizers", "SGD", (0.1, 0.9, True, None, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), {}),
    ("losses", "MeanSquaredError", (), {"foo": 1}),
    ("metrics", "Mean", (), {"foo": 1}),
    ("callbacks", "EarlyStopping", (), {"foo": 1}),
    ("callbacks", "ModelCheckpoint", (), {}),
    ("callbacks", "CSVLogger", (), {"separator": ";", "filename": "a", "append": 1}),
]


def _made(module, name, args, kwargs):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            getattr(module, name)(*args, **kwargs)
    except (TypeError, ValueError) as error:
        return (type(error).__name__, str(error).split(".__init__()")[-1])
    return "made"


@pytest.mark.parametrize("case", BAD, ids=[f"{c[0]}.{c[1]}" for c in BAD])
def test_arguments_are_refused_as_keras_refuses_them(keras, case):
    module, name, args, kwargs = case
    expected = _made(getattr(keras, module), name, args, kwargs)
    assert _made(getattr(ck, module), name, args, kwargs) == expected


def _compiled_summary(module, optimizer):
    module.backend.clear_session(free_memory=False)
    model = module.Sequential(
        [module.Input((16,)), module.layers.Dense(8), module.layers.Dense(2)]
    )
    try:
        model.compile(
            optimizer=optimizer,
            loss=module.losses.SparseCategoricalCrossentropy(from_logits=True),
            metrics=["accuracy", module.metrics.AUC()],
        )
    except ValueError as error:
        return ("raised", str(error))
    lines: list[str] = []
    model.summary(print_fn=lines.append)
    return ("ok", model.compiled, type(model.optimizer).__name__, "".join(lines))


@pytest.mark.parametrize("optimizer", ["adam", "SGD", "adamm"])
def test_a_compiled_model_summarises_as_keras_does(keras, optimizer):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = _compiled_summary(keras, optimizer)
    assert _compiled_summary(ck, optimizer) == expected
