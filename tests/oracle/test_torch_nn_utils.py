"""``torch.nn.utils`` (weight and spectral norm in both forms, their removers,
``parametrize``, ``parameters_to_vector``) and the functional convolutions and attention
behave as in PyTorch 2.13: the same ``print(model)``, parameters and buffers by name and
shape, torchinfo table, warnings and refusals."""

from __future__ import annotations

import warnings

import pytest

from convdims import torch as cd_torch
from convdims.standin import Unsupported

COLUMNS = ("output_size", "num_params", "params_percent", "kernel_size", "mult_adds")


def _model(torch):
    nn = torch.nn
    utils = nn.utils

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = utils.parametrizations.weight_norm(
                nn.Conv1d(4, 8, 3, padding=1), name="weight", dim=2
            )
            self.b = utils.weight_norm(nn.Conv1d(8, 8, 3, padding=1))
            self.c = utils.spectral_norm(nn.Linear(8, 6))
            self.d = utils.parametrizations.spectral_norm(nn.Linear(6, 5))
            self.e = utils.weight_norm(nn.Linear(5, 3), dim=None)
            self.f = utils.spectral_norm(nn.ConvTranspose1d(8, 4, 3))
            self.g = utils.parametrizations.weight_norm(nn.Linear(3, 2), dim=None)

        def forward(self, x):
            x = self.b(self.a(x))
            y = self.f(x)
            return self.g(self.e(self.d(self.c(x.mean(-1))))), y

    return Model()


def _state(model):
    return (
        repr(model),
        [(n, tuple(p.shape)) for n, p in model.named_parameters()],
        [(n, tuple(b.shape)) for n, b in model.named_buffers()],
    )


def _build(torch):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = _model(torch)
    return model, sorted({(w.category.__name__, str(w.message)) for w in caught})


def _table(summary, model, data):
    table = str(summary(model, input_data=[data], col_names=COLUMNS, depth=4, verbose=0))
    return table.replace("(Units.MEGABYTES)", "(M)").replace("(Units.KILOBYTES)", "(K)")


def test_norms_print_count_and_summarise_as_pytorch(torch, torchinfo) -> None:
    real, real_warnings = _build(torch)
    ours, our_warnings = _build(cd_torch)
    assert our_warnings == real_warnings
    assert _state(ours) == _state(real)
    assert _table(cd_torch.summary, ours, cd_torch.zeros(2, 4, 10)) == _table(
        torchinfo.summary, real, torch.zeros(2, 4, 10)
    )
    for module in (torch, cd_torch):
        model = real if module is torch else ours
        checks = (
            type(model.a).__name__,
            isinstance(model.a, module.nn.Conv1d),
            module.nn.utils.parametrize.is_parametrized(model.a, "weight"),
            module.nn.utils.parametrize.is_parametrized(model.b),
            module.nn.utils.parametrize.type_before_parametrizations(model.d).__name__,
            tuple(model.a.weight.shape),
            tuple(model.b.weight.shape),
            tuple(module.nn.utils.parameters_to_vector(model.parameters()).shape),
        )
        if module is torch:
            real_checks = checks
    assert checks == real_checks


