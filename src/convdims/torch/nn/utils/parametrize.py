"""``torch.nn.utils.parametrize``: a tensor of a module computed by a small module
from the parameters it replaces, as PyTorch 2.13 does it.

``register_parametrization`` gives the module a class of its own,
``Parametrized<Class>``, whose attribute ``name`` is a property calling
``module.parametrizations[name]``, a ``ParametrizationList`` holding the parametrization
and the parameters it computes from (``original``, or ``original0``, ``original1``...
when its ``right_inverse`` returns several). That list is a module called whenever the
layer reads its weight, so torchinfo shows it and its parametrization as rows, as with
PyTorch.

>>> from convdims.torch import nn
>>> from convdims.torch.nn.utils import parametrizations
>>> layer = parametrizations.weight_norm(nn.Linear(4, 3))
>>> type(layer).__name__, [name for name, _ in layer.named_parameters()]
('ParametrizedLinear', ['bias', 'parametrizations.weight.original0', \
'parametrizations.weight.original1'])
>>> tuple(layer.weight.shape), is_parametrized(layer, "weight")
((3, 4), True)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from convdims.torch.nn.container import ModuleDict, ModuleList
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "ParametrizationList",
    "cached",
    "is_parametrized",
    "register_parametrization",
    "remove_parametrizations",
    "type_before_parametrizations",
]


@contextlib.contextmanager
def cached() -> Iterator[None]:
    """``parametrize.cached()``: PyTorch computes each parametrized tensor once inside
    it; with shapes only, there is nothing to keep."""
    yield


def _as_parameter(value: Tensor, requires_grad: bool = True) -> Parameter:
    if isinstance(value, Parameter):
        return value
    parameter = Parameter._new(tuple(value.shape), value.dtype)
    parameter.requires_grad = requires_grad
    return parameter


class ParametrizationList(ModuleList):
    """``parametrize.ParametrizationList``: the parametrizations of one tensor, in the
    order they apply, and the parameters the first computes from."""

    def __init__(
        self, modules: Sequence[Module], original: Tensor, unsafe: bool = False
    ) -> None:
        if len(modules) == 0:
            raise ValueError("ParametrizationList requires one or more modules.")
        super().__init__(modules)
        self.unsafe = unsafe
        first = modules[0]
        new = first.right_inverse(original) if hasattr(first, "right_inverse") else original
        self.is_tensor = isinstance(new, Tensor)
        self.ntensors = 1 if self.is_tensor else len(new)
        if self.is_tensor:
            if tuple(new.shape) != tuple(original.shape) and not unsafe:
                raise ValueError(
                    "When `right_inverse` outputs one tensor, it may not change the "
                    f"shape.\noriginal.shape: {tuple(original.shape)}\n"
                    f"right_inverse(original).shape: {tuple(new.shape)}"
                )
            self.register_parameter(
                "original",
                original
                if isinstance(original, Parameter)
                and tuple(new.shape) == tuple(original.shape)
                else _as_parameter(new, original.requires_grad),
            )
        else:
            for index, value in enumerate(new):
                if not isinstance(value, Tensor):
                    raise ValueError(
                        "'right_inverse' must return a Tensor or a Sequence of tensors "
                        f"(list, tuple...). Got element {index} of the sequence with type "
                        f"{type(value).__name__}."
                    )
                self.register_parameter(
                    f"original{index}", _as_parameter(value, original.requires_grad)
                )

    def forward(self) -> Tensor:  # type: ignore[override]
        if self.is_tensor:
            x = self[0](self.original)
        else:
            originals = (getattr(self, f"original{i}") for i in range(self.ntensors))
            x = self[0](*originals)
        index = 1
        while str(index) in self._modules:
            x = self[index](x)
            index += 1
        return x

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # A ModuleList is not callable; this one is (PyTorch's ParametrizationList is
        # a Module whose forward computes the tensor).
        return Module.__call__(self, *args, **kwargs)


def _parametrized_forward(base: type) -> Any:
    """A lookalike layer reads its weight nowhere in ``forward`` (shapes need none);
    PyTorch's layers read it once, which calls the parametrization: the parametrized
    class reads each parametrized tensor once before the layer's own forward."""

    def forward(self: Module, *args: Any, **kwargs: Any) -> Any:
        values = {name: getattr(self, name) for name in self.parametrizations}
        self.__dict__["_parametrized_values"] = values
        try:
            return base.forward(self, *args, **kwargs)
        finally:
            self.__dict__.pop("_parametrized_values", None)

    return forward


