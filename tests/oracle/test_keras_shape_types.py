"""compute_output_shape answers with the same kind of sequence as Keras (a snippet that
prints it must print the same text): a list for transposed convolutions, else a tuple."""

from __future__ import annotations

import pytest

from convdims.keras import layers as ours

SHAPES = {1: (None, 10, 3), 2: (None, 10, 10, 3), 3: (None, 6, 6, 6, 3)}
LAYERS = [
    ("Conv1D", (4, 3)),
    ("Conv2D", (4, 3)),
    ("Conv3D", (4, 3)),
    ("Conv1DTranspose", (4, 3)),
    ("Conv2DTranspose", (4, 3)),
    ("Conv3DTranspose", (4, 3)),
    ("DepthwiseConv2D", (3,)),
    ("SeparableConv2D", (4, 3)),
    ("MaxPooling1D", (2,)),
    ("MaxPooling2D", (2,)),
    ("AveragePooling3D", (2,)),
    ("GlobalAveragePooling2D", ()),
    ("GlobalMaxPooling1D", ()),
    ("ZeroPadding2D", (1,)),
    ("Cropping2D", (1,)),
    ("UpSampling2D", (2,)),
    ("Flatten", ()),
    ("Dense", (3,)),
    ("BatchNormalization", ()),
    ("Dropout", (0.5,)),
    ("Activation", ("relu",)),
    ("ReLU", ()),
    ("Reshape", ((-1,),)),
]


@pytest.mark.parametrize(("name", "args"), LAYERS, ids=[name for name, _ in LAYERS])
def test_compute_output_shape_prints_like_keras(keras, name, args):
    rank = 3 if "3D" in name else 1 if "1D" in name else 2
    shape = SHAPES[rank]
    theirs = getattr(keras.layers, name)(*args).compute_output_shape(shape)
    mine = getattr(ours, name)(*args).compute_output_shape(shape)
    assert repr(mine) == repr(theirs)
