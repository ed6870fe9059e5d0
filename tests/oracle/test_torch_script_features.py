"""What the models of training scripts (pytorch/examples' kinds: a word language model,
a translator, a sine-wave LSTM cell predictor, forward-forward layers) need, checked
against PyTorch 2.13 and torchinfo: an RNN's ``(h, c)`` state in ``input_data``,
Embedding's float output, causal masks from ``torch.tril``, boolean padding masks,
``nn.LSTMCell`` steps and ``Module.double()``. (``torch.optim`` is tested in
tests/oracle/test_torch_optim.py.)"""

from __future__ import annotations

import math

import pytest

from convdims import torch as cd_torch


def _language_model(torch):
    nn = torch.nn

    class Model(nn.Module):
        def __init__(self, tokens=50, width=16, hidden=24):
            super().__init__()
            self.embed = nn.Embedding(tokens, width)
            self.rnn = nn.LSTM(width, hidden, 2, dropout=0.2)
            self.head = nn.Linear(hidden, tokens)

        def forward(self, x, state):
            out, state = self.rnn(self.embed(x), state)
            return self.head(out).view(-1, self.head.out_features), state

    return Model(), lambda: [
        torch.zeros(7, 3, dtype=torch.long),
        (torch.zeros(2, 3, 24), torch.zeros(2, 3, 24)),
    ]


def _masked_transformer(torch):
    nn = torch.nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(40, 16)
            self.core = nn.Transformer(16, 2, 1, 1, 32, dropout=0.0)
            self.out = nn.Linear(16, 40)

        def forward(self, src, tgt, pad):
            mask = torch.log(torch.tril(torch.ones(tgt.size(0), tgt.size(0))))
            scale = math.sqrt(16)
            y = self.core(
                self.embed(src) * scale,
                self.embed(tgt) * scale,
                tgt_mask=mask,
                src_key_padding_mask=pad,
            )
            return self.out(y)

    return Model(), lambda: [
        torch.zeros(6, 2, dtype=torch.long),
        torch.zeros(5, 2, dtype=torch.long),
        torch.zeros(2, 6, dtype=torch.bool),
    ]


def _cell_predictor(torch):
    nn = torch.nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell1 = nn.LSTMCell(1, 12)
            self.cell2 = nn.GRUCell(12, 12)
            self.cell3 = nn.RNNCell(12, 8, nonlinearity="relu", bias=False)
            self.out = nn.Linear(8, 1)

        def forward(self, x):
            h = c = torch.zeros(x.size(0), 12, dtype=torch.double)
            h2 = torch.zeros(x.size(0), 12, dtype=torch.double)
            outputs = []
            for step in x.chunk(x.size(1), dim=1):
                h, c = self.cell1(step, (h, c))
                h2 = self.cell2(h, h2)
                outputs.append(self.out(self.cell3(h2)))
            return torch.cat(outputs, dim=1)

    model = Model()
    model.double()
    return model, lambda: [torch.zeros(3, 4, dtype=torch.double)]


BUILDS = {
    "language model with (h, c) state": _language_model,
    "transformer with tril mask and bool padding": _masked_transformer,
    "LSTMCell/GRUCell/RNNCell predictor in double": _cell_predictor,
}


@pytest.mark.filterwarnings("ignore:enable_nested_tensor is True")
@pytest.mark.parametrize("name", list(BUILDS))
def test_summaries_are_torchinfos(torch, torchinfo, name) -> None:
    columns = ("input_size", "output_size", "num_params", "mult_adds", "trainable")
    real, real_data = BUILDS[name](torch)
    ours, our_data = BUILDS[name](cd_torch)
    assert repr(ours) == repr(real)
    real_table = str(
        torchinfo.summary(real, input_data=real_data(), col_names=columns, verbose=0)
    )
    our_table = str(
        cd_torch.summary(ours, input_data=our_data(), col_names=columns, verbose=0)
    )
    assert our_table == real_table.replace("(Units.MEGABYTES)", "(M)").replace(
        "(Units.KILOBYTES)", "(K)"
    )


def test_module_to_an_integer_dtype_is_refused_as_pytorch(torch) -> None:
    with pytest.raises(TypeError) as real:
        torch.nn.Linear(2, 2).to(torch.long)
    with pytest.raises(TypeError) as ours:
        cd_torch.nn.Linear(2, 2).to(cd_torch.long)
    assert str(ours.value) == str(real.value)


def _unet_up(torch):
    nn, F = torch.nn, torch.nn.functional

    class Up(nn.Module):
        """Pads the upsampled map to its skip connection by one-value tensors."""

        def __init__(self):
            super().__init__()
            self.up = nn.ConvTranspose2d(8, 4, 2, stride=2)
            self.conv = nn.Conv2d(8, 4, 3, padding=1)

        def forward(self, x1, x2):
            x1 = self.up(x1)
            dy = torch.tensor([x2.size()[2] - x1.size()[2]])
            dx = torch.tensor([x2.size()[3] - x1.size()[3]])
            x1 = F.pad(x1, [dx // 2, dx - dx // 2, dy // 2, dy - dy // 2])
            return self.conv(torch.cat([x2, x1], dim=1))

    return Up()


def test_padding_by_one_value_tensors_is_pytorchs(torch) -> None:
    def run(module):
        model = _unet_up(module)
        return tuple(model(module.zeros(1, 8, 9, 11), module.zeros(1, 4, 19, 23)).shape)

    assert run(cd_torch) == run(torch)


def test_no_tensor_is_a_cuda_tensor_without_a_gpu(torch) -> None:
    for module in (torch, cd_torch):
        x = module.zeros(2, 3)
        assert not isinstance(x.data, module.cuda.FloatTensor)
        assert not isinstance(x, module.cuda.LongTensor)
