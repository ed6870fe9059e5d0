"""The one numpy function torchvision's model code calls (``maxvit.py``:
``np.linspace(0, stochastic_depth_prob, sum(block_layers)).tolist()``), so that
convdims needs no numpy.

>>> linspace(0, 0.2, 5).tolist()
[0.0, 0.05, 0.1, 0.15000000000000002, 0.2]
"""

from __future__ import annotations


class _Values(list):
    def tolist(self) -> list[float]:
        return list(self)


def linspace(start: float, stop: float, num: int = 50) -> _Values:
    """numpy.linspace(start, stop, num), endpoint included, as numpy computes it
    (``start + i * step``, the last value exactly ``stop``)."""
    num = int(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    if num == 1:
        return _Values([float(start)])
    step = (stop - start) / (num - 1) if num > 1 else 0.0
    values = [start + i * step for i in range(num)]
    if num > 1:
        values[-1] = float(stop)
    return _Values(float(v) for v in values)
