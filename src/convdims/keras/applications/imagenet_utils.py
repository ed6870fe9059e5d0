# Derived from Keras: https://github.com/keras-team/keras
# Path: keras/src/applications/imagenet_utils.py
# Tag: v3.15.1 (commit 250b42181ce9f37df68319d8f4753ec89a349a43), the file the keras
#   3.15.1 wheel installs. Licence: Apache-2.0 (Copyright The Keras team; see Keras's
#   LICENSE). convdims is a shapes-only lookalike of Keras.
# Changes:
# - imports: keras.src.* -> convdims.keras.*; keras_export decorators removed; numpy is
#   not imported (convdims has no dependencies): a NumPy array is recognised by type,
#   and numpy is taken from sys.modules only when one is passed in.
# - _preprocess_tensor_input: the per-channel constants are a shape-only _Constant
#   (Keras makes a backend tensor of them) so that `x += mean_tensor` is the `add` row
#   of the graph Keras records; the arithmetic and its order are Keras's.
# - decode_predictions: after Keras's shape check, refuses (convdims.standin.Unsupported):
#   it needs the predicted values and ImageNet's class index, a download.
# - docstrings shortened; document_applications() (convdims's) writes the docstring of
#   every application function.
# - formatted by ruff (line length 92).
"""``keras.applications.imagenet_utils``: the input checks every application shares
(``obtain_input_shape``, ``validate_activation``, ``correct_pad``) and
``preprocess_input``, as Keras 3.15 has them.

>>> from convdims import keras
>>> x = keras.Input((224, 224, 3))
>>> preprocess_input(x, mode="tf").shape
(None, 224, 224, 3)
"""

import sys
import warnings

from convdims.keras import activations, backend, ops

CLASS_INDEX = None
CLASS_INDEX_PATH = (
    "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
)

PREPROCESS_INPUT_DOC = """Preprocesses a tensor or NumPy array encoding a batch of images.

  On a symbolic tensor (``keras.Input``) it adds to the graph the operations Keras adds
  (their rows in the summary); on a NumPy array it computes as Keras does.

  Args:
        x: A floating point `numpy.array` or a tensor, 3D or 4D with 3 color channels,
            with values in the range [0, 255].
        data_format: Optional data format of the image tensor/array. None means the
            global setting `keras.backend.image_data_format()`.{mode}

  Returns:
      Preprocessed array or tensor with type `float32`.
      {ret}

  Raises:
      {error}
  """

PREPROCESS_INPUT_MODE_DOC = """
    mode: One of "caffe", "tf" or "torch". caffe: RGB to BGR, then each channel
      zero-centered on ImageNet, without scaling; tf: pixels scaled to [-1, 1];
      torch: pixels scaled to [0, 1], then each channel normalized on ImageNet.
      Defaults to `"caffe"`.
  """

PREPROCESS_INPUT_DEFAULT_ERROR_DOC = """
    ValueError: In case of unknown `mode` or `data_format` argument."""

PREPROCESS_INPUT_ERROR_DOC = """
    ValueError: In case of unknown `data_format` argument."""

PREPROCESS_INPUT_RET_DOC_TF = """
      The inputs pixel values are scaled between -1 and 1, sample-wise."""

PREPROCESS_INPUT_RET_DOC_TORCH = """
      The input pixels values are scaled between 0 and 1 and each channel is
      normalized with respect to the ImageNet dataset."""

PREPROCESS_INPUT_RET_DOC_CAFFE = """
      The images are converted from RGB to BGR, then each color channel is
      zero-centered with respect to the ImageNet dataset, without scaling."""

APPLICATION_DOC = """

    convdims builds the architecture exactly as Keras 3.15 builds it (the same layers,
    names, shapes and parameter counts) and checks every argument as Keras does,
    `weights` included: `None`, `"imagenet"` or the path of an existing file. It never
    downloads or loads weights, which change no shape or count.

    Args:
        include_top: whether to include the classifier on top.
        weights: `None`, `"imagenet"` or the path to a weights file (checked, never
            loaded).
        input_tensor: optional symbolic tensor to use as the model's input.
        input_shape: optional shape tuple, when `include_top` is False or with
            `weights=None`.
        pooling: `None`, `"avg"` or `"max"`: the pooling of the last feature map
            when `include_top` is False.
        classes: number of classes, with `include_top` and without pretrained weights.
        classifier_activation: the activation of the top layer (`None`, `"softmax"`,
            or any with `weights=None`).
        name: the model's name.

    Returns:
        A Functional model.

    Raises:
        ValueError: an argument Keras refuses, with Keras's message.
    """


def document_applications(*functions):
    """Give each application function its docstring (convdims's, see the header)."""
    for function in functions:
        function.__doc__ = f"Instantiates the {function.__name__} architecture." + (
            APPLICATION_DOC
        )


def _is_numpy_array(x):
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(x, numpy.ndarray)