def test_removing_the_norms_restores_the_layers_as_pytorch(torch, torchinfo) -> None:
    states = []
    for module in (torch, cd_torch):
        model, _ = _build(module)
        utils = module.nn.utils
        utils.parametrize.remove_parametrizations(model.a, "weight")
        utils.remove_weight_norm(model.b)
        utils.remove_spectral_norm(model.c)
        utils.parametrize.remove_parametrizations(model.g, "weight")
        summary = torchinfo.summary if module is torch else cd_torch.summary
        states.append(
            (
                *_state(model),
                type(model.a).__name__,
                _table(summary, model, module.zeros(2, 4, 10)),
            )
        )
    assert states[1] == states[0]


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.nn.utils.remove_weight_norm(m.nn.Linear(2, 2)),
        lambda m: m.nn.utils.remove_spectral_norm(m.nn.Linear(2, 2)),
        lambda m: m.nn.utils.parametrize.remove_parametrizations(
            m.nn.Linear(2, 2), "weight"
        ),
        lambda m: m.nn.utils.spectral_norm(m.nn.Linear(2, 2), n_power_iterations=0),
        lambda m: m.nn.utils.parametrizations.spectral_norm(m.nn.Linear(2, 2), dim=2),
        lambda m: m.nn.utils.spectral_norm(m.nn.utils.spectral_norm(m.nn.Linear(2, 2))),
        lambda m: m.nn.utils.parametrizations.weight_norm(m.nn.Linear(2, 2), name="w"),
        lambda m: m.nn.utils.vector_to_parameters([1.0], m.nn.Linear(2, 2).parameters()),
    ],
)
def test_refusals_are_pytorchs(torch, call) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(Exception) as real:  # noqa: PT011 - the class is compared
            call(torch)
        with pytest.raises(Exception) as ours:  # noqa: PT011 - the class is compared
            call(cd_torch)
    assert isinstance(ours.value, type(real.value)), (real.value, ours.value)
    assert isinstance(ours.value, (ValueError, TypeError))


def test_gradient_clipping_says_it_is_not_available() -> None:
    from convdims.torch import nn

    with pytest.raises(Unsupported, match="torch.nn.utils.clip_grad_norm_ is not"):
        nn.utils.clip_grad_norm_(nn.Linear(2, 2).parameters(), 1.0)


@pytest.mark.parametrize(
    ("op", "shapes", "kwargs"),
    [
        ("conv1d", [(1, 4, 9), (6, 4, 3)], {"stride": 2, "padding": 1}),
        ("conv2d", [(1, 4, 9, 9), (6, 2, 3, 3)], {"groups": 2, "stride": [2]}),
        ("conv2d", [(4, 9, 9), (6, 4, 3, 3)], {"padding": "same", "dilation": 2}),
        ("conv2d", [(1, 4, 9, 9), (6, 4, 3, 3)], {"padding": "valid"}),
        ("conv3d", [(1, 2, 5, 6, 7), (3, 2, 3, 3, 3)], {"stride": (1, 2, 3)}),
        ("conv_transpose1d", [(1, 4, 5), (4, 3, 3)], {"stride": 2}),
        (
            "conv_transpose2d",
            [(1, 4, 5, 5), (4, 3, 3, 3)],
            {"stride": 2, "output_padding": 1},
        ),
        ("conv_transpose3d", [(1, 4, 3, 3, 3), (4, 1, 2, 2, 2)], {"dilation": 2}),
        ("conv2d", [(1, 3, 9, 9), (6, 4, 3, 3)], {}),
        ("conv2d", [(1, 4, 2, 2), (6, 4, 3, 3)], {}),
        ("conv2d", [(1, 4, 9, 9), (6, 4, 3)], {}),
        ("scaled_dot_product_attention", [(2, 3, 5, 8), (2, 3, 7, 8), (2, 3, 7, 4)], {}),
        ("scaled_dot_product_attention", [(2, 3, 5, 8), (2, 1, 7, 8), (2, 1, 7, 4)], {}),
        ("scaled_dot_product_attention", [(5, 8), (7, 8), (7, 4)], {"is_causal": True}),
        ("scaled_dot_product_attention", [(2, 3, 5, 8), (2, 3, 7, 6), (2, 3, 7, 4)], {}),
        ("scaled_dot_product_attention", [(2, 3, 5, 8), (2, 3, 7, 8), (2, 3, 6, 4)], {}),
    ],
)
def test_functional_shapes_are_pytorchs(torch, op, shapes, kwargs) -> None:
    def outcome(module):
        tensors = [module.zeros(shape) for shape in shapes]
        try:
            return tuple(getattr(module.nn.functional, op)(*tensors, **kwargs).shape)
        except Exception as error:  # noqa: BLE001 - the class is compared
            return type(error)

    real, ours = outcome(torch), outcome(cd_torch)
    if isinstance(real, type):
        assert isinstance(ours, type) and issubclass(ours, real), (real, ours)
    else:
        assert ours == real
