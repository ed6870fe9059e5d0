"""Loss modules and functions (torch/nn/loss.py) against real PyTorch: the loss's shape
for random input and target shapes, each reduction, and the same refusals and
warnings."""

from __future__ import annotations

import random
import warnings

import pytest

from convdims import torch as ctorch

SEED = 20261201

ELEMENTWISE = [
    "L1Loss",
    "MSELoss",
    "SmoothL1Loss",
    "HuberLoss",
    "SoftMarginLoss",
    "KLDivLoss",
]
SAME_SHAPE = ["BCELoss", "BCEWithLogitsLoss"]
PER_CLASS = ["CrossEntropyLoss", "NLLLoss"]


def _outcome(module, name, reduction, input_shape, target_shape, long_target):
    nn = module.nn
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loss = getattr(nn, name)(reduction=reduction)
            x = module.zeros(*input_shape) if input_shape else module.zeros(())
            if name == "BCELoss":
                x = x + 0.5 if module is not ctorch else x
            dtype = module.long if long_target else module.float32
            t = (
                module.zeros(*target_shape, dtype=dtype)
                if target_shape
                else module.zeros((), dtype=dtype)
            )
            out = loss(x, t)
        messages = sorted(str(w.message) for w in caught)
        return ("ok", tuple(out.shape), messages)
    except (ValueError, RuntimeError) as error:
        return ("refused", type(error).__name__)


def _shapes(rng, name):
    ndim = rng.randint(1, 4)
    shape = tuple(rng.randint(1, 4) for _ in range(ndim))
    if name in PER_CLASS:
        if rng.random() < 0.2:  # probabilities, as the input
            return shape, shape, False
        rest = shape[1:] if ndim == 1 else (shape[0], *shape[2:])
        if ndim == 1:
            rest = ()
        if rng.random() < 0.15:  # a wrong target
            rest = tuple(s + 1 for s in rest) or (2,)
        return shape, rest, True
    if rng.random() < 0.3:  # a broadcastable or wrong target
        other = tuple(rng.choice([1, s, s + 1]) for s in shape[rng.randint(0, ndim - 1) :])
        return shape, other, False
    return shape, shape, False


@pytest.mark.parametrize("name", ELEMENTWISE + SAME_SHAPE + PER_CLASS)
def test_loss_shapes_and_refusals_are_pytorchs(torch, name):
    rng = random.Random(f"{SEED}-{name}")
    for _ in range(60):
        reduction = rng.choice(["mean", "sum", "none"])
        input_shape, target_shape, long_target = _shapes(rng, name)
        case = (reduction, input_shape, target_shape, long_target)
        expected = _outcome(torch, name, *case)
        actual = _outcome(ctorch, name, *case)
        if expected[0] == "refused":
            assert actual[0] == "refused", (name, case, expected, actual)
        else:
            assert actual == expected, (name, case)


def test_a_bad_reduction_and_the_legacy_arguments_are_pytorchs(torch):
    def outcome(module, make):
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                out = make(module)(module.zeros(2, 3), module.zeros(2, 3))
            return ("ok", tuple(out.shape), sorted(str(w.message) for w in caught))
        except ValueError as error:
            return ("refused", str(error))

    makers = [
        lambda m: m.nn.MSELoss(reduction="average"),
        lambda m: m.nn.MSELoss(size_average=False),
        lambda m: m.nn.L1Loss(reduce=False),
        lambda m: m.nn.KLDivLoss(reduction="batchmean"),
    ]
    for make in makers:
        assert outcome(ctorch, make) == outcome(torch, make)


def test_functional_forms_are_pytorchs(torch):
    import torch.nn.functional as F  # noqa: N812

    from convdims.torch.nn import functional as CF

    for name in ("mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss"):
        for reduction in ("mean", "none"):
            a = getattr(F, name)(torch.zeros(4, 3), torch.zeros(4, 3), reduction=reduction)
            b = getattr(CF, name)(
                ctorch.zeros(4, 3), ctorch.zeros(4, 3), reduction=reduction
            )
            assert tuple(a.shape) == tuple(b.shape), name
    target = torch.zeros(4, 5, dtype=torch.long)
    a = F.cross_entropy(torch.zeros(4, 7, 5), target, reduction="none")
    b = CF.cross_entropy(
        ctorch.zeros(4, 7, 5), ctorch.zeros(4, 5, dtype=ctorch.long), reduction="none"
    )
    assert tuple(a.shape) == tuple(b.shape)