def preprocess_input(x, data_format=None, mode="caffe"):
    """Preprocesses a tensor or Numpy array encoding a batch of images."""
    if mode not in {"caffe", "tf", "torch"}:
        raise ValueError(
            f"Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode={mode}"
        )

    if data_format is None:
        data_format = backend.image_data_format()
    elif data_format not in {"channels_first", "channels_last"}:
        raise ValueError(
            "Expected data_format to be one of `channels_first` or "
            f"`channels_last`. Received: data_format={data_format}"
        )

    if _is_numpy_array(x):
        return _preprocess_numpy_input(x, data_format=data_format, mode=mode)
    else:
        return _preprocess_tensor_input(x, data_format=data_format, mode=mode)


preprocess_input.__doc__ = PREPROCESS_INPUT_DOC.format(
    mode=PREPROCESS_INPUT_MODE_DOC,
    ret="",
    error=PREPROCESS_INPUT_DEFAULT_ERROR_DOC,
)


def decode_predictions(preds, top=5):
    """Decodes the prediction of an ImageNet model: refused by convdims, after Keras's
    check of the shape (a batch of 1000 scores).

    It needs the predicted values and ImageNet's class index (a download); convdims
    computes shapes and counts only.

    Raises:
        ValueError: `preds` is not of shape (samples, 1000), as in Keras.
        convdims.standin.Unsupported: otherwise.
    """
    if len(preds.shape) != 2 or preds.shape[1] != 1000:
        raise ValueError(
            "`decode_predictions` expects "
            "a batch of predictions "
            "(i.e. a 2D array of shape (samples, 1000)). "
            f"Received array with shape: {preds.shape}"
        )
    from convdims.standin import Unsupported

    raise Unsupported("keras.applications.imagenet_utils.decode_predictions")


def _preprocess_numpy_input(x, data_format, mode):
    """Preprocesses a NumPy array encoding a batch of images (Keras's code)."""
    np = sys.modules["numpy"]
    if not issubclass(x.dtype.type, np.floating):
        x = x.astype(backend.floatx(), copy=False)

    if mode == "tf":
        x /= 127.5
        x -= 1.0
        return x
    elif mode == "torch":
        x /= 255.0
        mean = [0.485, 0.456, 0.406]
        std = [0.229, 0.224, 0.225]
    else:
        if data_format == "channels_first":
            # 'RGB'->'BGR'
            if len(x.shape) == 3:
                x = x[::-1, ...]
            else:
                x = x[:, ::-1, ...]
        else:
            # 'RGB'->'BGR'
            x = x[..., ::-1]
        mean = [103.939, 116.779, 123.68]
        std = None

    # Zero-center by mean pixel
    if data_format == "channels_first":
        if len(x.shape) == 3:
            x[0, :, :] -= mean[0]
            x[1, :, :] -= mean[1]
            x[2, :, :] -= mean[2]
            if std is not None:
                x[0, :, :] /= std[0]
                x[1, :, :] /= std[1]
                x[2, :, :] /= std[2]
        else:
            x[:, 0, :, :] -= mean[0]
            x[:, 1, :, :] -= mean[1]
            x[:, 2, :, :] -= mean[2]
            if std is not None:
                x[:, 0, :, :] /= std[0]
                x[:, 1, :, :] /= std[1]
                x[:, 2, :, :] /= std[2]
    else:
        x[..., 0] -= mean[0]
        x[..., 1] -= mean[1]
        x[..., 2] -= mean[2]
        if std is not None:
            x[..., 0] /= std[0]
            x[..., 1] /= std[1]
            x[..., 2] /= std[2]
    return x


class _Constant:
    """A constant tensor of known shape (Keras: a backend tensor, not part of the
    graph), for the per-channel mean and standard deviation."""

    def __init__(self, values, shape=None):
        self.values = list(values)
        self.shape = tuple(shape) if shape is not None else (len(self.values),)

    def reshape(self, shape):
        shape = list(shape)
        if -1 in shape:
            known = 1
            for size in shape:
                known *= 1 if size == -1 else size
            shape[shape.index(-1)] = len(self.values) // known
        return _Constant(self.values, shape)


def _preprocess_tensor_input(x, data_format, mode):
    """Preprocesses a tensor encoding a batch of images (Keras's code)."""
    ndim = len(x.shape)

    if mode == "tf":
        x /= 127.5
        x -= 1.0
        return x
    elif mode == "torch":
        x /= 255.0
        mean = [0.485, 0.456, 0.406]
        std = [0.229, 0.224, 0.225]
    else:
        if data_format == "channels_first":
            # 'RGB'->'BGR'
            if len(x.shape) == 3:
                x = ops.stack([x[i, ...] for i in (2, 1, 0)], axis=0)
            else:
                x = ops.stack([x[:, i, :] for i in (2, 1, 0)], axis=1)
        else:
            # 'RGB'->'BGR'
            x = ops.stack([x[..., i] for i in (2, 1, 0)], axis=-1)
        mean = [103.939, 116.779, 123.68]
        std = None

    mean_tensor = _Constant([-value for value in mean])

    # Zero-center by mean pixel
    if data_format == "channels_first":
        if len(x.shape) == 3:
            mean_tensor = mean_tensor.reshape((3, 1, 1))
        else:
            mean_tensor = mean_tensor.reshape((1, 3) + (1,) * (ndim - 2))
    else:
        mean_tensor = mean_tensor.reshape((1,) * (ndim - 1) + (3,))
    x += mean_tensor
    if std is not None:
        std_tensor = _Constant(std)
        if data_format == "channels_first":
            std_tensor = std_tensor.reshape((-1, 1, 1))
        x /= std_tensor
    return x


