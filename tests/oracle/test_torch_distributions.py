"""``torch.distributions`` gives PyTorch 2.13's shapes: batch and event shapes,
samples, log-probabilities, entropies, means and KL divergences, for the distributions
models build (a VAE's Normal, an InfoGAN's OneHotCategorical, Independent wrappers), and
the same constructor signatures and refusals."""

from __future__ import annotations

import inspect

import pytest

from convdims import torch as cd_torch
from convdims.torch import distributions as cd_distributions

CASES = [
    ("Normal", [(4, 2), (4, 2)], {}),
    ("Normal", [(4, 2), 1.0], {}),
    ("Normal", [0.0, 1.0], {}),
    ("Normal", [(3, 1), (1, 5)], {}),
    ("LogNormal", [(2,), (2,)], {}),
    ("Laplace", [(2, 3), 0.5], {}),
    ("Uniform", [(3,), 1.0], {}),
    ("Exponential", [(5,)], {}),
    ("Gamma", [(2, 2), (2, 2)], {}),
    ("Beta", [(3,), (3,)], {}),
    ("StudentT", [(4,)], {}),
    ("Poisson", [(6,)], {}),
    ("Bernoulli", [], {"logits": (4, 3)}),
    ("Bernoulli", [], {"probs": 0.3}),
    ("Categorical", [], {"logits": (4, 10)}),
    ("Categorical", [], {"probs": (2, 3, 5)}),
    ("OneHotCategorical", [], {"logits": (4, 10)}),
    ("Dirichlet", [(3, 4)], {}),
    ("RelaxedOneHotCategorical", [()], {"logits": (2, 6)}),
    ("RelaxedBernoulli", [()], {"probs": (3,)}),
    ("Binomial", [10], {"probs": (3,)}),
    ("Geometric", [], {"probs": (2, 2)}),
    ("MultivariateNormal", [(3, 4)], {"scale_tril": (4, 4)}),
    ("MultivariateNormal", [(4,)], {"covariance_matrix": (2, 4, 4)}),
]


def _make(module, name, args, kwargs):
    def value(v):
        return module.zeros(v) + 0.5 if isinstance(v, tuple) else v

    if name == "MultivariateNormal":
        matrix = next(iter(kwargs))
        return getattr(module.distributions, name)(
            value(args[0]),
            **{matrix: module.eye(kwargs[matrix][-1]).expand(kwargs[matrix])},
        )
    return getattr(module.distributions, name)(
        *map(value, args), **{k: value(v) for k, v in kwargs.items()}
    )


def _shapes(module, name, args, kwargs):
    dist = _make(module, name, args, kwargs)
    out = [tuple(dist.batch_shape), tuple(dist.event_shape)]
    sample = dist.sample((3,))
    out += [tuple(sample.shape), str(sample.dtype).rsplit(".", 1)[-1]]
    out.append(tuple(dist.rsample((2,)).shape) if dist.has_rsample else "no rsample")
    value = dist.sample()
    out.append(tuple(dist.log_prob(value).shape))
    try:
        out.append(tuple(dist.entropy().shape))
    except NotImplementedError:
        out.append("no entropy")
    try:
        out.append(tuple(dist.mean.shape))
    except NotImplementedError:
        out.append("no mean")
    if len(dist.batch_shape) >= 1:
        independent = module.distributions.Independent(dist, 1)
        out += [tuple(independent.batch_shape), tuple(independent.event_shape)]
        out.append(tuple(independent.log_prob(independent.sample()).shape))
    return out


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}{c[1]}{c[2]}" for c in CASES])
def test_shapes_are_pytorchs(torch, case) -> None:
    assert _shapes(cd_torch, *case) == _shapes(torch, *case)


def test_kl_divergence_broadcasts_as_pytorch(torch) -> None:
    def kl(module):
        D = module.distributions
        q = D.Normal(module.zeros(8, 16), module.ones(8, 16))
        p = D.Normal(0.0, 1.0)
        independent = D.Independent(q, 1)
        return (
            tuple(D.kl_divergence(q, p).shape),
            tuple(D.kl.kl_divergence(independent, D.Independent(q, 1)).shape),
        )

    assert kl(cd_torch) == kl(torch)


@pytest.mark.parametrize("name", cd_distributions.__all__)
def test_signatures_are_pytorchs(torch, name) -> None:
    ours, theirs = getattr(cd_distributions, name), getattr(torch.distributions, name)
    if inspect.ismodule(theirs):
        assert inspect.ismodule(ours)
        return

    def parameters(f):
        return [
            (
                p.name,
                p.kind,
                p.default if isinstance(p.default, (int, float, type(None))) else "?",
            )
            for p in inspect.signature(f).parameters.values()
        ]

    assert parameters(ours) == parameters(theirs)


@pytest.mark.parametrize(
    "build",
    [
        lambda D, m: D.Normal(0.0, -1.0),
        lambda D, m: D.Bernoulli(),
        lambda D, m: D.Bernoulli(probs=0.5, logits=0.0),
        lambda D, m: D.Categorical(probs=m.zeros(())),
        lambda D, m: D.Normal(m.zeros(3), m.zeros(4)),
        lambda D, m: D.Independent(D.Normal(m.zeros(3), 1.0), 2),
        lambda D, m: D.MultivariateNormal(m.zeros(3)),
        lambda D, m: D.Categorical(logits=m.zeros(3)).rsample(),
    ],
)
def test_refusals_are_pytorchs(torch, build) -> None:
    with pytest.raises(Exception) as real:  # noqa: PT011 - the class is compared
        build(torch.distributions, torch)
    with pytest.raises(Exception) as ours:  # noqa: PT011 - the class is compared
        build(cd_torch.distributions, cd_torch)
    assert isinstance(ours.value, type(real.value)), (real.value, ours.value)
