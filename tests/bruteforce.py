"""Brute-force definitions of the layer arithmetic, sharing no code with convdims.

Each function builds the padded axis as a list of cells and slides the window over it,
counting the positions that fit. They are slow and obvious on purpose: the property tests
hold the formulas in convdims to them.
"""

from __future__ import annotations

PAD, CELL = "pad", "in"


def _axis(size: int, before: int, after: int) -> list[str]:
    return [PAD] * before + [CELL] * size + [PAD] * after


def _taps(start: int, kernel: int, dilation: int) -> list[int]:
    return [start + j * dilation for j in range(kernel)]


def count_windows(
    size: int, kernel: int, stride: int, before: int, after: int, dilation: int = 1
) -> int:
    """Windows that lie entirely inside the padded axis, one every ``stride`` cells."""
    axis = _axis(size, before, after)
    count = 0
    for start in range(0, len(axis), stride):
        if all(tap < len(axis) for tap in _taps(start, kernel, dilation)):
            count += 1
    return count


def tf_same_split(size: int, kernel: int, stride: int, dilation: int) -> tuple[int, int]:
    """The least total padding that yields one output per stride step, extra cell after.

    TensorFlow's 'same' promises as many outputs as there are cells ``0, S, 2S, ...`` in
    the input; search the smallest total padding that delivers that many windows.
    """
    wanted = len(range(0, size, stride))
    total = 0
    while (
        count_windows(size, kernel, stride, total // 2, total - total // 2, dilation)
        != wanted
    ):
        total += 1
    return total // 2, total - total // 2


def padding_pair(
    padding, size: int, kernel: int, stride: int, dilation: int
) -> tuple[int, int]:
    """Cells before and after for each padding form, from the window's reach."""
    reach = (
        len(range(0, dilation * (kernel - 1) + 1)) - 1
    )  # cells a window spans, minus one
    if padding == "valid":
        return 0, 0
    if padding == "same":
        return tf_same_split(size, kernel, stride, dilation)
    if padding == "full":
        return reach, reach
    if padding == "causal":
        return reach, 0
    if isinstance(padding, tuple):
        return padding
    return padding, padding


def conv_size(size, kernel, stride, padding, dilation):
    """Number of window positions, or None when none fits."""
    before, after = padding_pair(padding, size, kernel, stride, dilation)
    count = count_windows(size, kernel, stride, before, after, dilation)
    return count or None


def pool_size(size, kernel, stride, padding, dilation, ceil_mode, half_bound=False):
    """Pooling: full windows, plus (ceil_mode) partial ones at the end.

    A partial window may hang past the padded end by fewer than ``stride`` cells, and
    only if it starts inside the input or the left padding. Explicit padding of a whole
    window or more on a side (a window of padding only) is refused (None); with
    ``half_bound`` (PyTorch's rule), padding above ``kernel // 2`` is.
    """
    if not isinstance(padding, str):
        before, after = padding if isinstance(padding, tuple) else (padding, padding)
        limit = kernel // 2 if half_bound else dilation * (kernel - 1)
        if before > limit or after > limit:
            return None
    before, after = padding_pair(padding, size, kernel, stride, dilation)
    axis = _axis(size, before, after)
    count = 0
    for start in range(0, len(axis) + stride, stride):
        taps = _taps(start, kernel, dilation)
        overhang = sum(1 for tap in range(start, taps[-1] + 1) if tap >= len(axis))
        inside_start = start < before + size
        if overhang == 0 or (ceil_mode and overhang < stride and inside_start):
            count += 1
    return count or None


def transpose_size(size, kernel, stride, padding, output_padding, dilation):
    """Scatter each input cell through each tap; crop and extend as each framework does."""
    touched = {i * stride + j * dilation for i in range(size) for j in range(kernel)}
    full = len(range(0, max(touched) + 1))
    reach = dilation * (kernel - 1) + 1
    if padding == "valid":
        if output_padding is None:
            result = max(full, size * stride)
        else:
            result = full + output_padding
    elif padding == "same":
        if output_padding is None:
            # the largest output that a 'same' convolution maps back onto `size` cells
            result = max(
                n
                for n in range(1, size * stride + stride + 1)
                if len(range(0, n, stride)) == size
            )
        else:
            crop = reach // 2
            kept = [cell for cell in range(full) if crop <= cell < full - crop]
            result = len(kept) + output_padding
    else:
        before, after = padding if isinstance(padding, tuple) else (padding, padding)
        # cropping more cells than the scatter produced leaves a negative length
        result = full - before - after + (output_padding or 0)
    return result if result >= 1 else None


def read_cells(
    size: int, kernel: int, stride: int, before: int, windows: int, dilation: int = 1
) -> list[int]:
    """Input cells (0-based, input coordinates) that one of ``windows`` windows reads.

    Window n starts at padded cell ``n*stride`` and reads every ``dilation``-th cell from
    there, ``kernel`` of them; the input starts after ``before`` cells of padding.
    """
    read = set()
    for n in range(windows):
        for tap in _taps(n * stride, kernel, dilation):
            read.add(tap - before)
    return [cell for cell in range(size) if cell in read]
