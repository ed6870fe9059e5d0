"""``torch.distributions.kl``: ``kl_divergence`` (shapes: the broadcast batch)."""

from convdims.torch.distributions._families import kl_divergence

__all__ = ["kl_divergence"]
