"""``nn.Transformer`` and its parts print, count and summarise as in PyTorch 2.13 with
torchinfo: the same ``print(model)``, the same parameters by name and shape, the same
torchinfo table (rows in call order, shapes, counts), for the layouts models use
(sequence first or batch first, norm first or last, an activation module or a string,
stacks with a final norm, custom encoders)."""

from __future__ import annotations

import warnings

import pytest

from convdims import torch as cd_torch
from convdims.torch import nn as cd_nn
from convdims.torch import summary as cd_summary

COLUMNS = ("input_size", "output_size", "num_params", "trainable")


def _encoder_layer(nn):
    return nn.TransformerEncoderLayer(16, 4, 32, dropout=0.0, batch_first=True)


def _encoder_norm_first(nn):
    return nn.TransformerEncoderLayer(
        16, 2, 24, activation=nn.GELU(), norm_first=True, bias=False
    )


def _encoder_stack(nn):
    layer = nn.TransformerEncoderLayer(16, 4, 32, activation="gelu", batch_first=True)
    return nn.TransformerEncoder(layer, 3, norm=nn.LayerNorm(16))


def _decoder_layer(nn):
    return nn.TransformerDecoderLayer(16, 4, 32, norm_first=True)


def _decoder_stack(nn):
    return nn.TransformerDecoder(nn.TransformerDecoderLayer(16, 4, 32), 2)


def _transformer(nn):
    return nn.Transformer(16, 4, 2, 1, 32)


def _transformer_batch_first(nn):
    return nn.Transformer(8, 2, 1, 2, 16, batch_first=True, layer_norm_eps=1e-6)


class Squim(object):  # noqa: UP004 - a plain class, as model files write them
    """torchaudio's SQUIM pattern: a stack inside a user's module, batch first."""

    @staticmethod
    def build(nn):
        class Branch(nn.Module):
            def __init__(self):
                super().__init__()
                layer = nn.TransformerEncoderLayer(16, 4, 64, dropout=0.0, batch_first=True)
                self.encoder = nn.TransformerEncoder(layer, 2)
                self.head = nn.Linear(16, 1)

            def forward(self, x):
                return self.head(self.encoder(x).mean(dim=1))

        return Branch()


BUILDS = {
    "encoder layer": (_encoder_layer, [(2, 5, 16)]),
    "encoder layer, norm first, GELU module, no bias": (_encoder_norm_first, [(5, 2, 16)]),
    "encoder stack": (_encoder_stack, [(2, 5, 16)]),
    "decoder layer": (_decoder_layer, [(5, 2, 16), (7, 2, 16)]),
    "decoder stack": (_decoder_stack, [(5, 2, 16), (7, 2, 16)]),
    "transformer": (_transformer, [(5, 2, 16), (7, 2, 16)]),
    "transformer, batch first": (_transformer_batch_first, [(2, 5, 8), (2, 3, 8)]),
    "squim branch": (Squim.build, [(2, 5, 16)]),
}


def _quiet(build, nn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = build(nn)
    return model, [str(w.message) for w in caught]


@pytest.mark.parametrize("name", list(BUILDS))
def test_print_parameters_and_torchinfo_are_pytorchs(torch, torchinfo, name) -> None:
    build, shapes = BUILDS[name]
    real, real_warnings = _quiet(build, torch.nn)
    ours, our_warnings = _quiet(build, cd_nn)
    assert our_warnings == real_warnings
    assert repr(ours) == repr(real)
    assert [(n, tuple(p.shape)) for n, p in ours.named_parameters()] == [
        (n, tuple(p.shape)) for n, p in real.named_parameters()
    ]
    real_table = str(
        torchinfo.summary(
            real,
            input_data=[torch.zeros(shape) for shape in shapes],
            col_names=COLUMNS,
            depth=5,
            verbose=0,
        )
    )
    our_table = str(
        cd_summary(
            ours,
            input_data=[cd_torch.zeros(shape) for shape in shapes],
            col_names=COLUMNS,
            depth=5,
            verbose=0,
        )
    )
    assert our_table == real_table.replace("(Units.MEGABYTES)", "(M)").replace(
        "(Units.KILOBYTES)", "(K)"
    )


def test_a_wrong_activation_word_is_refused_as_pytorch_refuses_it(torch) -> None:
    with pytest.raises(RuntimeError) as real:
        torch.nn.TransformerEncoderLayer(16, 4, activation="tanh")
    with pytest.raises(RuntimeError) as ours:
        cd_nn.TransformerEncoderLayer(16, 4, activation="tanh")
    assert str(ours.value) == str(real.value)
    assert isinstance(ours.value, ValueError) and ours.value.argument == "activation"


def test_mismatched_batches_are_refused_as_pytorch_refuses_them(torch) -> None:
    with pytest.raises(RuntimeError) as real:
        _quiet(_transformer, torch.nn)[0](torch.zeros(5, 2, 16), torch.zeros(7, 3, 16))
    with pytest.raises(RuntimeError) as ours:
        _quiet(_transformer, cd_nn)[0](cd_torch.zeros(5, 2, 16), cd_torch.zeros(7, 3, 16))
    assert str(ours.value) == str(real.value)


def test_the_subsequent_mask_has_pytorchs_shape(torch) -> None:
    real = torch.nn.Transformer.generate_square_subsequent_mask(6)
    ours = cd_nn.Transformer.generate_square_subsequent_mask(6)
    assert tuple(ours.shape) == tuple(real.shape)
    assert str(ours.dtype) == str(real.dtype)
