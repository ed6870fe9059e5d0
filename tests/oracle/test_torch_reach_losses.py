"""The losses of the lookalike's reach against real PyTorch: construction (repr,
refusals), the loss's shape under each reduction for matching and mismatching shapes,
and the functional forms."""

from __future__ import annotations

import pytest

from reach_helpers import check

FULL16 = "torch.full((16,), 50, dtype=torch.long)"
FULL15 = "torch.full((15,), 50, dtype=torch.long)"
TEN16 = "torch.full((16,), 10, dtype=torch.long)"

CASES = [
    "nn.CosineEmbeddingLoss(margin=0.5)",
    "nn.CosineEmbeddingLoss()(T(4, 5), T(4, 5), T(4))",
    "nn.CosineEmbeddingLoss(reduction='none')(T(5), T(5), T(()))",
    "nn.CosineEmbeddingLoss()(T(4, 5), T(4, 5), T(3))",
    "nn.CosineEmbeddingLoss()(T(4, 5), T(4, 6), T(4))",
    "nn.CosineEmbeddingLoss()(T(4, 5, 2), T(4, 5, 2), T(4))",
    "nn.CosineEmbeddingLoss(reduction='x')(T(4, 5), T(4, 5), T(4))",
    "nn.MarginRankingLoss(margin=0.1)",
    "nn.MarginRankingLoss(reduction='none')(T(4), T(4), T(4))",
    "nn.MarginRankingLoss(reduction='none')(T(4, 1), T(4), T(4))",
    "nn.MarginRankingLoss()(T(4), T(3), T(4))",
    "nn.MarginRankingLoss(reduction='sum')(T(4, 2), T(4, 2), T(4, 2))",
    "nn.HingeEmbeddingLoss(reduction='none')(T(4, 3), T(4, 3))",
    "nn.HingeEmbeddingLoss(reduction='none')(T(4, 3), T(3))",
    "nn.HingeEmbeddingLoss()(T(4, 3), T(4))",
    "nn.TripletMarginLoss(margin=0.3, swap=True)",
    "nn.TripletMarginLoss(margin=-1.0)",
    "nn.TripletMarginLoss(reduction='none')(T(4, 8), T(4, 8), T(4, 8))",
    "nn.TripletMarginLoss(reduction='none')(T(8), T(8), T(8))",
    "nn.TripletMarginLoss()(T(4, 8), T(4, 8), T(4, 7))",
    "nn.TripletMarginLoss()(T(4, 8), T(4, 8), T(8))",
    "nn.TripletMarginLoss(reduction='none')(T(4, 8, 2), T(4, 8, 2), T(4, 8, 2))",
    "nn.TripletMarginWithDistanceLoss()",
    "nn.TripletMarginWithDistanceLoss(margin=-1)",
    "nn.TripletMarginWithDistanceLoss(reduction='none')(T(4, 8), T(4, 8), T(4, 8))",
    "nn.TripletMarginWithDistanceLoss()(T(4, 8), T(4, 8), T(8))",
    "nn.TripletMarginWithDistanceLoss(distance_function=nn.CosineSimilarity(), "
    "reduction='none')(T(4, 8), T(4, 8), T(4, 8))",
    "F.triplet_margin_with_distance_loss(T(4, 8), T(4, 8), T(4, 8), margin=-1)",
    "nn.PoissonNLLLoss(log_input=False, full=True)",
    "nn.PoissonNLLLoss(reduction='none')(T(4, 3), T(4, 3))",
    "nn.PoissonNLLLoss(reduction='none')(T(4, 3), T(3))",
    "nn.PoissonNLLLoss()(T(4, 3), T(4, 2))",
    "F.poisson_nll_loss(T(4, 3), T(4, 3), reduction='x')",
    "nn.GaussianNLLLoss(full=True)",
    "nn.GaussianNLLLoss(reduction='none')(T(4, 3), T(4, 3), T(4, 3))",
    "nn.GaussianNLLLoss(reduction='none')(T(4, 3), T(4, 3), T(4, 1))",
    "nn.GaussianNLLLoss(reduction='none')(T(4, 3), T(4, 3), T(4))",
    "nn.GaussianNLLLoss()(T(4, 3), T(4, 3), T(4, 2))",
    "nn.GaussianNLLLoss()(T(4, 3), T(4, 3), T(3))",
    "nn.GaussianNLLLoss()(T(4, 3), T(4, 3), 1.0)",
    "nn.GaussianNLLLoss()(T(4, 3), T(4, 2), T(4, 3))",
    "F.gaussian_nll_loss(T(4, 3), T(4, 3), T(4, 3), reduction='x')",
    "nn.MultiMarginLoss(p=2, margin=0.5)",
    "nn.MultiMarginLoss(p=3)",
    "nn.MultiMarginLoss(reduction='none')(T(4, 5), L(4))",
    "nn.MultiMarginLoss(reduction='none')(T(5), L(()))",
    "nn.MultiMarginLoss()(T(4, 5), L(3))",
    "nn.MultiMarginLoss()(T(4, 5), T(4))",
    "nn.MultiMarginLoss(weight=T(5))(T(4, 5), L(4))",
    "nn.MultiMarginLoss(weight=T(4))(T(4, 5), L(4))",
    "nn.MultiMarginLoss()(T(4, 5, 2), L(4))",
    "nn.MultiLabelMarginLoss()",
    "nn.MultiLabelMarginLoss(reduction='none')(T(4, 5), L(4, 5))",
    "nn.MultiLabelMarginLoss(reduction='none')(T(5), L(5))",
    "nn.MultiLabelMarginLoss()(T(4, 5), L(4, 4))",
    "nn.MultiLabelMarginLoss()(T(4, 5), T(4, 5))",
    "nn.CTCLoss(blank=3, zero_infinity=True)",
    f"nn.CTCLoss(reduction='none')(T(50, 16, 20), L(16, 30), {FULL16}, {TEN16})",
    f"nn.CTCLoss()(T(50, 16, 20), L(16, 30), {FULL16}, {TEN16})",
    f"nn.CTCLoss(reduction='none')(T(50, 16, 20), L(160), {FULL16}, {TEN16})",
    f"nn.CTCLoss()(T(50, 16, 20), L(16, 30), {FULL15}, {TEN16})",
    f"nn.CTCLoss()(T(50, 16, 20), L(16, 30), {FULL16}, {FULL15})",
    f"nn.CTCLoss()(T(50, 16, 20), L(15, 30), {FULL16}, {TEN16})",
    f"nn.CTCLoss(reduction='x')(T(50, 16, 20), L(16, 30), {FULL16}, {TEN16})",
    "F.ctc_loss(T(50, 16, 20), L(16, 30), (50,) * 16, (10,) * 16)",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500])",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500], div_value=2.0, head_bias=True)",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [500, 100])",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 1000])",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [])",
    "tuple(nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500])(T(8, 64), L(8)))",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500])(T(8, 64), L(8)).output",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500])(T(64), L(())).output",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500])(T(8, 64), L(7))",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500])(T(8, 64), L(8, 2))",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500]).log_prob(T(8, 64))",
    "nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500]).predict(T(8, 64))",
    "F.cosine_embedding_loss(T(4, 5), T(4, 5), T(4), reduction='none')",
    "F.margin_ranking_loss(T(4), T(4), T(4), reduction='none')",
    "F.hinge_embedding_loss(T(4, 3), T(4, 3), reduction='none')",
    "F.triplet_margin_loss(T(4, 8), T(4, 8), T(4, 8), reduction='none')",
    "F.multi_margin_loss(T(4, 5), L(4), reduction='none')",
    "F.multilabel_margin_loss(T(4, 5), L(4, 5), reduction='none')",
    "F.ctc_loss(T(50, 16, 20), L(16, 30), " + FULL16 + ", " + TEN16 + ")",
    "F.poisson_nll_loss(T(4, 3), T(4, 3), reduction='none')",
    "F.gaussian_nll_loss(T(4, 3), T(4, 3), T(4, 3), reduction='none')",
]


@pytest.mark.parametrize("expression", CASES)
def test_loss_is_pytorchs(torch, expression: str) -> None:
    check(torch, expression)


def test_losses_with_legacy_arguments_warn_as_pytorch(torch) -> None:
    for name in ("CosineEmbeddingLoss", "MarginRankingLoss", "MultiMarginLoss"):
        check(torch, f"nn.{name}(size_average=False).reduction")
        check(torch, f"nn.{name}(reduce=False).reduction")
