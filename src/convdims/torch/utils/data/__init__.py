"""``torch.utils.data`` for shapes: datasets, samplers and the ``DataLoader`` that
batches them, as PyTorch does, on tensors that hold shapes only.

A script's own ``Dataset`` subclass works as in PyTorch. Batching stacks the samples'
shapes (``default_collate``), so a loop over a ``DataLoader`` of a ``TensorDataset``
gives the batches PyTorch gives; a dataset that reads files still needs its files.

>>> from convdims import torch
>>> from convdims.torch.utils.data import DataLoader, TensorDataset
>>> data = TensorDataset(torch.zeros(10, 3, 8, 8), torch.zeros(10, dtype=torch.long))
>>> loader = DataLoader(data, batch_size=4)
>>> len(loader), [tuple(x.shape) for x, _ in loader]
(3, [(4, 3, 8, 8), (4, 3, 8, 8), (2, 3, 8, 8)])
"""

from __future__ import annotations

import math

from convdims.torch.utils.data import distributed
from convdims.torch.utils.data.distributed import DistributedSampler

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


class Dataset:
    """``torch.utils.data.Dataset``: a script's datasets subclass it."""

    def __getitem__(self, index: Any) -> Any:
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")

    def __add__(self, other: Dataset) -> ConcatDataset:
        return ConcatDataset([self, other])


class IterableDataset(Dataset):
    """``torch.utils.data.IterableDataset``: a stream of samples (``__iter__``)."""

    def __iter__(self) -> Iterator[Any]:
        raise NotImplementedError(
            "Subclasses of IterableDataset should implement __iter__."
        )


class TensorDataset(Dataset):
    """``torch.utils.data.TensorDataset``: sample ``i`` is every tensor's row ``i``."""

    def __init__(self, *tensors: Any) -> None:
        if any(tensors[0].size(0) != tensor.size(0) for tensor in tensors):
            raise AssertionError("Size mismatch between tensors")
        self.tensors = tensors

    def __getitem__(self, index: Any) -> tuple[Any, ...]:
        return tuple(tensor[index] for tensor in self.tensors)

    def __len__(self) -> int:
        return self.tensors[0].size(0)


class Subset(Dataset):
    """``torch.utils.data.Subset``: the samples of ``dataset`` at ``indices``."""

    def __init__(self, dataset: Any, indices: Any) -> None:
        self.dataset, self.indices = dataset, indices

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, list):
            return self.dataset[[self.indices[i] for i in index]]
        return self.dataset[self.indices[index]]

    def __len__(self) -> int:
        return len(self.indices)


class ConcatDataset(Dataset):
    """``torch.utils.data.ConcatDataset``: datasets one after the other."""

    def __init__(self, datasets: Any) -> None:
        self.datasets = list(datasets)
        if not self.datasets:
            raise AssertionError("datasets should not be an empty iterable")
        self.cumulative_sizes = []
        total = 0
        for dataset in self.datasets:
            total += len(dataset)
            self.cumulative_sizes.append(total)

    def __len__(self) -> int:
        return self.cumulative_sizes[-1]

    def __getitem__(self, index: int) -> Any:
        if index < 0:
            if -index > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            index += len(self)
        start = 0
        for dataset, end in zip(self.datasets, self.cumulative_sizes, strict=True):
            if index < end:
                return dataset[index - start]
            start = end
        raise IndexError("list index out of range")


def random_split(dataset: Any, lengths: Any, generator: Any = None) -> list[Subset]:
    """``torch.utils.data.random_split``: subsets of the given lengths (or fractions)
    that cover the dataset; which samples land where does not change a shape, so the
    split here keeps their order."""
    size = len(dataset)
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        counts = [int(math.floor(size * fraction)) for fraction in lengths]
        for i in range(size - sum(counts)):
            counts[i % len(counts)] += 1
        lengths = counts
    if sum(lengths) != size:
        raise ValueError(
            "Sum of input lengths does not equal the length of the input dataset!"
        )
    subsets, start = [], 0
    for length in lengths:
        subsets.append(Subset(dataset, range(start, start + length)))
        start += length
    return subsets


