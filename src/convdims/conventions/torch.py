"""PyTorch's rules (checked against torch 2.13 here)."""

from __future__ import annotations

from convdims.conventions._convention import Convention, Family

TORCH = Convention(
    name="torch",
    title="PyTorch",
    padding_words={
        Family.CONV: ("valid", "same"),
        Family.POOL: (),
        Family.TRANSPOSE: (),
    },
    padding_cells=frozenset(Family),
    default_padding={Family.CONV: 0, Family.POOL: 0, Family.TRANSPOSE: 0},
    same_strided=False,
    pool_padding_half=True,
    output_padding_limit="stride or dilation",
    source="torch 2.13 (run here)",
    extra_hint={"pair": "; PyTorch pads both sides equally: pad B,A with nn.ZeroPad first"},
)
