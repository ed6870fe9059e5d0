"""The ``torch.nn`` modules and ``torch.nn.functional`` forms of the lookalike's reach
against real PyTorch: construction (repr, parameters, buffers), calls (shapes and
dtypes) and refusals (PyTorch's type and message, at the same moment), expression by
expression; then torchinfo's summary of models built from them, byte for byte."""

from __future__ import annotations

import pytest

from reach_helpers import check, refused_for_values

LI = "torch.zeros(1, 3, 4, 4, dtype=torch.long)"

CASES = [
    # Containers of parameters
    "nn.ParameterList([nn.Parameter(T(3, 4)), T(5)])",
    "nn.ParameterList([T(2), 3])",
    "nn.ParameterList([T(2)])",
    "nn.ParameterList()",
    "nn.ParameterList([T(2), T(3)])[1]",
    "nn.ParameterList([T(2), T(3)])[-1]",
    "nn.ParameterList([T(2), T(3)])[2]",
    "nn.ParameterList([T(2), T(3), T(4)])[1:]",
    "len(nn.ParameterList([T(2), T(3)]))",
    "list(nn.ParameterList([T(2), T(3)]))",
    "nn.ParameterList(T(3))",
    "nn.ParameterList([T(2)])(T(2))",
    "nn.ParameterDict({'b': T(2), 'a': T(3, 4)})",
    "nn.ParameterDict({'a': T(2)})",
    "nn.ParameterDict([('b', T(2)), ('a', T(3))])",
    "nn.ParameterDict({'a': T(2), 'n': 3})",
    "list(nn.ParameterDict({'b': T(2), 'a': T(3)}).keys())",
    "nn.ParameterDict({'a': T(2)})['a']",
    "nn.ParameterDict({'a': T(2)})['b']",
    "nn.ParameterDict({'a': T(2)})[1]",
    "nn.ParameterDict([('a', T(2), 1)])",
    "nn.ParameterDict({'a': T(2)}) | nn.ParameterDict({'b': T(3)})",
    # Distances
    "nn.CosineSimilarity()",
    "nn.CosineSimilarity(dim=0, eps=1e-6)",
    "nn.CosineSimilarity()(T(8, 128), T(8, 128))",
    "nn.CosineSimilarity(dim=2)(T(2, 3), T(2, 3))",
    "nn.PairwiseDistance()",
    "nn.PairwiseDistance(p=1.0, keepdim=True)(T(8, 3), T(3))",
    "nn.PairwiseDistance()(T(2, 3), T(2, 4))",
    "F.cosine_similarity(T(2, 3, 4), T(3, 1), dim=0)",
    "F.cosine_similarity(T(2, 3), T(4, 3))",
    "F.cosine_similarity(T(3), T(3), dim=0)",
    "F.pairwise_distance(T(2, 3, 4), T(2, 3, 4))",
    "F.pairwise_distance(T(3), T(3))",
    "F.pdist(T(5, 3))",
    "F.pdist(T(1, 3))",
    "F.pdist(T(5, 3, 2))",
    "F.pdist(T(5, 3), p=-1)",
    # Activations
    "nn.Softmin(dim=1)",
    "nn.Softmin(dim=1)(T(2, 3))",
    "nn.Softmin(dim=3)(T(2, 3))",
    "nn.Softmax2d()",
    "nn.Softmax2d()(T(2, 3, 4))",
    "nn.Softmax2d()(T(2, 3))",
    "nn.LogSigmoid()(T(2, 3))",
    "nn.Hardshrink()",
    "nn.Hardshrink(0.3)(T(4))",
    "nn.Softshrink(0.25)",
    "nn.Softshrink(-1)",
    "nn.Softshrink(-1)(T(2))",
    "nn.Softshrink(-0.5)(T(2).double())",
    "nn.RReLU()",
    "nn.RReLU(0.1, 0.3, True)",
    "nn.RReLU(0.5, 0.1)",
    "nn.RReLU(0.5, 0.1)(T(2))",
    "nn.RReLU(0.5, 0.1).eval()(T(2))",
    "F.softplus(T(2, 3), beta=2)",
    "F.softsign(T(2))",
    "F.softmin(T(2, 3), dim=1)",
    "F.selu(T(2))",
    "F.celu(T(2), 0.5)",
    "F.logsigmoid(T(2, 3))",
    "F.threshold(T(2), 0.1, 0.0)",
    "F.prelu(T(2, 3, 4), T(3))",
    "F.prelu(T(2, 3, 4), T(4))",
    "F.prelu(T(2, 3, 4), T(1))",
    "F.rrelu(T(2, 3), training=True)",
    "F.hardshrink(T(2))",
    "F.softshrink(T(2), -1)",
    "F.tanhshrink(T(2))",
    "F.gumbel_softmax(T(2, 5), tau=0.5, hard=True)",
    "F.elu_(T(2))",
    "F.leaky_relu_(T(2), 0.2)",
    "F.hardtanh_(T(2))",
    "F.selu_(T(2))",
    "F.celu_(T(2))",
    "F.threshold_(T(2), 0.1, 0.0)",
    # One-hot, embedding, bilinear, shuffle, sampling
    "F.one_hot(L(3), 5)",
    "F.one_hot(L(2, 3), 4)",
    "F.one_hot(T(3), 5)",
    "F.one_hot(L(3), 0)",
    "F.one_hot(L(0), -1)",
    "F.one_hot(torch.tensor([0, 2, 1]))",
    "F.one_hot(torch.tensor([[0, 4], [1, 1]]), -1)",
    "F.embedding(L(2, 3), T(10, 4))",
    "F.embedding(T(2, 3), T(10, 4))",
    "F.embedding(L(2, 3), T(10))",
    "F.bilinear(T(5, 3), T(5, 4), T(6, 3, 4))",
    "F.bilinear(T(5, 3), T(5, 4), T(6, 3, 4), T(6))",
    "F.bilinear(T(2, 5, 3), T(2, 5, 4), T(6, 3, 4))",
    "F.bilinear(T(5, 3), T(5, 5), T(6, 3, 4))",
    "F.bilinear(T(5, 3), T(4, 4), T(6, 3, 4))",
    "F.channel_shuffle(T(2, 6, 4, 4), 3)",
    "F.channel_shuffle(T(2, 5, 4, 4), 3)",
    "F.channel_shuffle(T(2, 6), 3)",
    "F.channel_shuffle(T(2, 6, 3), 0)",
    "F.native_channel_shuffle(T(2, 6, 4, 4), 2)",
    "nn.ChannelShuffle(2)",
    "nn.ChannelShuffle(3)(T(1, 6, 2, 2))",
    "nn.ChannelShuffle(4)(T(1, 6, 2, 2))",
    "F.grid_sample(T(1, 3, 8, 8), T(1, 5, 6, 2), align_corners=False)",
    "F.grid_sample(T(1, 3, 4, 8, 8), T(1, 2, 5, 6, 3), align_corners=True)",
    "F.grid_sample(T(1, 3, 8, 8), T(1, 5, 6, 3), align_corners=False)",
    "F.grid_sample(T(2, 3, 8, 8), T(1, 5, 6, 2), align_corners=False)",
    "F.grid_sample(T(1, 3, 8, 8), T(1, 5, 6, 2), mode='area', align_corners=False)",
    "F.affine_grid(T(2, 2, 3), [2, 3, 8, 8], align_corners=False)",
    "F.affine_grid(T(2, 3, 4), [2, 3, 4, 8, 8], align_corners=False)",
    "F.affine_grid(T(2, 2, 3), [2, 3, 4, 8, 8], align_corners=False)",
    "F.affine_grid(L(2, 2, 3), [2, 3, 8, 8], align_corners=False)",
    # Normalizations with their statistics as arguments
    "F.batch_norm(T(2, 3, 4), T(3), T(3))",
    "F.batch_norm(T(2, 3, 4), T(4), T(4))",
    "F.batch_norm(T(1, 3), T(3), T(3), training=True)",
    "F.batch_norm(T(2, 3), None, None, training=True)",
    "F.batch_norm(T(2, 3), None, None)",
    "F.batch_norm(T(2, 3, 4), T(3), T(3), T(3), T(3))",
    "F.instance_norm(T(2, 3, 4))",
    "F.instance_norm(T(2, 3))",
    "F.instance_norm(T(2, 3, 4), T(4), T(4))",
    "F.instance_norm(T(2, 3, 4), T(3), T(3))",
    "F.local_response_norm(T(2, 3, 4), 2)",
    "F.local_response_norm(T(2, 3), 2)",
    "F.rms_norm(T(2, 3, 4), [4])",
    "F.rms_norm(T(2, 3, 4), [3, 4], T(3, 4))",
    "F.rms_norm(T(2, 3, 4), [3])",
    "F.rms_norm(T(2, 3, 4), (4,), T(3))",
    # Fold and unfold
    "nn.Unfold(3)",
    "nn.Unfold((2, 3), stride=2)",
    "nn.Fold((4, 5), 2)",
    "nn.Unfold(kernel_size=3, padding=1)(T(2, 3, 8, 8))",
    "nn.Unfold(3)(T(3, 8, 8))",
    "nn.Unfold((2, 3), dilation=2, stride=(1, 2))(T(1, 2, 9, 11))",
    "nn.Unfold(9)(T(2, 3, 8, 8))",
    "F.unfold(T(2, 3, 8, 8), 3, stride=0)",
    "F.unfold(T(2, 3, 8, 8), (3, 3, 3))",
    "F.unfold(T(2, 3, 8, 8), 3, padding=-1)",
    "F.unfold(T(2, 3, 8, 8), 3, dilation=0)",
    "F.unfold(T(2, 3, 8, 8, 2), 3)",
    "nn.Fold((4, 5), 2)(T(2, 12, 12))",
    "nn.Fold((4, 5), 2)(T(12, 12))",
    "nn.Fold((9, 9), 3, padding=1, stride=2)(T(1, 18, 25))",
    "F.fold(T(2, 13, 12), (4, 5), 2)",
    "F.fold(T(2, 12, 11), (4, 5), 2)",
    "F.fold(T(2, 12, 12, 1), (4, 5), 2)",
    "F.fold(T(2, 12, 1), (1, 1), 2)",
    # Unpooling
    "nn.MaxUnpool2d(2)",
    "nn.MaxUnpool2d(2, stride=1, padding=1)",
    "nn.MaxUnpool1d(3)",
    "nn.MaxUnpool3d((1, 2, 2))",
    f"nn.MaxUnpool2d(2)(T(1, 3, 4, 4), {LI})",
    f"nn.MaxUnpool2d(2)(T(1, 3, 4, 4), {LI}, output_size=(9, 9))",
    f"nn.MaxUnpool2d(2)(T(1, 3, 4, 4), {LI}, output_size=(10, 9))",
    f"nn.MaxUnpool2d(2)(T(1, 3, 4, 4), {LI}, output_size=(1, 3, 8, 8))",
    f"nn.MaxUnpool2d(2)(T(1, 3, 4, 4), {LI}, output_size=(3, 8, 8))",
    "nn.MaxUnpool2d(2)(T(1, 3, 4, 4), T(1, 3, 4, 4))",
    "nn.MaxUnpool2d(2)(T(1, 3, 4, 4), L(1, 3, 4, 3))",
    "nn.MaxUnpool2d(2)(T(3, 4, 4), L(3, 4, 4))",
    "nn.MaxUnpool2d(2)(T(4, 4), L(4, 4))",
    "nn.MaxUnpool1d(2)(T(1, 3, 4), L(1, 3, 4))",
    "nn.MaxUnpool1d(2, stride=3, padding=1)(T(3, 4), L(3, 4))",
    "nn.MaxUnpool3d(2)(T(1, 3, 2, 4, 4), L(1, 3, 2, 4, 4))",
    "F.max_unpool2d(*F.max_pool2d(T(1, 3, 9, 9), 2, return_indices=True), 2)",
    "F.max_pool2d_with_indices(T(1, 3, 9, 9), 2)",
    "F.max_pool1d_with_indices(T(1, 3, 9), 3, 2)",
    "F.adaptive_max_pool2d_with_indices(T(1, 3, 9, 9), 4)",
    "F.max_pool2d(T(1, 3, 8, 8), 2, return_indices=True)",
    "F.adaptive_max_pool1d(T(1, 3, 8), 2, return_indices=True)",
    # Fractional max pooling
    "nn.FractionalMaxPool2d(3, output_size=5)",
    "nn.FractionalMaxPool2d(3)",
    "nn.FractionalMaxPool2d(3, 5, 0.5)",
    "nn.FractionalMaxPool2d(3, output_ratio=1.5)",
    "nn.FractionalMaxPool2d(3, output_size=5)(T(1, 3, 10, 10))",
    "nn.FractionalMaxPool2d(3, output_ratio=(0.5, 0.7))(T(1, 3, 10, 11))",
    "nn.FractionalMaxPool2d(3, output_size=9)(T(1, 3, 10, 10))",
    "nn.FractionalMaxPool2d((3, 2), output_size=(5, 10))(T(1, 3, 10, 10))",
    "nn.FractionalMaxPool2d(3, output_size=5, return_indices=True)(T(3, 10, 10))",
    "nn.FractionalMaxPool2d(3, output_size=5)(T(10, 10))",
    "nn.FractionalMaxPool3d(2, output_size=3)(T(1, 2, 8, 8, 8))",
    "nn.FractionalMaxPool3d(2, output_ratio=0.5)(T(2, 8, 8, 8))",
    "nn.FractionalMaxPool3d(2, output_size=8)(T(2, 8, 8, 8))",
    "F.fractional_max_pool2d(T(1, 3, 10, 10), 3, output_size=5)",
    "F.fractional_max_pool2d(T(1, 3, 10, 10), 3, output_ratio=(0.5, 0.5))",
    "F.fractional_max_pool2d(T(1, 3, 10, 10), 3)",
    "F.fractional_max_pool2d_with_indices(T(1, 3, 10, 10), 2, output_size=(4, 6))",
    "F.fractional_max_pool3d(T(1, 2, 8, 8, 8), 2, output_ratio=(0.5, 0.5, 0.5))",
    # LP pooling
    "nn.LPPool2d(2, 3)",
    "nn.LPPool1d(2, 3, stride=2, ceil_mode=True)",
    "nn.LPPool2d(2, 3, stride=2)(T(1, 3, 9, 9))",
    "nn.LPPool1d(1.5, 3, stride=2, ceil_mode=True)(T(1, 3, 10))",
    "nn.LPPool3d(2, (1, 2, 2))(T(1, 3, 4, 8, 8))",
    "F.lp_pool2d(T(1, 3, 8, 8), 2, 3, ceil_mode=True)",
    "F.lp_pool2d(T(1, 3, 2, 2), 2, 3)",
    "F.lp_pool1d(T(1, 3, 8), 2, 3)",
    # Padding
    "nn.CircularPad1d((1, 2))",
    "nn.CircularPad2d(1)",
    "nn.CircularPad3d((1, 0, 1, 0, 1, 0))",
    "nn.CircularPad1d((1, 2))(T(1, 3, 4))",
    "nn.CircularPad2d(2)(T(1, 3, 2, 2))",
    "nn.CircularPad2d(3)(T(1, 3, 2, 2))",
    "nn.CircularPad3d(1)(T(2, 3, 3, 3))",
    "nn.ReflectionPad3d(1)",
    "nn.ReflectionPad3d(1)(T(1, 2, 3, 3, 3))",
    "nn.ReflectionPad3d(3)(T(1, 2, 3, 3, 3))",
    "nn.ReplicationPad3d((1, 0, 1, 0, 1, 0))(T(2, 2, 3, 3))",
    "nn.ReplicationPad3d(2)(T(2, 2, 3))",
    # RMSNorm, SyncBatchNorm, Bilinear, EmbeddingBag
    "nn.RMSNorm(8)",
    "nn.RMSNorm([3, 4], eps=1e-6, elementwise_affine=False)",
    "nn.RMSNorm(8)(T(2, 8))",
    "nn.RMSNorm((3, 4))(T(2, 3, 4))",
    "nn.RMSNorm(8)(T(2, 7))",
    "nn.SyncBatchNorm(8)",
    "nn.SyncBatchNorm(8, momentum=None, affine=False, track_running_stats=False)",
    "nn.SyncBatchNorm(8)(T(2, 8, 3))",
    "nn.SyncBatchNorm(8)(T(2, 8, 3, 3, 3, 3))",
    "nn.SyncBatchNorm(8)(T(8))",
    "nn.SyncBatchNorm(0)(T(2, 0))",
    "nn.SyncBatchNorm(8)(T(2, 7))",
    "nn.SyncBatchNorm(8)(T(1, 8))",
    "nn.SyncBatchNorm.convert_sync_batchnorm(nn.Sequential(nn.Conv2d(3, 4, 3), "
    "nn.BatchNorm2d(4), nn.InstanceNorm2d(4), nn.Sequential(nn.BatchNorm1d(5, "
    "affine=False))))",
    "nn.Bilinear(3, 4, 6)",
    "nn.Bilinear(3, 4, 6, bias=False)",
    "nn.Bilinear(3, 4, 6)(T(5, 3), T(5, 4))",
    "nn.Bilinear(3, 4, 6)(T(5, 3), T(5, 5))",
    "nn.Bilinear(3, 4, -6)",
    "nn.EmbeddingBag(10, 3)",
    "nn.EmbeddingBag(10, 3, mode='sum', padding_idx=0)",
    "nn.EmbeddingBag(10, 3, max_norm=1.0, padding_idx=-1)",
    "nn.EmbeddingBag(10, 3, padding_idx=10)",
    "nn.EmbeddingBag(10, 3)(L(2, 4))",
    "nn.EmbeddingBag(10, 3)(L(8), L(3))",
    "nn.EmbeddingBag(10, 3)(L(8))",
    "nn.EmbeddingBag(10, 3, include_last_offset=True)(L(8), L(3))",
    "nn.EmbeddingBag(10, 3)(L(2, 4), L(2))",
    "nn.EmbeddingBag(10, 3)(L(2, 3, 4))",
    # Lazy modules: before and after the first call
    "nn.LazyLinear(10)",
    "nn.LazyLinear(10, bias=False)",
    "nn.LazyConv2d(8, 3)",
    "nn.LazyConv1d(8, 3, stride=2, padding=1, groups=2)",
    "nn.LazyConv3d(4, (1, 3, 3))",
    "nn.LazyConvTranspose2d(4, 3, stride=2, output_padding=1)",
    "nn.LazyConvTranspose1d(4, 3)",
    "nn.LazyConvTranspose3d(4, 2)",
    "nn.LazyBatchNorm2d()",
    "nn.LazyBatchNorm1d(momentum=None)",
    "nn.LazyBatchNorm3d(affine=False)",
    "nn.LazyInstanceNorm2d()",
    "nn.LazyInstanceNorm1d(affine=False, track_running_stats=False)",
    "nn.LazyInstanceNorm3d()",
    "nn.LazyLinear(10)(T(2, 5))",
    "nn.LazyConv2d(8, 3)(T(2, 3, 8, 8))",
    "nn.LazyConv2d(8, 3)(T(3, 8, 8))",
    "nn.LazyConv2d(8, 3)(T(8, 8))",
    "nn.LazyConv2d(8, 3, groups=2)(T(1, 3, 8, 8))",
    "nn.LazyConv2d(3, 3, groups=2)",
    "nn.LazyConv2d(3, 3, groups=2)(T(1, 4, 8, 8))",
    "nn.LazyConvTranspose2d(4, 3, stride=2, output_padding=1)(T(1, 6, 5, 5))",
    "nn.LazyBatchNorm2d()(T(2, 6, 4, 4))",
    "nn.LazyBatchNorm1d()(T(4, 6))",
    "nn.LazyInstanceNorm2d()(T(2, 6, 4, 4))",
    "(lambda m: (m(T(2, 5)), m))(nn.LazyLinear(3))",
    "(lambda m: (m(T(2, 4, 8, 8)), m, sum(p.numel() for p in m.parameters())))"
    "(nn.LazyConv2d(6, 3))",
    "sum(p.numel() for p in nn.LazyLinear(3).parameters())",
    # The last names
    "nn.FeatureAlphaDropout(0.2)",
    "nn.FeatureAlphaDropout(0.2)(T(2, 3, 4))",
    "nn.FeatureAlphaDropout(1.5)",
    "F.feature_alpha_dropout(T(2, 3), 0.3, training=True)",
    "F.embedding_bag(L(2, 4), T(10, 3))",
    "F.embedding_bag(L(8), T(10, 3), L(3), mode='sum')",
    "F.embedding_bag(L(8), T(10, 3))",
    "F.soft_margin_loss(T(4, 5), T(5), reduction='none')",
    "F.soft_margin_loss(T(4, 5), T(4, 5))",
    "F.multilabel_soft_margin_loss(T(4, 5), T(4, 5), reduction='none')",
    "F.multilabel_soft_margin_loss(T(4, 5), T(4, 6))",
    # Deprecated upsampling
    "F.upsample_nearest(T(1, 3, 4, 4), scale_factor=2)",
    "F.upsample_bilinear(T(1, 3, 4, 4), size=8)",
]


