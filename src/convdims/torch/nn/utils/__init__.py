"""``torch.nn.utils``: the weight reparametrizations models build with
(``weight_norm``, ``spectral_norm``, their ``parametrizations`` forms and the removers),
``parameters_to_vector``; ``clip_grad_norm_`` and the other gradient tools refuse when
called, as there are no gradients.

>>> from convdims.torch import nn
>>> layer = nn.utils.parametrizations.weight_norm(nn.Conv1d(4, 8, 3))
>>> sum(p.numel() for p in layer.parameters())
112
"""

from convdims.torch.nn.utils import parametrizations, parametrize
from convdims.torch.nn.utils.clip_grad import (
    clip_grad_norm,
    clip_grad_norm_,
    clip_grad_value_,
    clip_grads_with_norm_,
    get_total_norm,
)
from convdims.torch.nn.utils.convert_parameters import (
    parameters_to_vector,
    vector_to_parameters,
)
from convdims.torch.nn.utils.spectral_norm import remove_spectral_norm, spectral_norm
from convdims.torch.nn.utils.weight_norm import remove_weight_norm, weight_norm

__all__ = [
    "clip_grad_norm",
    "clip_grad_norm_",
    "clip_grad_value_",
    "clip_grads_with_norm_",
    "get_total_norm",
    "parameters_to_vector",
    "parametrizations",
    "parametrize",
    "remove_spectral_norm",
    "remove_weight_norm",
    "spectral_norm",
    "vector_to_parameters",
    "weight_norm",
]
