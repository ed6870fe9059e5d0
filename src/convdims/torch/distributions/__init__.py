"""``torch.distributions``: the distributions models build in ``forward`` (the latent
codes of a VAE or an InfoGAN), with PyTorch's batch and event shapes; ``sample``,
``rsample``, ``log_prob``, ``entropy`` and ``kl_divergence`` give tensors of the shapes
PyTorch gives (as every tensor here, shapes without values).

>>> from convdims.torch import empty
>>> from convdims.torch import distributions as D
>>> q = D.Normal(empty(8, 16), empty(8, 16))
>>> q.rsample().shape, D.kl_divergence(q, D.Normal(0.0, 1.0)).shape
(torch.Size([8, 16]), torch.Size([8, 16]))
>>> D.Independent(q, 1).log_prob(empty(8, 16)).shape
torch.Size([8])
"""

from convdims.torch.distributions import kl
from convdims.torch.distributions._families import (
    Bernoulli,
    Beta,
    Binomial,
    Categorical,
    Cauchy,
    Dirichlet,
    Exponential,
    Gamma,
    Geometric,
    Gumbel,
    HalfNormal,
    Independent,
    Laplace,
    LogNormal,
    Multinomial,
    MultivariateNormal,
    Normal,
    OneHotCategorical,
    Poisson,
    RelaxedBernoulli,
    RelaxedOneHotCategorical,
    StudentT,
    Uniform,
    kl_divergence,
)
from convdims.torch.distributions.distribution import Distribution

__all__ = [
    "Bernoulli",
    "Beta",
    "Binomial",
    "Categorical",
    "Cauchy",
    "Dirichlet",
    "Distribution",
    "Exponential",
    "Gamma",
    "Geometric",
    "Gumbel",
    "HalfNormal",
    "Independent",
    "Laplace",
    "LogNormal",
    "Multinomial",
    "MultivariateNormal",
    "Normal",
    "OneHotCategorical",
    "Poisson",
    "RelaxedBernoulli",
    "RelaxedOneHotCategorical",
    "StudentT",
    "Uniform",
    "kl",
    "kl_divergence",
]