#: Refused with convdims's own message of the pooling or padding it shares with the
#: layers it reuses (the type is PyTorch's).
OWN_MESSAGE = {
    "F.lp_pool2d(T(1, 3, 2, 2), 2, 3)",
    "nn.ReplicationPad3d(2)(T(2, 2, 3))",
    "nn.Bilinear(3, 4, -6)",
    "nn.LazyConv2d(3, 3, groups=2)(T(1, 4, 8, 8))",
}


@pytest.mark.parametrize("expression", CASES)
def test_module_or_function_is_pytorchs(torch, expression: str) -> None:
    check(torch, expression, message=expression not in OWN_MESSAGE)


def test_one_hot_of_unknown_values_is_refused(torch) -> None:
    refused_for_values(torch, "F.one_hot(L(3))")


def _summary_models(nn, torch_module):
    """Models built of the reach's modules, defined once for both libraries."""

    class Head(nn.Module):
        def __init__(self):
            super().__init__()
            self.scales = nn.ParameterList([nn.Parameter(torch_module.zeros(4))])
            self.table = nn.ParameterDict({"bias": nn.Parameter(torch_module.zeros(10))})
            self.similarity = nn.CosineSimilarity(dim=1)
            self.distance = nn.PairwiseDistance()
            self.bilinear = nn.Bilinear(4, 4, 10)

        def forward(self, x):
            y = x * self.scales[0]
            self.similarity(x, y)
            self.distance(x, y)
            return self.bilinear(x, y) + self.table["bias"]

    class Patches(nn.Module):
        def __init__(self):
            super().__init__()
            self.unfold = nn.Unfold(kernel_size=2, stride=2)
            self.fold = nn.Fold(output_size=(8, 8), kernel_size=2, stride=2)
            self.pool = nn.MaxPool2d(2, return_indices=True)
            self.unpool = nn.MaxUnpool2d(2)
            self.lp = nn.LPPool2d(2, 2)
            self.shuffle = nn.ChannelShuffle(3)
            self.pad = nn.CircularPad2d(1)
            self.norm = nn.RMSNorm([3, 8, 8])
            self.sync = nn.SyncBatchNorm(3)
            self.act = nn.Sequential(nn.Softshrink(), nn.Hardshrink(), nn.LogSigmoid())

        def forward(self, x):
            x = self.fold(self.unfold(x))
            values, indices = self.pool(x)
            x = self.unpool(values, indices)
            x = self.shuffle(self.norm(self.sync(x)))
            return self.act(self.lp(self.pad(x)))

    lazy = nn.Sequential(
        nn.LazyConv2d(6, 3),
        nn.LazyBatchNorm2d(),
        nn.ReLU(),
        nn.LazyConvTranspose2d(3, 2, stride=2),
        nn.LazyInstanceNorm2d(),
        nn.Flatten(),
        nn.LazyLinear(10),
    )
    return {
        "head": (Head(), (2, 4)),
        "patches": (Patches(), (2, 3, 8, 8)),
        "lazy": (lazy, (1, 3, 8, 8)),
        "embedding_bag": (nn.Sequential(nn.EmbeddingBag(10, 3)), None),
    }


