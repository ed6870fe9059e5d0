"""The PyTorch layers and functions added for the real-world corpus (issue 13) against
real PyTorch 2.13: for each case, both build the module (or call the function) on the
same input shape, and give the same output shapes, the same parameters (names and
shapes), the same printed form, or both refuse.
"""

from __future__ import annotations

import pytest

from convdims import torch as cd

pytestmark = pytest.mark.oracle

#: (constructor, arguments, input shapes): each module of the lookalike and of PyTorch.
MODULES = [
    ("Upsample", {"scale_factor": 2}, [(1, 3, 7, 7)]),
    ("Upsample", {"scale_factor": 1.5, "mode": "bilinear"}, [(1, 3, 7, 9)]),
    (
        "Upsample",
        {"size": (3, 4, 5), "mode": "trilinear", "align_corners": True},
        [(2, 1, 6, 6, 6)],
    ),
    ("Upsample", {"scale_factor": 0.1}, [(1, 3, 7, 7)]),
    ("Upsample", {"scale_factor": 2, "mode": "linear"}, [(1, 3, 7, 7)]),
    ("UpsamplingNearest2d", {"scale_factor": 3}, [(1, 2, 4, 5)]),
    ("UpsamplingBilinear2d", {"size": 9}, [(1, 2, 4, 5)]),
    ("PixelShuffle", {"upscale_factor": 2}, [(1, 12, 5, 6)]),
    ("PixelShuffle", {"upscale_factor": 2}, [(1, 3, 5, 6)]),
    ("PixelUnshuffle", {"downscale_factor": 2}, [(1, 3, 4, 6)]),
    ("PixelUnshuffle", {"downscale_factor": 2}, [(1, 3, 5, 6)]),
    ("PReLU", {}, [(2, 5, 7)]),
    ("PReLU", {"num_parameters": 5}, [(2, 5, 7)]),
    ("PReLU", {"num_parameters": 4}, [(2, 5, 7)]),
    ("GLU", {"dim": 1}, [(2, 8, 3)]),
    ("GLU", {}, [(2, 8, 3)]),
    ("Hardtanh", {"min_val": -2.0, "max_val": 2.0}, [(2, 3)]),
    ("Softplus", {"beta": 2.0}, [(2, 3)]),
    ("CELU", {}, [(2, 3)]),
    ("SELU", {"inplace": True}, [(2, 3)]),
    ("Threshold", {"threshold": 0.1, "value": 20.0}, [(2, 3)]),
    ("InstanceNorm2d", {"num_features": 3}, [(2, 3, 4, 4)]),
    ("InstanceNorm2d", {"num_features": 3, "affine": True}, [(2, 5, 4, 4)]),
    ("InstanceNorm1d", {"num_features": 4, "track_running_stats": True}, [(2, 4, 9)]),
    ("InstanceNorm3d", {"num_features": 2, "affine": True}, [(2, 3, 3, 3)]),
    ("LocalResponseNorm", {"size": 5}, [(1, 8, 6, 6)]),
    ("Embedding", {"num_embeddings": 10, "embedding_dim": 3, "padding_idx": -1}, []),
    ("RNN", {"input_size": 10, "hidden_size": 20, "num_layers": 2}, [(7, 3, 10)]),
    (
        "RNN",
        {"input_size": 10, "hidden_size": 20, "nonlinearity": "relu", "bias": False},
        [(7, 10)],
    ),
    (
        "LSTM",
        {"input_size": 10, "hidden_size": 20, "proj_size": 5, "batch_first": True},
        [(3, 7, 10)],
    ),
    (
        "LSTM",
        {
            "input_size": 10,
            "hidden_size": 20,
            "bidirectional": True,
            "num_layers": 3,
            "dropout": 0.2,
        },
        [(7, 3, 10)],
    ),
    ("LSTM", {"input_size": 10, "hidden_size": 20}, [(7, 3, 11)]),
    ("GRU", {"input_size": 6, "hidden_size": 4, "bidirectional": True}, [(5, 2, 6)]),
    (
        "MultiheadAttention",
        {"embed_dim": 16, "num_heads": 4},
        [(5, 2, 16), (7, 2, 16), (7, 2, 16)],
    ),
    (
        "MultiheadAttention",
        {
            "embed_dim": 16,
            "num_heads": 2,
            "kdim": 8,
            "vdim": 6,
            "batch_first": True,
            "add_bias_kv": True,
        },
        [(2, 5, 16), (2, 7, 8), (2, 7, 6)],
    ),
    (
        "MultiheadAttention",
        {"embed_dim": 12, "num_heads": 3, "bias": False},
        [(5, 12), (6, 12), (6, 12)],
    ),
]


