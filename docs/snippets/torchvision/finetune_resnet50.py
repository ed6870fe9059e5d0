"""Fine-tune torchvision's ResNet-50 for 10 classes: start from its ImageNet weights,
freeze the backbone and give it a new head."""

from torch import nn
from torchinfo import summary
from torchvision import models

weights = models.ResNet50_Weights.IMAGENET1K_V2
model = models.resnet50(weights=weights)
for parameter in model.parameters():
    parameter.requires_grad = False
model.fc = nn.Linear(model.fc.in_features, 10)

print(f"{weights}: {len(weights.meta['categories'])} ImageNet classes, now 10")
summary(model, input_size=(1, 3, 224, 224), depth=1)
