"""convdims.torch's padding layers against PyTorch: output shapes, reprs and refusals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from convdims.torch import empty
from convdims.torch import nn as cnn

KINDS = {
    "ZeroPad1d": 1,
    "ZeroPad2d": 2,
    "ZeroPad3d": 3,
    "ConstantPad1d": 1,
    "ConstantPad2d": 2,
    "ConstantPad3d": 3,
    "ReflectionPad1d": 1,
    "ReflectionPad2d": 2,
    "ReplicationPad1d": 1,
    "ReplicationPad2d": 2,
}


@st.composite
def cases(draw):
    kind = draw(st.sampled_from(sorted(KINDS)))
    dims = KINDS[kind]
    low = -3 if kind.startswith(("Zero", "Constant")) else 0
    padding = draw(st.integers(0, 3) | st.tuples(*[st.integers(low, 4)] * (2 * dims)))
    shape = (1, 2, *draw(st.lists(st.integers(1, 6), min_size=dims, max_size=dims)))
    args = (padding, 0.5) if kind.startswith("Constant") else (padding,)
    return kind, args, shape


def outcome(make, tensor):
    """(shape, repr) or None when refused; an empty result counts as refused."""
    try:
        layer = make()
        shape = tuple(layer(tensor).shape)
    except Exception:  # noqa: BLE001 - any refusal by either library
        return None
    return None if 0 in shape else (shape, repr(layer))


@settings(max_examples=400, deadline=None)
@given(cases())
def test_padding_layers_match_pytorch(torch, case):
    kind, args, shape = case
    theirs = outcome(lambda: getattr(torch.nn, kind)(*args), torch.zeros(*shape))
    ours = outcome(lambda: getattr(cnn, kind)(*args), empty(*shape))
    assert ours == theirs