def _shapes(value):
    if hasattr(value, "shape"):
        return tuple(value.shape)
    if isinstance(value, (list, tuple)):
        return [_shapes(v) for v in value]
    return value


def _outcome(torch_module, name, kwargs, shapes):
    try:
        module = getattr(torch_module.nn, name)(**kwargs)
    except Exception as error:  # noqa: BLE001 - any refusal counts
        return ("init", type(error).__name__)
    parameters = [(n, tuple(p.shape)) for n, p in module.named_parameters()]
    buffers = [(n, tuple(b.shape)) for n, b in module.named_buffers()]
    if not shapes:
        return ("ok", repr(module), parameters, buffers, None)
    inputs = [torch_module.empty(*shape) for shape in shapes]
    try:
        output = module(*inputs)
    except Exception:  # noqa: BLE001
        return ("call", repr(module), parameters)
    return ("ok", repr(module), parameters, buffers, _shapes(output))


@pytest.mark.parametrize(("name", "kwargs", "shapes"), MODULES, ids=[m[0] for m in MODULES])
def test_module_matches_pytorch(torch, name, kwargs, shapes):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = _outcome(torch, name, kwargs, shapes)
        ours = _outcome(cd, name, kwargs, shapes)
    assert ours == theirs


def test_embedding_looks_up_integer_indices(torch):
    for module in (torch, cd):
        table = module.nn.Embedding(10, 3)
        assert tuple(table(module.zeros(2, 5, dtype=module.long)).shape) == (2, 5, 3)
        with pytest.raises(RuntimeError, match="Expected tensor for argument #1 'indices'"):
            table(module.zeros(2, 5))


#: (function, input shape, arguments) of torch.nn.functional.
FUNCTIONS = [
    ("interpolate", (1, 3, 7, 7), {"scale_factor": 1.5}),
    ("interpolate", (1, 3, 7, 7), {"size": 5}),
    ("interpolate", (1, 3, 7, 7), {"scale_factor": (2, 3)}),
    ("interpolate", (1, 3, 7), {"scale_factor": 2.5, "mode": "linear"}),
    ("interpolate", (1, 3, 7, 7), {}),
    ("interpolate", (1, 3, 7, 7), {"size": 3, "scale_factor": 2}),
    ("interpolate", (1, 3, 7, 7), {"size": (3, 3, 3)}),
    ("interpolate", (1, 3, 7, 7), {"scale_factor": 2, "mode": "linear"}),
    ("interpolate", (1, 3, 7, 7), {"scale_factor": 2, "align_corners": True}),
    ("interpolate", (1, 3, 7, 7), {"scale_factor": 0.1}),
    ("interpolate", (1, 3), {"scale_factor": 2}),
    ("pad", (1, 3, 4, 5), {"pad": (1, 2)}),
    ("pad", (1, 3, 4, 5), {"pad": (1,)}),
    ("pad", (1, 3, 4, 5), {"pad": (1, 1) * 5}),
    ("pad", (1, 3, 4, 5), {"pad": (1, 1, 2, 2), "mode": "reflect"}),
    ("pad", (1, 3, 4, 5), {"pad": (4, 4), "mode": "reflect"}),
    ("pad", (1, 3, 4, 5), {"pad": (-1, -2, 3, 0)}),
    ("pad", (1, 3, 4, 5), {"pad": (1, 1, 1, 1, 1, 1), "mode": "replicate"}),
    ("pixel_shuffle", (2, 8, 3, 3), {"upscale_factor": 2}),
    ("glu", (2, 8, 3), {"dim": 1}),
    ("glu", (2, 7, 3), {"dim": 1}),
    ("layer_norm", (2, 5, 8), {"normalized_shape": (8,)}),
    ("layer_norm", (2, 5, 8), {"normalized_shape": (5,)}),
    ("normalize", (2, 5, 8), {"dim": -1}),
]


