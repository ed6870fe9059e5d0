"""``nn.Module`` and ``nn.Parameter``, shape-only.

A module holds its parameters, buffers and child modules in registration order, the way
PyTorch does, so ``named_parameters()``, ``children()`` and printing behave alike. Calling
a module runs its ``forward`` on shape-only tensors, with forward hooks (which the
summary uses).

>>> from convdims.torch import nn
>>> class Tiny(nn.Module):
...     def __init__(self):
...         super().__init__()
...         self.conv = nn.Conv2d(3, 5, 3)
...         self.pool = nn.MaxPool2d(2)
...     def forward(self, x):
...         return self.pool(self.conv(x))
>>> model = Tiny()
>>> sum(p.numel() for p in model.parameters())
140
>>> from convdims import torch
>>> model(torch.empty(1, 3, 32, 32)).shape
torch.Size([1, 5, 15, 15])
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator

from convdims.description import Kind, LayerCall
from convdims.torch.dtypes import float32
from convdims.torch.nn._hooks import (  # noqa: F401 - where PyTorch has them
    RemovableHandle,
    _global_forward_hooks,
    _global_forward_pre_hooks,
    _next_hook_key,
    _post_hooks,
    _pre_hooks,
    _recorder,
    _register,
    register_module_forward_hook,
    register_module_forward_pre_hook,
)
from convdims.torch.nn._registry import (
    _CLASS_ATTRIBUTES,
    _MISSING,
    _MODULE,
    _STORES,
    _class_attributes,
    _lookup,
    _new_registry,
    _put,
    _Registry,
    _remirror,
)
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class Parameter(Tensor):
    """A shape-only learnable tensor (``requires_grad`` is True unless said otherwise).

    >>> Parameter(Tensor((64, 3, 3, 3))).numel()
    1728
    """

    __slots__ = ()

    def __init__(self, data: Tensor | None = None, requires_grad: bool = True) -> None:
        shape = () if data is None else data.shape
        dtype = None if data is None else data.dtype
        super().__init__(shape, dtype, requires_grad)

    @classmethod
    def _new(cls, shape: tuple[int, ...], dtype: Any = None) -> Parameter:
        """A learnable parameter of a shape the layer checked (no checks)."""
        return cls._of(shape, float32 if dtype is None else dtype, True)  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"Parameter containing:\n{super().__repr__()}"


def _spatial(shape: tuple[int, ...], dims: int) -> tuple[int, ...]:
    """The spatial sizes of a ``dims``-D layer's shape (the last ``dims`` axes when it
    has an axis before them; all but the first two for a layer of no fixed rank)."""
    if dims:
        return tuple(shape[-dims:]) if len(shape) > dims else ()
    return tuple(shape[2:])


def _add_indent(text: str, spaces: int) -> str:
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    rest = [" " * spaces + line if line.strip() else "" for line in lines[1:]]
    return lines[0] + "\n" + "\n".join(rest)


class Module:
    """Base class of every layer and model, as ``torch.nn.Module``.

    Subclass it, assign layers to attributes in ``__init__`` (after
    ``super().__init__()``) and write ``forward``.
    """

    training: bool
    _parameters: dict[str, Parameter | None]
    _buffers: dict[str, Tensor | None]
    _modules: dict[str, Module | None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            raise TypeError(
                f"{type(self).__name__}.__init__() got unexpected arguments; "
                "nn.Module.__init__ takes none"
            )
        attributes = self.__dict__
        if "_modules" in attributes:  # a second __init__: its entries go, mirrors too
            for store in _STORES:
                for name, value in attributes[store].items():
                    if attributes.get(name, _MISSING) is value:
                        del attributes[name]
        attributes["training"] = True
        attributes["_parameters"] = params = _new_registry(_Registry)
        attributes["_buffers"] = buffers = _new_registry(_Registry)
        attributes["_modules"] = modules = _new_registry(_Registry)
        params._owner = buffers._owner = modules._owner = self
        attributes["_forward_hooks"] = {}
        attributes["_forward_pre_hooks"] = {}

    # Registration ---------------------------------------------------------------------

    def _check_initialized(self, name: str) -> None:
        if "_modules" not in self.__dict__:
            raise AttributeError(
                f"cannot assign {name!r} before Module.__init__() call (call "
                "super().__init__() first in your __init__)"
            )

    def __setattr__(self, name: str, value: Any) -> None:
        attributes = self.__dict__
        if isinstance(value, (Module, Parameter)):
            if "_modules" not in attributes:
                self._check_initialized(name)
            store = "_modules" if isinstance(value, Module) else "_parameters"
            attributes.pop(name, None)
            for other in _STORES:
                if other != store and name in attributes[other]:
                    del attributes[other][name]
            values = attributes[store]
            if type(values) is not _Registry:  # a dict the module's code put there
                values[name] = value
                return
            _put(values, name, value)
            names = _CLASS_ATTRIBUTES.get(type(self), _MISSING)
            if names is _MISSING:
                names = _class_attributes(type(self))
            if names is not None and name not in names:
                attributes[name] = value  # now the one entry of that name: its mirror
            return
        # A plain value (most assignments: sizes, flags): it goes to the instance unless
        # the name is a parameter, child module or buffer.
        params = attributes.get("_parameters")
        if params is not None and name in params:
            if value is not None:
                raise TypeError(
                    f"cannot assign {type(value).__name__!r} as parameter {name!r} "
                    "(torch.nn.Parameter or None expected)"
                )
            params[name] = None
            return
        modules = attributes.get("_modules")
        if modules is not None and name in modules:
            if value is not None:
                raise TypeError(
                    f"cannot assign {type(value).__name__!r} as child module {name!r} "
                    "(torch.nn.Module or None expected)"
                )
            modules[name] = None
            return
        buffers = attributes.get("_buffers")
        if buffers is not None and name in buffers:
            buffers[name] = value
            return
        object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        # Called only for names not in the instance's __dict__: parameters, buffers and
        # child modules, which live in their own dicts (as in PyTorch).
        attributes = self.__dict__
        if "_modules" in attributes:
            store = attributes["_parameters"]
            if name in store:
                return store[name]
            store = attributes["_buffers"]
            if name in store:
                return store[name]
            store = attributes["_modules"]
            if name in store:
                return store[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name: str) -> None:
        for store in ("_parameters", "_buffers", "_modules"):
            values = self.__dict__.get(store)
            if values is not None and name in values:
                del values[name]
                return
        object.__delattr__(self, name)

    def register_parameter(self, name: str, param: Parameter | None) -> None:
        """Add a parameter (or None, a declared but absent one such as a missing bias)."""
        self._check_initialized(name)
        self._register("_parameters", name, param)

    def register_buffer(
        self, name: str, tensor: Tensor | None, persistent: bool = True
    ) -> None:
        """Add a buffer: state that is not a parameter (BatchNorm's running statistics)."""
        self._check_initialized(name)
        self._register("_buffers", name, tensor)

    def add_module(self, name: str, module: Module | None) -> None:
        """Add a child module under ``name``."""
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"{type(module).__name__} is not a Module subclass")
        self._check_initialized(name)
        self._register("_modules", name, module)

    register_module = add_module

    def _register(self, store: str, name: str, value: Any) -> None:
        """``self.<store>[name] = value``, the mirror kept without ``_Registry``'s
        general bookkeeping."""
        attributes = self.__dict__
        values = attributes[store]
        if type(values) is not _Registry:  # a dict the module's code put there
            values[name] = value
            return
        before = _lookup(attributes, name)
        _put(values, name, value)
        _remirror(self, name, before)

    # Walking the tree -----------------------------------------------------------------

    def named_children(self) -> Iterator[tuple[str, Module]]:
        """Direct children with their attribute names, each module once."""
        seen: set[int] = set()
        for name, module in self._modules.items():
            if module is not None and id(module) not in seen:
                seen.add(id(module))
                yield name, module

    def children(self) -> Iterator[Module]:
        """Direct children."""
        for _, module in self.named_children():
            yield module

    def named_modules(
        self, memo: set[int] | None = None, prefix: str = "", remove_duplicate: bool = True
    ) -> Iterator[tuple[str, Module]]:
        """This module and every descendant, depth first, with dotted names."""
        if memo is None:
            memo = set()
        stack: list[tuple[str, Module]] = [(prefix, self)]
        while stack:
            name, module = stack.pop()
            if remove_duplicate:
                if id(module) in memo:
                    continue
                memo.add(id(module))
            yield name, module
            children = [
                (f"{name}.{key}" if name else key, child)
                for key, child in module.__dict__["_modules"].items()
                if child is not None
            ]
            children.reverse()
            stack += children

    def modules(self) -> Iterator[Module]:
        """This module and every descendant."""
        if type(self).named_modules is not _module_named_modules:
            for _, module in self.named_modules():
                yield module
            return
        # named_modules' walk without the dotted names, which nobody reads here.
        memo: set[int] = set()
        stack: list[Module] = [self]
        while stack:
            module = stack.pop()
            if id(module) in memo:
                continue
            memo.add(id(module))
            yield module
            children = [c for c in module.__dict__["_modules"].values() if c is not None]
            children.reverse()
            stack += children

    def _named_members(
        self, store: str, prefix: str, recurse: bool
    ) -> Iterator[tuple[str, Tensor]]:
        seen: set[int] = set()
        modules = self.named_modules(prefix=prefix) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            for name, value in module.__dict__[store].items():
                if value is None or id(value) in seen:
                    continue
                seen.add(id(value))
                yield (f"{module_prefix}.{name}" if module_prefix else name), value

    def named_parameters(
        self, prefix: str = "", recurse: bool = True, remove_duplicate: bool = True
    ) -> Iterator[tuple[str, Parameter]]:
        """Every parameter with its dotted name, each shared parameter once."""
        yield from self._named_members("_parameters", prefix, recurse)  # type: ignore[misc]

    def parameters(self, recurse: bool = True) -> Iterator[Parameter]:
        """Every parameter: ``sum(p.numel() for p in model.parameters())`` counts them."""
        for _, param in self.named_parameters(recurse=recurse):
            yield param

    def named_buffers(
        self, prefix: str = "", recurse: bool = True, remove_duplicate: bool = True
    ) -> Iterator[tuple[str, Tensor]]:
        """Every buffer with its dotted name."""
        yield from self._named_members("_buffers", prefix, recurse)

    def buffers(self, recurse: bool = True) -> Iterator[Tensor]:
        """Every buffer."""
        for _, buffer in self.named_buffers(recurse=recurse):
            yield buffer

    def get_submodule(self, target: str) -> Module:
        """The descendant at a dotted path such as ``"layer1.0.conv1"``."""
        module = self
        for part in target.split(".") if target else []:
            child = module._modules.get(part)
            if child is None:
                raise AttributeError(f"{type(module).__name__} has no attribute `{part}`")
            module = child
        return module

    def apply(self, fn: Callable[[Module], Any]) -> Module:
        """Call ``fn`` on every descendant, then on this module."""
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    # Modes and no-ops -----------------------------------------------------------------

    def train(self, mode: bool = True) -> Module:
        """Set training mode here and below (BatchNorm's batch-size check depends on it)."""
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.__dict__["training"] = mode
        # Each child's own train(mode), depth first, as PyTorch calls them; a child
        # that keeps this method is set here, without a call of its own (a summary sets
        # every module's mode twice).
        stack = [iter(self._modules.values())]
        while stack:
            for module in stack[-1]:
                if module is None:
                    continue
                if type(module).train is not _module_train:
                    module.train(mode)
                    continue
                module.__dict__["training"] = mode
                stack.append(iter(module._modules.values()))
                break
            else:
                stack.pop()
        return self

    def eval(self) -> Module:
        """Set evaluation mode here and below."""
        return self.train(False)

    def requires_grad_(self, requires_grad: bool = True) -> Module:
        """Freeze (False) or unfreeze every parameter; frozen ones are non-trainable."""
        for param in self.parameters():
            param.requires_grad_(requires_grad)
        return self

    def to(self, *args: Any, **kwargs: Any) -> Module:
        """Devices are accepted and ignored; a floating dtype (given, or a tensor's)
        casts the floating parameters and buffers, which torchinfo's sizes read."""
        from convdims.torch.dtypes import dtype as dtype_type

        wanted = kwargs.get("dtype")
        for arg in args:
            if isinstance(arg, dtype_type):
                wanted = arg
            elif isinstance(arg, Tensor):
                wanted = arg.dtype
        if wanted is None:
            return self
        if not wanted.is_floating_point:
            raise TypeError(
                "nn.Module.to only accepts floating point or complex dtypes, but got "
                f"desired dtype={wanted}"
            )
        return self._cast(wanted)

    def _cast(self, dtype: Any) -> Module:
        """Every floating parameter and buffer of this module and below as ``dtype``
        (PyTorch's ``double()``, ``half()``...; integer buffers keep theirs)."""
        for module in self.modules():
            for store in (module._parameters, module._buffers):
                for tensor in store.values():
                    if tensor is not None and tensor.dtype.is_floating_point:
                        tensor.dtype = dtype
        return self

    def double(self) -> Module:
        """``Module.double()``: floating parameters and buffers as float64."""
        from convdims.torch.dtypes import float64

        return self._cast(float64)

    def float(self) -> Module:
        """``Module.float()``: floating parameters and buffers as float32."""
        from convdims.torch.dtypes import float32 as single

        return self._cast(single)

    def half(self) -> Module:
        """``Module.half()``: floating parameters and buffers as float16."""
        from convdims.torch.dtypes import float16

        return self._cast(float16)

    def bfloat16(self) -> Module:
        """``Module.bfloat16()``: floating parameters and buffers as bfloat16."""
        from convdims.torch.dtypes import bfloat16

        return self._cast(bfloat16)

    def _self(self, *args: Any, **kwargs: Any) -> Module:
        return self

    cpu = cuda = zero_grad = share_memory = _self

    # Running --------------------------------------------------------------------------

    #: The dialect whose ``describe(model, input_size)`` reads this model (for
    #: [`describe`][convdims.analysis.describe]).
    _dialect = "convdims.torch"

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(
            f'Module [{type(self).__name__}] is missing the required "forward" function'
        )

    def register_forward_pre_hook(self, hook: Callable[..., Any]) -> RemovableHandle:
        """``hook(module, args)`` runs before ``forward``; it may return new args."""
        return _register(self._forward_pre_hooks, hook)

    def register_forward_hook(self, hook: Callable[..., Any]) -> RemovableHandle:
        """``hook(module, args, output)`` runs after ``forward``; may return new output."""
        return _register(self._forward_hooks, hook)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # PyTorch's order: the global pre-hooks, the module's own, ``forward``, the
        # global hooks, the module's own (the post-hooks as they are when ``forward``
        # returns). A summary's trace, while it is the recorder, is the one global
        # hook (see ``_recorder``).
        recorder = _recorder[0]
        if recorder is not None:
            row = recorder.begin(self, args)
            if self._forward_pre_hooks:
                args = _pre_hooks(self, [*self._forward_pre_hooks.values()], args)
        elif _global_forward_pre_hooks or self._forward_pre_hooks:
            hooks = [*_global_forward_pre_hooks.values(), *self._forward_pre_hooks.values()]
            args = _pre_hooks(self, hooks, args)
        output = self.forward(*args, **kwargs)
        if recorder is not None and _recorder[0] is recorder:
            if row is not None:
                recorder.end(row, args, output)
            if self._forward_hooks:
                hooks = [*self._forward_hooks.values()]
                output = _post_hooks(self, hooks, args, output)
        elif _global_forward_hooks or self._forward_hooks:
            hooks = [*_global_forward_hooks.values(), *self._forward_hooks.values()]
            output = _post_hooks(self, hooks, args, output)
        return output

    # The description: what the analysis reads -----------------------------------------

    #: What the analysis takes a call of this module for; each leaf class declares its
    #: own (a module of no declared kind, such as a user's leaf module, is ``OTHER``).
    _kind: ClassVar[Kind] = Kind.OTHER

    #: The spatial axes of the layer (0: no fixed rank; its spatial axes are those
    #: after the batch and channel axes).
    _dims: ClassVar[int] = 0

    def _call_fields(self) -> dict[str, Any]:
        """The [`LayerCall`][convdims.description.LayerCall] fields that a call of this
        module fills beyond names, shapes and parameters: its window, channels, groups
        (and a ``kind`` where an instance differs from its class). A leaf class
        declares its own; ``{}`` here."""
        return {}

    def _layer_call(
        self,
        name: str,
        input_shape: tuple[int, ...],
        output_shape: tuple[int, ...],
        *,
        params: int = 0,
        param_bytes: int = 0,
        inputs: tuple[int, ...] = (),
    ) -> LayerCall:
        """One call of this module as a framework-neutral
        [`LayerCall`][convdims.description.LayerCall] (``params`` 0: already counted
        on an earlier call)."""
        dims = self._dims
        fields: dict[str, Any] = {"kind": self._kind, **self._call_fields()}
        bias = self._parameters.get("bias")
        own = self._parameters.items()
        return LayerCall(
            name,
            type(self).__name__,
            output_shape=output_shape,
            input_spatial=_spatial(input_shape, dims),
            output_spatial=_spatial(output_shape, dims),
            params=params,
            bias_params=bias.numel() if params and isinstance(bias, Tensor) else 0,
            param_bytes=param_bytes,
            inputs=inputs,
            param_counts=tuple((n, p.numel()) for n, p in own if p is not None),
            owner=self,
            **fields,
        )

    # Printing, as PyTorch prints ------------------------------------------------------

    def extra_repr(self) -> str:
        """The arguments shown inside the parentheses when the module is printed."""
        return ""

    def _get_name(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        extra = self.extra_repr()
        extra_lines = extra.split("\n") if extra else []
        child_lines = [
            f"({name}): " + _add_indent(repr(module), 2)
            for name, module in self._modules.items()
        ]
        lines = extra_lines + child_lines
        main = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main += lines[0]
            else:
                main += "\n  " + "\n  ".join(lines) + "\n"
        return main + ")"

    def __dir__(self) -> list[str]:
        return sorted(
            set(super().__dir__())
            | set(self._parameters)
            | set(self._buffers)
            | set(self._modules)
        )

    def load_state_dict(
        self, state_dict: Any, strict: bool = True, assign: bool = False
    ) -> Any:
        """Accepts the weights a ``torchvision.models`` builder asks for (their download
        is skipped: weights change no shape or count) and refuses any other state dict,
        which would need values convdims does not keep."""
        if getattr(state_dict, "skipped_download", False):
            from collections import namedtuple

            keys = namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])
            return keys([], [])
        from convdims.standin import Unsupported

        raise Unsupported("Module.load_state_dict")

    def state_dict(self) -> OrderedDict[str, Tensor]:
        """Parameters and persistent buffers by dotted name (shapes only)."""
        state: OrderedDict[str, Tensor] = OrderedDict(self.named_parameters())
        state.update(self.named_buffers())
        return state


_module_train = Module.train
_MODULE.append(Module)
_module_named_modules = Module.named_modules