@pytest.mark.parametrize("name", ["head", "patches", "lazy", "embedding_bag"])
def test_summary_is_torchinfos(torch, torchinfo, name: str) -> None:
    from convdims import torch as cd_torch
    from test_torch_snippets import normalize_torchinfo

    theirs, size = _summary_models(torch.nn, torch)[name]
    ours, _ = _summary_models(cd_torch.nn, cd_torch)[name]
    assert repr(ours) == repr(theirs)
    if size is None:
        data = [torch.zeros(2, 4, dtype=torch.long)]
        expected = torchinfo.summary(theirs, input_data=data, verbose=0)
        got = cd_torch.summary(
            ours, input_data=[cd_torch.zeros(2, 4, dtype=cd_torch.long)], verbose=0
        )
    else:
        expected = torchinfo.summary(theirs, input_size=size, verbose=0)
        got = cd_torch.summary(ours, input_size=size, verbose=0)
    assert str(got) == normalize_torchinfo(str(expected))
    assert repr(ours) == repr(theirs)
    assert [(n, tuple(p.shape)) for n, p in ours.named_parameters()] == [
        (n, tuple(p.shape)) for n, p in theirs.named_parameters()
    ]


def test_lazy_summary_before_the_first_call_is_refused_as_in_pytorch(torch) -> None:
    from convdims import torch as cd_torch

    for module in (torch, cd_torch):
        with pytest.raises(ValueError, match="uninitialized parameter"):
            sum(p.numel() for p in module.nn.LazyLinear(3).parameters())