class Sampler:
    """``torch.utils.data.Sampler``: the indices a loader draws."""

    def __init__(self, data_source: Any = None) -> None:
        self.data_source = data_source

    def __iter__(self) -> Iterator[int]:
        raise NotImplementedError


class SequentialSampler(Sampler):
    """``torch.utils.data.SequentialSampler``: 0, 1, 2, ..."""

    def __init__(self, data_source: Any) -> None:
        self.data_source = data_source

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self.data_source)))

    def __len__(self) -> int:
        return len(self.data_source)


class RandomSampler(Sampler):
    """``torch.utils.data.RandomSampler``: every index once (or ``num_samples`` of
    them); the order does not change a shape, so they come in order here."""

    def __init__(
        self,
        data_source: Any,
        replacement: bool = False,
        num_samples: int | None = None,
        generator: Any = None,
    ) -> None:
        self.data_source, self.replacement = data_source, replacement
        self._num_samples, self.generator = num_samples, generator
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(
                "num_samples should be a positive integer value, but got "
                f"num_samples={self.num_samples}"
            )

    @property
    def num_samples(self) -> int:
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self) -> Iterator[int]:
        size = len(self.data_source)
        return iter(i % size for i in range(self.num_samples))

    def __len__(self) -> int:
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """``torch.utils.data.SubsetRandomSampler``: the given indices."""

    def __init__(self, indices: Any, generator: Any = None) -> None:
        self.indices, self.generator = indices, generator

    def __iter__(self) -> Iterator[int]:
        return iter(self.indices)

    def __len__(self) -> int:
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """``torch.utils.data.WeightedRandomSampler``: ``num_samples`` indices."""

    def __init__(
        self,
        weights: Any,
        num_samples: int,
        replacement: bool = True,
        generator: Any = None,
    ) -> None:
        if (
            not isinstance(num_samples, int)
            or isinstance(num_samples, bool)
            or num_samples <= 0
        ):
            raise ValueError(
                "num_samples should be a positive integer value, but got "
                f"num_samples={num_samples}"
            )
        self.weights, self.num_samples = list(weights), num_samples
        self.replacement, self.generator = replacement, generator

    def __iter__(self) -> Iterator[int]:
        return iter(i % len(self.weights) for i in range(self.num_samples))

    def __len__(self) -> int:
        return self.num_samples