@pytest.mark.parametrize(
    ("name", "shape", "kwargs"), FUNCTIONS, ids=[f[0] for f in FUNCTIONS]
)
def test_functional_matches_pytorch(torch, name, shape, kwargs):
    outcomes = []
    for module in (torch, cd):
        function = getattr(module.nn.functional, name)
        try:
            outcomes.append(tuple(function(module.empty(*shape), **kwargs).shape))
        except (RuntimeError, ValueError, NotImplementedError, TypeError) as error:
            outcomes.append(type(error).__name__)
    theirs, ours = outcomes
    if isinstance(theirs, tuple):
        assert ours == theirs
    else:
        assert not isinstance(ours, tuple), (
            f"PyTorch refuses ({theirs}); convdims gives {ours}"
        )


#: Tensor code that model files run between layers (issue 13): the same results.
TENSOR_CODE = [
    "torch.empty(2, 3, 4)[:, 0].shape",
    "torch.empty(2, 3, 4)[..., 1:3].shape",
    "torch.empty(2, 3, 4)[None, :, -1, ::2].shape",
    "[t.shape for t in torch.empty(10, 3).chunk(4)]",
    "[t.shape for t in torch.empty(2, 7).split(3, 1)]",
    "[t.shape for t in torch.empty(2, 7).split([2, 5], 1)]",
    "[t.shape for t in torch.empty(2, 7).tensor_split(3, 1)]",
    "[t.shape for t in torch.empty(2, 3, 4).unbind(1)]",
    "torch.empty(2, 3, 4).max(1).values.shape",
    "torch.empty(2, 3).repeat(2, 1, 3).shape",
    "torch.einsum('bhqd,bhkd->bhqk', torch.empty(1, 2, 3, 4),"
    " torch.empty(1, 2, 5, 4)).shape",
    "torch.meshgrid(torch.arange(3), torch.arange(4), indexing='ij')[0].shape",
    "torch.transpose(torch.empty(2, 3, 4), 0, 2).shape",
    "torch.diff(torch.tensor([1, 4, 9, 16])).tolist()",
    "((torch.tensor([1, 64, 10, 20, 30])[2:]"
    " - torch.tensor([1, 64, 6, 14, 12])[2:]) / 2).int().tolist()",
    "(-torch.stack((torch.tensor([2, 3]), torch.tensor([2, 3]))).t().flatten()).tolist()",
    "(torch.round(torch.log((torch.arange(6) * 36.44 + 24) / 24) / 0.9) ).tolist()",
    "int(torch.max(torch.tensor([100, 7])).item())",
    "torch.arange(1, 2, 0.25).shape",
    "torch.tensor([[1.0, 2.0], [3.0, 4.0]]).dtype",
    "torch.tensor([1, 2]).dtype",
    "(torch.tensor([1, 2]) / 2).dtype",
]


@pytest.mark.parametrize("code", TENSOR_CODE)
def test_tensor_code_gives_what_pytorch_gives(torch, code):
    import re

    theirs = eval(code, {"torch": torch})  # noqa: S307 - our own test expressions
    ours = eval(code, {"torch": cd})  # noqa: S307
    assert re.sub(r"torch\.", "", repr(ours)) == re.sub(r"torch\.", "", repr(theirs))
