"""Parameter counts of PyTorch layers; BatchNorm's statistics are buffers."""

from torch import nn

layers = {
    "Conv2d(32, 64, 3)": nn.Conv2d(32, 64, 3),
    "Conv2d(32, 64, 3, groups=4)": nn.Conv2d(32, 64, 3, groups=4),
    "Conv2d(32, 64, 3, bias=False)": nn.Conv2d(32, 64, 3, bias=False),
    "Conv2d(32, 32, 3, groups=32)": nn.Conv2d(32, 32, 3, groups=32),
    "Conv2d(32, 64, 1)": nn.Conv2d(32, 64, 1),  # pointwise
    "Linear(128, 10)": nn.Linear(128, 10),
    "BatchNorm2d(64)": nn.BatchNorm2d(64),
}
for name, layer in layers.items():
    print(f"{name:30} {sum(p.numel() for p in layer.parameters()):>6,}")

bn = layers["BatchNorm2d(64)"]
print("parameters:", [name for name, _ in bn.named_parameters()])
print("buffers:", [name for name, _ in bn.named_buffers()])
