"""torch/utils/data: datasets, samplers and the DataLoader's batches (shapes only)."""

from __future__ import annotations

import pytest

from convdims import torch
from convdims.torch.utils.data import (
    BatchSampler,
    DataLoader,
    IterableDataset,
    SequentialSampler,
    TensorDataset,
    random_split,
)


def _data(n: int = 10) -> TensorDataset:
    return TensorDataset(torch.zeros(n, 3, 4), torch.zeros(n, dtype=torch.long))


def test_batches_and_the_last_one():
    shapes = [tuple(x.shape) for x, _ in DataLoader(_data(), batch_size=4)]
    assert shapes == [(4, 3, 4), (4, 3, 4), (2, 3, 4)]
    assert len(DataLoader(_data(), batch_size=4, drop_last=True)) == 2


def test_a_batch_sampler_of_ones_own():
    loader = DataLoader(_data(), batch_sampler=[[0, 1, 2], [3]])
    assert [tuple(y.shape) for _, y in loader] == [(3,), (1,)]
    assert loader.batch_size is None and len(loader) == 2
    sampler = BatchSampler(SequentialSampler(_data()), 3, drop_last=False)
    assert len(DataLoader(_data(), batch_sampler=sampler)) == 4


def test_an_iterable_dataset_is_batched_as_it_streams():
    class Stream(IterableDataset):
        def __iter__(self):
            return iter(torch.zeros(5) for _ in range(7))

    assert [tuple(b.shape) for b in DataLoader(Stream(), batch_size=3)] == [
        (3, 5),
        (3, 5),
        (1, 5),
    ]


def test_random_split_by_counts_and_fractions():
    assert [len(s) for s in random_split(_data(), [7, 3])] == [7, 3]
    assert [len(s) for s in random_split(_data(), [0.5, 0.5])] == [5, 5]
    with pytest.raises(ValueError, match="Sum of input lengths"):
        random_split(_data(), [4, 4])


def test_refusals_are_pytorchs():
    with pytest.raises(ValueError, match="mutually exclusive with shuffle"):
        DataLoader(_data(), sampler=SequentialSampler(_data()), shuffle=True)
    with pytest.raises(ValueError, match="num_workers option should be non-negative"):
        DataLoader(_data(), num_workers=-1)
    with pytest.raises(AssertionError, match="Size mismatch between tensors"):
        TensorDataset(torch.zeros(3), torch.zeros(4))