def obtain_input_shape(
    input_shape,
    default_size,
    min_size,
    data_format,
    require_flatten,
    weights=None,
):
    """Internal utility to compute/validate a model's input shape."""
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        if data_format == "channels_first":
            correct_channel_axis = 1 if len(input_shape) == 4 else 0
            if input_shape[correct_channel_axis] not in {1, 3}:
                warnings.warn(
                    "This model usually expects 1 or 3 input channels. "
                    "However, it was passed an input_shape "
                    f"with {input_shape[0]} input channels.",
                    stacklevel=2,
                )
            default_shape = (input_shape[0], default_size, default_size)
        else:
            if input_shape[-1] not in {1, 3}:
                warnings.warn(
                    "This model usually expects 1 or 3 input channels. "
                    "However, it was passed an input_shape "
                    f"with {input_shape[-1]} input channels.",
                    stacklevel=2,
                )
            default_shape = (default_size, default_size, input_shape[-1])
    else:
        if data_format == "channels_first":
            default_shape = (3, default_size, default_size)
        else:
            default_shape = (default_size, default_size, 3)
    if weights == "imagenet" and require_flatten:
        if input_shape is not None:
            if input_shape != default_shape:
                raise ValueError(
                    "When setting `include_top=True` "
                    "and loading `imagenet` weights, "
                    f"`input_shape` should be {default_shape}.  "
                    f"Received: input_shape={input_shape}"
                )
        return default_shape
    if input_shape:
        if data_format == "channels_first":
            if input_shape is not None:
                if len(input_shape) != 3:
                    raise ValueError("`input_shape` must be a tuple of three integers.")
                if input_shape[0] != 3 and weights == "imagenet":
                    raise ValueError(
                        "The input must have 3 channels; Received "
                        f"`input_shape={input_shape}`"
                    )
                if (input_shape[1] is not None and input_shape[1] < min_size) or (
                    input_shape[2] is not None and input_shape[2] < min_size
                ):
                    raise ValueError(
                        f"Input size must be at least {min_size}"
                        f"x{min_size}; Received: "
                        f"input_shape={input_shape}"
                    )
        else:
            if input_shape is not None:
                if len(input_shape) != 3:
                    raise ValueError("`input_shape` must be a tuple of three integers.")
                if input_shape[-1] != 3 and weights == "imagenet":
                    raise ValueError(
                        "The input must have 3 channels; Received "
                        f"`input_shape={input_shape}`"
                    )
                if (input_shape[0] is not None and input_shape[0] < min_size) or (
                    input_shape[1] is not None and input_shape[1] < min_size
                ):
                    raise ValueError(
                        "Input size must be at least "
                        f"{min_size}x{min_size}; Received: "
                        f"input_shape={input_shape}"
                    )
    else:
        if require_flatten:
            input_shape = default_shape
        else:
            if data_format == "channels_first":
                input_shape = (3, None, None)
            else:
                input_shape = (None, None, 3)
    if require_flatten:
        if None in input_shape:
            raise ValueError(
                "If `include_top` is True, "
                "you should specify a static `input_shape`. "
                f"Received: input_shape={input_shape}"
            )
    return input_shape


def correct_pad(inputs, kernel_size):
    """Returns a tuple for zero-padding for 2D convolution with downsampling."""
    img_dim = 2 if backend.image_data_format() == "channels_first" else 1
    input_size = inputs.shape[img_dim : (img_dim + 2)]
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if input_size[0] is None:
        adjust = (1, 1)
    else:
        adjust = (1 - input_size[0] % 2, 1 - input_size[1] % 2)
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    return (
        (correct[0] - adjust[0], correct[0]),
        (correct[1] - adjust[1], correct[1]),
    )


def validate_activation(classifier_activation, weights):
    """validates that the classifer_activation is compatible with the weights."""
    if weights is None:
        return

    classifier_activation = activations.get(classifier_activation)
    if classifier_activation not in {
        activations.get("softmax"),
        activations.get(None),
    }:
        raise ValueError(
            "Only `None` and `softmax` activations are allowed "
            "for the `classifier_activation` argument when using "
            "pretrained weights, with `include_top=True`; Received: "
            f"classifier_activation={classifier_activation}"
        )


__all__ = ["decode_predictions", "preprocess_input"]
