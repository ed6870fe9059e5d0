"""The geometry of a sliding window along one axis, as plain data.

Everything a table, a derivation or a picture needs to know about one axis of a
convolution or pooling layer: the padding actually applied on each side, where every
window starts, which input cells no window reads. The output-size functions compute it;
renderers only read it.
"""

from __future__ import annotations

import math
from itertools import compress

from convdims._values import value
from convdims.window import AxisWindow, effective_kernel

_NOT = bytes([1, 0]) + bytes(254)  # bytes.translate table: 0 -> 1, 1 -> 0


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def _floor_sum(n: int, m: int, a: int, b: int) -> int:
    """``sum(floor((a*i + b)/m) for i in range(n))`` for ``a, b >= 0``, in O(log) steps
    (the Euclidean-like reduction of AtCoder Library's ``floor_sum``)."""
    total = 0
    while True:
        if a >= m:
            total += n * (n - 1) // 2 * (a // m)
            a %= m
        if b >= m:
            total += n * (b // m)
            b %= m
        y_max = a * n + b
        if y_max < m:
            return total
        n, b = divmod(y_max, m)
        m, a = a, m


def _count_below(limit: int, s: int, d: int, rows: range, taps: range) -> int:
    """How many pairs (n, j), n in ``rows``, j in ``taps``, have ``n*s + j*d < limit``.

    ``rows`` and ``taps`` are ranges of step 1 (their lengths are not taken with ``len``,
    which refuses a length past ``sys.maxsize``)."""
    width = taps.stop - taps.start
    if rows.stop <= rows.start or width <= 0:
        return 0
    top = limit - taps.start * d  # n*s + j'*d < top, j' = j - taps.start in 0..width-1
    # Rows where every tap counts, rows where some do, rows where none does.
    full_end = min(max(_ceil_div(top - (width - 1) * d, s), rows.start), rows.stop)
    none_from = min(max(_ceil_div(top, s), full_end), rows.stop)
    total = (full_end - rows.start) * width
    if none_from > full_end:
        # Row n counts ceil((top - n*s)/d) taps; sum from the last row back (i = 0 ...).
        total += _floor_sum(none_from - full_end, d, s, top - (none_from - 1) * s + d - 1)
    return total


@value
class AxisGeometry:
    """One axis of a convolution or pooling window sliding over a padded input.

    Coordinates are 0-based on the padded axis: the input occupies cells
    ``pad_before .. pad_before + input_size - 1``.

    Examples:
        >>> from convdims import conv_geometry
        >>> g = conv_geometry(11, 2, stride=2)
        >>> g.output_size, g.window_starts, g.unvisited_inputs
        (5, (0, 2, 4, 6, 8), (10,))
    """

    input_size: int
    kernel_size: int
    stride: int
    dilation: int
    pad_before: int
    pad_after: int
    output_size: int
    ceil_mode: bool = False
    last_window: str = "drop"

    @property
    def effective_kernel(self) -> int:
        """K = d*(k - 1) + 1: the span one window covers, holes included."""
        return effective_kernel(self.kernel_size, self.dilation)

    @property
    def window(self) -> AxisWindow:
        """The window alone (kernel, stride, padding applied, dilation), without sizes."""
        return AxisWindow(
            self.kernel_size, self.stride, self.pad_before, self.pad_after, self.dilation
        )

    @property
    def padded_size(self) -> int:
        """Input plus the padding on both sides."""
        return self.pad_before + self.input_size + self.pad_after

    @property
    def window_starts(self) -> tuple[int, ...]:
        """The padded-axis cell where each window starts, one per output cell."""
        return tuple(n * self.stride for n in range(self.output_size))

    @property
    def last_start(self) -> int:
        """Where the last window starts: ``(O - 1)*S`` (``window_starts[-1]``)."""
        return (self.output_size - 1) * self.stride

    def taps(self, start: int) -> tuple[int, ...]:
        """The padded-axis cells a window starting at ``start`` reads (every d-th cell)."""
        return tuple(start + j * self.dilation for j in range(self.kernel_size))

    def _read_below(self, limit: int) -> int:
        """Padded-axis cells below ``limit`` that some window reads, in closed form.

        The cells read are ``n*S + j*d`` (n < O windows, j < k taps). Two pairs give
        the same cell when they differ by a multiple of ``(d/g, -S/g)``, g = gcd(S, d);
        counting only the pair with the smallest n (``n < d/g``, or ``j >= k - S/g``)
        counts each cell once: two rectangles of pairs, each counted in O(log) steps.
        """
        s, d, k, o = self.stride, self.dilation, self.kernel_size, self.output_size
        g = math.gcd(s, d)
        s_g, d_g = s // g, d // g
        return _count_below(limit, s, d, range(min(o, d_g)), range(k)) + _count_below(
            limit, s, d, range(d_g, o), range(max(0, k - s_g), k)
        )

    def _unvisited_below(self, cell: int) -> int:
        """Input cells ``0 .. cell - 1`` (input coordinates) that no window reads."""
        start = self.pad_before
        return cell - (self._read_below(start + cell) - self._read_below(start))

    @property
    def unvisited_count(self) -> int:
        """How many input cells no window reads, in closed form (O(log) steps whatever
        the sizes): ``len(unvisited_inputs)`` without listing them.

        Examples:
            >>> from convdims import conv_geometry, pool_geometry
            >>> conv_geometry(11, 2, stride=2).unvisited_count
            1
            >>> pool_geometry(10**30 + 1, 2).unvisited_count
            1
        """
        return self._unvisited_below(self.input_size)

    def first_unvisited(self, count: int = 8) -> tuple[int, ...]:
        """The first ``count`` input cells no window reads (fewer if there are fewer),
        found by bisection on the closed-form count: the work does not grow with the
        sizes.

        Examples:
            >>> from convdims import conv_geometry
            >>> conv_geometry(10**20, 2, stride=5).first_unvisited(4)
            (2, 3, 4, 7)
        """
        found: list[int] = []
        total = self._unvisited_below(self.input_size)
        low = 0  # the next cell found is at low or after
        while len(found) < min(count, total):
            wanted = len(found) + 1
            # Gallop from low (the cells are mostly near each other), then bisect.
            step, high = 1, low
            while self._unvisited_below(high + 1) < wanted:
                low = high + 1
                high = min(high + step, self.input_size - 1)
                step *= 2
            while low < high:
                middle = (low + high) // 2
                if self._unvisited_below(middle + 1) >= wanted:
                    high = middle
                else:
                    low = middle + 1
            found.append(low)
            low += 1
        return tuple(found)

    def _read_mask(self) -> bytearray:
        """One byte per padded-axis cell (and past the end): 1 where a window reads."""
        s, d, k, o = self.stride, self.dilation, self.kernel_size, self.output_size
        mask = bytearray(self.last_start + self.effective_kernel)
        if k <= o:  # one slice per tap: every window's j-th tap
            for j in range(k):
                mask[j * d : j * d + self.last_start + 1 : s] = b"\x01" * o
        else:  # one slice per window: its taps
            for n in range(o):
                mask[n * s : n * s + self.effective_kernel : d] = b"\x01" * k
        return mask

    def _read_inputs(self) -> bytes:
        """One byte per input cell: 1 where a window reads it."""
        mask = self._read_mask()
        start = self.pad_before
        read = bytes(mask[start : start + self.input_size])
        return read + bytes(self.input_size - len(read))  # cells past the last window

    @property
    def visited_inputs(self) -> tuple[int, ...]:
        """Input cells (0-based, input coordinates) that at least one window reads."""
        return tuple(compress(range(self.input_size), self._read_inputs()))

    @property
    def unvisited_inputs(self) -> tuple[int, ...]:
        """Input cells no window reads: rows the floor throws away, dilation's holes."""
        unread = self._read_inputs().translate(_NOT)
        return tuple(compress(range(self.input_size), unread))

    @property
    def overhang(self) -> int:
        """How many cells the last window reaches past the padded end (ceil_mode only)."""
        if not self.output_size:
            return 0
        last_end = self.last_start + self.effective_kernel
        return max(last_end - self.padded_size, 0)
