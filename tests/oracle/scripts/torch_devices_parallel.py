"""A model file's device handling: cuda if available, DataParallel over the GPUs there
are, cuDNN's benchmark flag, no_grad inference."""

import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.nn.parallel
import torch.utils.data

m = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
m = m.to(device)
if torch.cuda.device_count() > 1:
    m = nn.DataParallel(m)
m = torch.nn.parallel.DataParallel(m)
print(m)
cudnn.benchmark = True
print(m(torch.randn(2, 3, 16, 16, device=device)).shape)
print(sum(p.numel() for p in m.parameters() if p.requires_grad))
with torch.no_grad():
    y = m(torch.zeros(1, 3, 8, 8))
print(y.size(), y.dim(), y.dtype, y.device)