def _inject_new_class(module: Module) -> None:
    cls = module.__class__
    namespace: dict[str, Any] = {"_convdims_original_class": cls}
    if cls.__module__.startswith("convdims.torch."):
        namespace["forward"] = _parametrized_forward(cls)
    module.__class__ = type(f"Parametrized{cls.__name__}", (cls,), namespace)


def _inject_property(module: Module, tensor_name: str) -> None:
    def get_parametrized(self: Module) -> Tensor:
        values = self.__dict__.get("_parametrized_values")
        if values is not None and tensor_name in values:
            return values[tensor_name]
        return self.parametrizations[tensor_name]()

    def set_original(self: Module, value: Tensor) -> None:
        raise RuntimeError(
            f"convdims: assigning to the parametrized tensor {tensor_name!r} is not "
            "supported (PyTorch would call right_inverse with the new value)"
        )

    setattr(module.__class__, tensor_name, property(get_parametrized, set_original))


def is_parametrized(module: Module, tensor_name: str | None = None) -> bool:
    """``parametrize.is_parametrized``: whether ``module`` (or its ``tensor_name``) has
    a parametrization."""
    parametrizations = module.__dict__.get("_modules", {}).get("parametrizations")
    if not isinstance(parametrizations, ModuleDict):
        return False
    if tensor_name is None:
        return len(parametrizations) > 0
    return tensor_name in parametrizations


def type_before_parametrizations(module: Module) -> type:
    """``parametrize.type_before_parametrizations``: the class before the first
    parametrization."""
    if is_parametrized(module):
        return module.__class__.__bases__[0]
    return type(module)


def register_parametrization(
    module: Module, tensor_name: str, parametrization: Module, *, unsafe: bool = False
) -> Module:
    """``parametrize.register_parametrization``: ``module.<tensor_name>`` is computed
    by ``parametrization`` from then on (a second one on the same tensor applies after
    the first)."""
    if is_parametrized(module, tensor_name):
        module.parametrizations[tensor_name].append(parametrization)
        return module
    if tensor_name in module._buffers or tensor_name in module._parameters:
        original = getattr(module, tensor_name)
        parametrizations = ParametrizationList([parametrization], original, unsafe=unsafe)
        delattr(module, tensor_name)
        if not is_parametrized(module):
            _inject_new_class(module)
            module.parametrizations = ModuleDict()
        _inject_property(module, tensor_name)
        module.parametrizations[tensor_name] = parametrizations
        return module
    raise ValueError(
        f"Module '{module}' does not have a parameter, a buffer, or a parametrized "
        f"element with name '{tensor_name}'"
    )


def remove_parametrizations(
    module: Module, tensor_name: str, leave_parametrized: bool = True
) -> Module:
    """``parametrize.remove_parametrizations``: ``tensor_name`` is a parameter of its
    shape again (the parametrized value's, or with ``leave_parametrized=False`` the
    original's); the class is the original one once nothing is parametrized."""
    if not is_parametrized(module, tensor_name):
        raise ValueError(
            f"Module {module} does not have a parametrization on {tensor_name}"
        )
    parametrizations = module.parametrizations[tensor_name]
    if leave_parametrized:
        value = getattr(module, tensor_name)
    elif parametrizations.is_tensor:
        value = parametrizations.original
    else:
        raise ValueError(
            "Cannot leave unparametrized (`leave_parametrized=False`) a tensor that is "
            "parametrized in terms of a sequence of tensors."
        )
    delattr(module.__class__, tensor_name)
    del module.parametrizations[tensor_name]
    module.register_parameter(tensor_name, _as_parameter(value))
    if not is_parametrized(module):
        delattr(module, "parametrizations")
        module.__class__ = module.__class__._convdims_original_class
    return module
