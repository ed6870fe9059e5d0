"""A training script's setup around a model: datasets and loaders, cuDNN flags, mixed
precision on a machine without CUDA, DataParallel, random integers, devices."""

import warnings

import torch
import torch.backends.cudnn as cudnn
import torch.distributed as dist
from torch.cuda.amp import GradScaler, autocast
from torch.utils.data import (
    ConcatDataset,
    DataLoader,
    Dataset,
    Subset,
    TensorDataset,
    random_split,
)
from torchinfo import summary


class Toy(Dataset):
    def __len__(self):
        return 10

    def __getitem__(self, i):
        return torch.randn(3, 8, 8), i


train, val = random_split(Toy(), [8, 2])
for x, y in DataLoader(train, batch_size=3, shuffle=True, drop_last=True):
    print(x.shape, y.shape, y.dtype)
ds = TensorDataset(torch.randn(5, 4), torch.randint(0, 2, (5,)))
print(len(DataLoader(ds, batch_size=2)), next(iter(DataLoader(ds, batch_size=2)))[0].shape)
cudnn.benchmark = True
model = torch.nn.DataParallel(torch.nn.Conv2d(3, 4, 3))
summary(model, input_size=(2, 3, 8, 8))
print(torch.randint(0, 10, (4, 2)).shape, torch.randint(5, (3,)).dtype)
print(torch.randperm(7).shape)
print(torch.device("cuda:1"), repr(torch.device("cuda", 0)), torch.device("cpu") == "cpu")
print(dist.is_available(), dist.is_initialized())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    scaler = GradScaler()
    with autocast():
        pass
    with torch.autocast("cuda"):
        pass
print(scaler.is_enabled(), [str(w.message) for w in caught])
both = ConcatDataset([ds, ds])
print(len(both), both[7][0].shape, len(Subset(ds, [0, 2])))
for x, y in DataLoader(ds, batch_size=None):
    print(x.shape, y.shape)
    break
