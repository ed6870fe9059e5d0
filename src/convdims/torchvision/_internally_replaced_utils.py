"""What torchvision/_internally_replaced_utils.py gives the models: the weights download,
refused here (convdims computes shapes and counts only: the weights change neither)."""

from convdims.torch.hub import load_state_dict_from_url

__all__ = ["load_state_dict_from_url"]
