"""Port the first dense layer after Flatten between PyTorch and Keras (NumPy arrays).

PyTorch flattens a (C, H, W) map channel by channel, Keras an (H, W, C) map pixel by
pixel, so the rows of the weight matrix are in a different order.
"""


def linear_to_dense(weight, c, h, w):
    """PyTorch Linear.weight (out, C*H*W) -> Keras Dense kernel (H*W*C, out)."""
    out = weight.shape[0]
    return weight.reshape(out, c, h, w).transpose(2, 3, 1, 0).reshape(h * w * c, out)


def dense_to_linear(kernel, c, h, w):
    """Keras Dense kernel (H*W*C, out) -> PyTorch Linear.weight (out, C*H*W)."""
    out = kernel.shape[1]
    return kernel.reshape(h, w, c, out).transpose(3, 2, 0, 1).reshape(out, c * h * w)
