"""``torch.backends.cuda``: its flags, kept; CUDA is not built in (no GPU)."""

import types

matmul = types.SimpleNamespace(
    allow_tf32=False, allow_fp16_reduced_precision_reduction=True
)


def is_built() -> bool:
    return False


__all__ = ["is_built", "matmul"]