class BatchSampler(Sampler):
    """``torch.utils.data.BatchSampler``: the sampler's indices in batches."""

    def __init__(self, sampler: Any, batch_size: int, drop_last: bool) -> None:
        if (
            not isinstance(batch_size, int)
            or isinstance(batch_size, bool)
            or batch_size <= 0
        ):
            raise ValueError(
                "batch_size should be a positive integer value, but got "
                f"batch_size={batch_size}"
            )
        if not isinstance(drop_last, bool):
            raise ValueError(
                f"drop_last should be a boolean value, but got drop_last={drop_last}"
            )
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self) -> Iterator[list[int]]:
        batch: list[int] = []
        for index in self.sampler:
            batch.append(index)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self) -> int:
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return -(-len(self.sampler) // self.batch_size)


def default_collate(batch: list[Any]) -> Any:
    """``torch.utils.data.default_collate``: samples stacked into one batch (tensors
    along a new first axis, numbers into a tensor, tuples and dicts field by field)."""
    from convdims import torch

    first = batch[0]
    if isinstance(first, torch.Tensor):
        return torch.stack(batch, 0)
    if isinstance(first, bool):
        return torch.tensor(batch, dtype=torch.bool)
    if isinstance(first, int):
        return torch.tensor(batch, dtype=torch.long)
    if isinstance(first, float):
        return torch.tensor(batch, dtype=torch.float64)
    if isinstance(first, str):
        return list(batch)
    if isinstance(first, dict):
        return {key: default_collate([sample[key] for sample in batch]) for key in first}
    if isinstance(first, (tuple, list)):
        if any(len(sample) != len(first) for sample in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        columns = [default_collate(list(column)) for column in zip(*batch, strict=True)]
        return tuple(columns) if isinstance(first, tuple) else columns
    from convdims.standin import Unsupported

    raise Unsupported(f"torch.utils.data.default_collate of {type(first).__name__}")


class DataLoader:
    """``torch.utils.data.DataLoader``: a dataset in batches; ``num_workers``,
    ``pin_memory`` and the like change no shape and are kept as given."""

    def __init__(
        self,
        dataset: Any,
        batch_size: int | None = 1,
        shuffle: bool | None = None,
        sampler: Any = None,
        batch_sampler: Any = None,
        num_workers: int = 0,
        collate_fn: Any = None,
        pin_memory: bool = False,
        drop_last: bool = False,
        timeout: float = 0,
        worker_init_fn: Any = None,
        multiprocessing_context: Any = None,
        generator: Any = None,
        *,
        prefetch_factor: int | None = None,
        persistent_workers: bool = False,
        pin_memory_device: str = "",
        in_order: bool = True,
    ) -> None:
        if num_workers < 0:
            raise ValueError(
                "num_workers option should be non-negative; use num_workers=0 to disable "
                "multiprocessing."
            )
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None and (
            batch_size != 1 or shuffle or sampler is not None or drop_last
        ):
            raise ValueError(
                "batch_sampler option is mutually exclusive with batch_size, shuffle, "
                "sampler, and drop_last"
            )
        self.dataset, self.num_workers, self.pin_memory = dataset, num_workers, pin_memory
        self.timeout, self.worker_init_fn = timeout, worker_init_fn
        self.prefetch_factor, self.persistent_workers = prefetch_factor, persistent_workers
        self.generator, self.drop_last = generator, drop_last
        iterable = isinstance(dataset, IterableDataset)
        if sampler is None and not iterable:
            sampler = RandomSampler(dataset) if shuffle else SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None and not iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        if batch_sampler is not None:
            batch_size, drop_last = None, False
        self.sampler, self.batch_sampler = sampler, batch_sampler
        self.batch_size = (
            batch_size
            if batch_sampler is None
            else getattr(batch_sampler, "batch_size", None)
        )
        self.collate_fn = collate_fn or (
            default_collate if batch_size is not None or batch_sampler is not None else _one
        )
        self._batch = batch_size

    def __iter__(self) -> Iterator[Any]:
        if isinstance(self.dataset, IterableDataset):
            yield from self._iterable()
            return
        if self.batch_sampler is None:
            for index in self.sampler:
                yield self.collate_fn(self.dataset[index])
            return
        for indices in self.batch_sampler:
            yield self.collate_fn([self.dataset[i] for i in indices])

    def _iterable(self) -> Iterator[Any]:
        if self._batch is None:
            yield from (self.collate_fn(sample) for sample in self.dataset)
            return
        batch: list[Any] = []
        for sample in self.dataset:
            batch.append(sample)
            if len(batch) == self._batch:
                yield self.collate_fn(batch)
                batch = []
        if batch and not self.drop_last:
            yield self.collate_fn(batch)

    def __len__(self) -> int:
        if isinstance(self.dataset, IterableDataset):
            size = len(self.dataset)
            if self._batch is None:
                return size
            return size // self._batch if self.drop_last else -(-size // self._batch)
        if self.batch_sampler is not None:
            return len(self.batch_sampler)
        return len(self.sampler)


def _one(sample: Any) -> Any:
    return sample


def get_worker_info() -> None:
    """``torch.utils.data.get_worker_info``: None (no worker processes here)."""
    return None


__all__ = [
    "BatchSampler",
    "ConcatDataset",
    "DataLoader",
    "Dataset",
    "DistributedSampler",
    "IterableDataset",
    "RandomSampler",
    "Sampler",
    "SequentialSampler",
    "Subset",
    "SubsetRandomSampler",
    "TensorDataset",
    "WeightedRandomSampler",
    "default_collate",
    "distributed",
    "get_worker_info",
    "random_split",
]
