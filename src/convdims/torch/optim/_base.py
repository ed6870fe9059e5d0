"""What PyTorch's optimizers and schedulers share here: their arguments checked as
PyTorch checks them, and kept (convdims never trains)."""

from __future__ import annotations

from convdims._configured import _Configured

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: PyTorch's checks of an optimizer's numbers: argument -> what its error calls it.
_NON_NEGATIVE = {
    "lr": "learning rate",
    "momentum": "momentum value",
    "eps": "epsilon value",
    "weight_decay": "weight_decay value",
    "alpha": "alpha value",
    "rho": "rho value",
    "lr_decay": "lr_decay value",
}


def _refused(what: str) -> Exception:
    from convdims.standin import Unsupported

    return Unsupported(what)


class _Optimizer(_Configured):
    """``torch.optim.Optimizer``: its parameter groups and defaults, as PyTorch makes
    them; ``step`` is refused, ``zero_grad`` has nothing to clear."""

    #: Defaults the class adds to its arguments (AdamW's decoupled weight decay).
    _extra_defaults: dict[str, Any] = {}

    def _check_extra(self, extra: dict[str, Any]) -> None:
        config = dict(self._pending)
        for name, what in _NON_NEGATIVE.items():
            number = config.get(name)
            if isinstance(number, (int, float)) and not isinstance(number, bool):
                if number < 0:
                    raise ValueError(f"Invalid {what}: {number}")
        for index, beta in enumerate(config.get("betas") or ()):
            if isinstance(beta, (int, float)) and not 0.0 <= beta < 1.0:
                raise ValueError(f"Invalid beta parameter at index {index}: {beta}")
        if config.get("nesterov") and (
            not config.get("momentum") or config.get("dampening", 0) != 0
        ):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from convdims._configured import _spec

        positional, names, defaults, _, _ = _spec(type(self))
        self._pending = {**defaults, **dict(zip(positional, args, strict=False)), **kwargs}
        super().__init__(*args, **kwargs)
        del self._pending
        params = self._config.pop("params")
        self.__dict__.pop("params", None)
        if type(self).__name__ == "Optimizer":
            self.defaults = dict(self._config.pop("defaults"))
        else:
            self.defaults = dict(self._config)
        try:
            items = list(params)
        except TypeError:
            raise TypeError(f"'{type(params).__name__}' object is not iterable") from None
        if not items:
            raise ValueError("optimizer got an empty parameter list")
        groups = items if isinstance(items[0], dict) else [{"params": items}]
        self._finish_defaults(items)
        self.param_groups: list[dict[str, Any]] = []
        for group in groups:
            self.add_param_group(group)
        self.state: dict[Any, Any] = {}

    def _finish_defaults(self, params: list[Any]) -> None:
        """What the class adds to its defaults, or checks of its parameters."""
        self.defaults.update(self._extra_defaults)

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Nothing to clear: no gradient is ever computed here."""

    def step(self, closure: Any = None) -> Any:
        raise _refused(f"{type(self).__name__}.step")

    def state_dict(self) -> Any:
        raise _refused(f"{type(self).__name__}.state_dict")

    def load_state_dict(self, state_dict: Any) -> None:
        raise _refused(f"{type(self).__name__}.load_state_dict")

    def add_param_group(self, param_group: dict[str, Any]) -> None:
        """A group of parameters with its own settings (the defaults fill the rest)."""
        group = dict(param_group)
        members = group["params"]
        # One tensor is a group of one, as PyTorch has it; anything else is iterated.
        group["params"] = [members] if hasattr(members, "shape") else list(members)
        self.param_groups.append({**self.defaults, **group})


class _LRScheduler(_Configured):
    """``torch.optim.lr_scheduler.LRScheduler``: which optimizer it drives and how;
    ``step`` and the learning rates it would give are refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        optimizer = self._config.get("optimizer")
        if optimizer is not None and not isinstance(optimizer, _Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")

    def step(self, *args: Any, **kwargs: Any) -> None:
        raise _refused(f"{type(self).__name__}.step")

    def get_last_lr(self) -> Any:
        raise _refused(f"{type(self).__name__}.get_last_lr")

    def state_dict(self) -> Any:
        raise _refused(f"{type(self).__name__}.state_dict")
