"""The layers real Keras model files use beyond convolutions (recurrent layers and
their cells, wrappers, Embedding, the extra normalizations and activations, the 1-D
depthwise and separable convolutions, attention...) against real Keras 3.

Each case builds a model (or a layer) with both libraries: both print the same
``model.summary()``, character for character, with the same output shapes and the
same trainable and non-trainable counts, or both refuse with the same error (type and
message; where Keras fails with IndexError or TypeError deep inside, convdims raises a
ValueError that names the argument). Random argument sets come from Hypothesis.
"""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convdims import keras as ck

pytestmark = pytest.mark.oracle

SETTINGS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _size(weight) -> int:
    size = 1
    for d in weight.shape:
        size *= d
    return size


def outcome(module, build):
    """``("ok", summary text, output shapes, trainable, non-trainable)`` or
    ``("raised", error type, message)`` of ``build(module)`` and its summary."""
    module.backend.clear_session(free_memory=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            model = build(module)
            lines: list[str] = []
            model.summary(print_fn=lines.append)
        except Exception as error:  # noqa: BLE001 - any refusal counts
            return ("raised", type(error).__name__, str(error))
    if not model.built:  # an unbuilt Sequential: its summary says so
        return ("ok", "".join(lines))
    shapes = [tuple(t.shape) for t in model.outputs]
    trainable = sum(_size(w) for w in model.trainable_weights)
    frozen = sum(_size(w) for w in model.non_trainable_weights)
    return ("ok", "".join(lines), shapes, trainable, frozen)


#: Keras's errors from deep inside (an index out of range, a copy through a config)
#: that convdims replaces with a ValueError naming the argument.
DEEP = ("IndexError", "TypeError", "AttributeError")


def _unscoped(message: str) -> str:
    """A message without the name scopes of a weight's path: Keras writes
    ``path='sequential/p_re_lu/alpha'`` where convdims writes ``path='p_re_lu/alpha'``
    (convdims keeps no name scopes while building)."""
    return re.sub(r"path='(?:[^'/]+/)*([^'/]+/[^'/]+)'", r"path='\1'", message)


def _inner(message: str) -> str:
    """Keras's own message inside the wrapper it adds to an error raised while
    calling a layer (``Exception encountered when calling X.call()``), which convdims
    does not add."""
    found = re.search("\x1b\\[1m(.*?)\x1b\\[0m", message, re.DOTALL)
    return found.group(1) if found else message


def same(keras, build):
    """Assert that Keras and convdims agree on ``build``; return Keras's outcome."""
    expected = outcome(keras, build)
    actual = outcome(ck, build)
    if expected[0] == "ok":
        assert actual[0] == "ok", f"Keras builds it; convdims raises {actual[1:]}"
        assert actual[1] == expected[1], (
            f"summaries differ\n--- Keras\n{expected[1]}\n--- convdims\n{actual[1]}"
        )
        assert actual[2:] == expected[2:]
    else:
        assert actual[0] == "raised", f"Keras raises {expected[1:]}; convdims builds it"
        if actual[1] == expected[1]:
            theirs, ours = _unscoped(_inner(expected[2])), _unscoped(actual[2])
            # convdims may say more after Keras's first sentence (which input size
            # would fit), never less.
            assert ours == theirs or ours.startswith(theirs.split(". ")[0] + "."), (
                expected,
                actual,
            )
        else:
            assert expected[1] in DEEP and actual[1].endswith("Error"), (expected, actual)
    return expected


def sequential(shape, *layers):
    """A builder: ``Sequential([Input(shape), *layers])``, each layer a function of
    the keras module."""
    return lambda k: k.Sequential([k.Input(shape), *(make(k) for make in layers)])


def functional(shapes, body):
    """A builder: a functional model of inputs of ``shapes`` and ``body(k, *inputs)``
    as outputs."""

    def build(k):
        inputs = [k.Input(s) for s in shapes]
        return k.Model(inputs if len(inputs) > 1 else inputs[0], body(k, *inputs))

    return build


def layer(name, *args, **kwargs):
    return lambda k: getattr(k.layers, name)(*args, **kwargs)


def _encoder_block_model(k):
    """A model whose layer of the user's holds an Embedding, a MultiHeadAttention and
    a Sequential, the way Transformer text classifiers are written."""

    class EncoderBlock(k.layers.Layer):
        def __init__(self, vocabulary, width, heads):
            super().__init__()
            self.embed = k.layers.Embedding(vocabulary, width)
            self.attend = k.layers.MultiHeadAttention(num_heads=heads, key_dim=width)
            self.feed = k.Sequential([k.layers.Dense(2 * width), k.layers.Dense(width)])
            self.norm = k.layers.LayerNormalization(epsilon=1e-6)
            self.drop = k.layers.Dropout(0.1)

        def call(self, tokens):
            x = self.embed(tokens)
            x = self.norm(x + self.drop(self.attend(x, x)))
            return x + self.feed(x)

    inputs = k.Input((12,))
    x = EncoderBlock(50, 8, 2)(inputs)
    x = k.layers.GlobalAveragePooling1D()(x)
    return k.Model(inputs, k.layers.Dense(2)(k.layers.Dropout(0.1)(x)))


def _image_caption_model(k, mask_zero=False):
    """One LSTM called twice, the second time from the states of the first (an image
    captioning decoder), then a TimeDistributed Dense with a regularizer."""
    layers = k.layers
    image, report = k.Input((64,)), k.Input((20,))
    start = layers.Reshape((1, 32))(layers.Dense(32)(image))
    words = layers.Embedding(100, 32, mask_zero=mask_zero, name="emb_text")(report)
    lstm = layers.LSTM(30, return_sequences=True, return_state=True, name="lstm")
    _, h, c = lstm(start)
    sequence, _, _ = lstm(layers.Dropout(0.5)(words), initial_state=[h, c])
    dense = layers.Dense(100, kernel_regularizer=k.regularizers.l2(1e-4))
    out = layers.TimeDistributed(dense, name="words")(sequence)
    return k.Model([image, report], out, name="captions")


def _stacked_bidirectional_with_input_shape(k, build=False):
    """Bidirectional LSTMs in a Sequential, the first inner layer given the legacy
    ``input_shape`` (Keras leaves the model unbuilt until ``build``)."""
    layers = k.layers
    model = k.Sequential(name="stack")
    model.add(
        layers.Bidirectional(layers.LSTM(44, return_sequences=True, input_shape=(10, 3)))
    )
    model.add(
        layers.Bidirectional(
            layers.LSTM(36, return_sequences=True, kernel_initializer="random_normal")
        )
    )
    model.add(layers.TimeDistributed(layers.Dense(1)))
    if build:
        model.build((None, 10, 3))
    return model


def _actor_model(k):
    """A layer of the user's running two LSTMs, with ``initial_state=None``."""
    layers = k.layers

    class Actor(layers.Layer):
        def __init__(self):
            super().__init__()
            self.lstm1 = layers.LSTM(16, return_sequences=True, return_state=True)
            self.norm = layers.BatchNormalization()
            self.lstm2 = layers.LSTM(8, return_sequences=True, return_state=True)
            self.mu = layers.TimeDistributed(layers.Dense(2, activation="tanh"))

        def call(self, x, initial_state=(None, None)):
            x, _, _ = self.lstm1(x, initial_state=initial_state[0])
            x, _, _ = self.lstm2(self.norm(x), initial_state=initial_state[1])
            return self.mu(x)

    x = k.Input((5, 3))
    return k.Model(x, Actor()(x))


CASES = {
    "image_captions_shared_lstm": _image_caption_model,
    "stacked_bidirectional_unbuilt": _stacked_bidirectional_with_input_shape,
    "stacked_bidirectional_built": lambda k: _stacked_bidirectional_with_input_shape(
        k, build=True
    ),
    "user_layer_running_lstms": _actor_model,
    "bidirectional_gru_with_regularizers": sequential(
        (7, 9, 3),
        lambda k: k.layers.TimeDistributed(k.layers.Flatten()),
        lambda k: k.layers.Bidirectional(
            k.layers.GRU(
                16,
                kernel_regularizer=k.regularizers.l2(0.1),
                activity_regularizer=k.regularizers.l1(0.1),
                dropout=0.2,
            )
        ),
        layer("BatchNormalization"),
        lambda k: k.layers.Dense(3, kernel_regularizer=k.regularizers.l2(0.1)),
    ),
    "user_layer_holding_attention": _encoder_block_model,
    "stacked_recurrent": sequential(
        (10, 8),
        lambda k: k.layers.Bidirectional(k.layers.LSTM(16, return_sequences=True)),
        layer("GRU", 8, return_sequences=True),
        layer("SimpleRNN", 4),
        layer("Dense", 3),
    ),
    "gru_without_reset_after_or_bias": sequential(
        (None, 8), layer("GRU", 8, reset_after=False, use_bias=False)
    ),
    "lstm_return_state": functional(
        [(7, 3)], lambda k, x: k.layers.LSTM(5, return_state=True)(x)
    ),
    "bidirectional_return_state": functional(
        [(7, 3)],
        lambda k, x: k.layers.Bidirectional(k.layers.LSTM(5, return_state=True))(x),
    ),
    "bidirectional_no_merge": functional(
        [(7, 3)],
        lambda k, x: k.layers.Bidirectional(
            k.layers.GRU(5, return_sequences=True), merge_mode=None
        )(x),
    ),
    "bidirectional_sum_with_backward_layer": sequential(
        (6, 2),
        lambda k: k.layers.Bidirectional(
            k.layers.SimpleRNN(3),
            merge_mode="sum",
            backward_layer=k.layers.SimpleRNN(3, go_backwards=True),
        ),
    ),
    "seq2seq_initial_state": lambda k: (
        lambda e, d: (
            lambda states: k.Model(
                [e, d],
                k.layers.Dense(4)(
                    k.layers.LSTM(6, return_sequences=True)(d, initial_state=states[1:])
                ),
            )
        )(k.layers.LSTM(6, return_state=True)(e))
    )(k.Input((None, 3)), k.Input((None, 4))),
    "embedding_lstm": sequential(
        (20,), layer("Embedding", 100, 8), layer("LSTM", 4), layer("Dense", 1)
    ),
    "embedding_mask_zero_lora": sequential(
        (5, 3), layer("Embedding", 50, 6, mask_zero=True, lora_rank=2)
    ),
    "time_distributed_cnn": sequential(
        (5, 16, 16, 3),
        lambda k: k.layers.TimeDistributed(k.layers.Conv2D(4, 3)),
        lambda k: k.layers.TimeDistributed(k.layers.MaxPooling2D()),
        lambda k: k.layers.TimeDistributed(k.layers.Flatten()),
        layer("LSTM", 3),
    ),
    "normalizations_and_activations": sequential(
        (8, 8, 16),
        layer("GroupNormalization", 4),
        layer("GroupNormalization", -1, center=False),
        layer("UnitNormalization"),
        layer("RMSNormalization", axis=[1, 2]),
        layer("PReLU", shared_axes=[1, 2]),
        layer("PReLU"),
        layer("ELU", 0.5),
        layer("Softmax", axis=1),
    ),
    "one_axis_convolutions": sequential(
        (50, 8),
        layer("SeparableConv1D", 16, 5, depth_multiplier=2),
        layer("SeparableConvolution1D", 8, 3, padding="same", use_bias=False),
        layer("DepthwiseConv1D", 3, padding="same", depth_multiplier=3),
        layer("DepthwiseConv1D", 5, strides=2),
        layer("Convolution1DTranspose", 4, 3, strides=2),
    ),
    "aliases_2d_3d": sequential(
        (6, 6, 6, 2),
        layer("Convolution3DTranspose", 3, 2),
        layer("GlobalAvgPool3D", keepdims=True),
        layer("GlobalMaxPool3D"),
    ),
    "separable_convolution_2d_alias": sequential(
        (9, 9, 3), layer("SeparableConvolution2D", 4, 3)
    ),
    "rnn_of_cells": sequential(
        (10, 8),
        lambda k: k.layers.RNN(
            [k.layers.LSTMCell(4), k.layers.GRUCell(3)], return_sequences=True
        ),
        lambda k: k.layers.RNN(k.layers.SimpleRNNCell(2)),
    ),
    "rnn_stacked_cells_return_state": functional(
        [(7, 3)],
        lambda k, x: k.layers.RNN(
            k.layers.StackedRNNCells([k.layers.LSTMCell(4), k.layers.GRUCell(3)]),
            return_state=True,
        )(x),
    ),
    "frozen_lstm": lambda k: (
        lambda model: (setattr(model.layers[0], "trainable", False), model)[1]
    )(k.Sequential([k.Input((4, 3)), k.layers.LSTM(5)])),
    "bidirectional_of_rnn_of_cell": sequential(
        (6, 2), lambda k: k.layers.Bidirectional(k.layers.RNN(k.layers.GRUCell(3)))
    ),
    # Attention.
    "multi_head_self_attention": functional(
        [(10, 64)], lambda k, x: k.layers.MultiHeadAttention(4, 16)(x, x)
    ),
    "multi_head_query_value_key_gate_output_shape": functional(
        [(10, 64), (7, 32), (7, 16)],
        lambda k, q, v, key: k.layers.MultiHeadAttention(
            2, 8, value_dim=5, output_shape=12, use_gate=True
        )(q, v, key),
    ),
    "multi_head_scores_without_bias": functional(
        [(10, 8)],
        lambda k, x: k.layers.MultiHeadAttention(2, 4, use_bias=False)(
            x, x, return_attention_scores=True
        ),
    ),
    "multi_head_over_two_axes": functional(
        [(5, 6, 8)],
        lambda k, x: k.layers.MultiHeadAttention(2, 4, attention_axes=(1, 2))(x, x),
    ),
    "multi_head_zero_heads": layer("MultiHeadAttention", 0, 4),
    "multi_head_bad_value_dim": layer("MultiHeadAttention", 2, 4, value_dim=-1),
    "multi_head_bad_sliding_window": layer("MultiHeadAttention", 2, 4, sliding_window=0),
    "multi_head_key_value_mismatch": functional(
        [(10, 8), (7, 8), (6, 8)],
        lambda k, q, v, key: k.layers.MultiHeadAttention(2, 4)(q, v, key),
    ),
    "dot_attention": functional(
        [(10, 8), (7, 8)], lambda k, q, v: k.layers.Attention()([q, v])
    ),
    "dot_attention_scale_concat_key": functional(
        [(10, 8), (7, 5), (7, 8)],
        lambda k, q, v, key: k.layers.Attention(use_scale=True, score_mode="concat")(
            [q, v, key]
        ),
    ),
    "dot_attention_scores": functional(
        [(10, 8), (7, 8)],
        lambda k, q, v: k.layers.Attention()([q, v], return_attention_scores=True),
    ),
    "additive_attention": functional(
        [(10, 8), (7, 8)], lambda k, q, v: k.layers.AdditiveAttention()([q, v])
    ),
    "attention_on_one_tensor": functional([(10, 8)], lambda k, q: k.layers.Attention()(q)),
    "attention_on_a_list_of_one": functional(
        [(10, 8)], lambda k, q: k.layers.Attention()([q])
    ),
    "attention_bad_score_mode": layer("Attention", score_mode="x"),
    "transformer_block": functional(
        [(16,)],
        lambda k, x: (
            lambda e: k.layers.GlobalAveragePooling1D()(
                k.layers.LayerNormalization()(
                    k.layers.Add()([e, k.layers.MultiHeadAttention(2, 8)(e, e)])
                )
            )
        )(k.layers.Embedding(100, 16)(x)),
    ),
    # Dot, Masking, adaptive pooling, CategoryEncoding, ConvLSTM.
    "dot_over_last_axes": functional(
        [(10, 8), (6, 8)], lambda k, a, b: k.layers.Dot(axes=(2, 2))([a, b])
    ),
    "dot_function_normalized": functional(
        [(4,), (4,)], lambda k, a, b: k.layers.dot([a, b], axes=1, normalize=True)
    ),
    "dot_one_axis_of_3d": functional(
        [(3, 4), (3, 5)], lambda k, a, b: k.layers.Dot(axes=1)([a, b])
    ),
    "dot_incompatible": functional(
        [(4,), (5,)], lambda k, a, b: k.layers.dot([a, b], axes=1)
    ),
    "dot_three_axes": layer("Dot", axes=(1, 2, 3)),
    "dot_axes_a_word": layer("Dot", axes="x"),
    "adaptive_2d": sequential(
        (32, 30, 3),
        layer("AdaptiveAveragePooling2D", (7, 5)),
        layer("AdaptiveMaxPooling2D", 2),
    ),
    "adaptive_1d": sequential(
        (32, 3), layer("AdaptiveAveragePooling1D", 4), layer("AdaptiveMaxPooling1D", [2])
    ),
    "adaptive_3d_channels_first": sequential(
        (8, 8, 8, 3),
        layer("AdaptiveAveragePooling3D", 2, data_format="channels_first"),
        layer("AdaptiveMaxPooling3D", (1, 2, 1)),
    ),
    "adaptive_2d_three_sizes": layer("AdaptiveAveragePooling2D", (1, 2, 3)),
    "adaptive_1d_two_sizes": layer("AdaptiveMaxPooling1D", (1, 2)),
    "adaptive_bad_format": layer("AdaptiveMaxPooling1D", 2, data_format="x"),
    "masking_before_lstm": sequential((10, 3), layer("Masking", -1.0), layer("LSTM", 2)),
    "category_one_hot_of_one": sequential(
        (1,), layer("CategoryEncoding", 5, output_mode="one_hot")
    ),
    "category_multi_hot": sequential((3,), layer("CategoryEncoding", 5)),
    "category_one_hot_of_three": sequential(
        (3,), layer("CategoryEncoding", 5, output_mode="one_hot")
    ),
    "category_without_tokens": layer("CategoryEncoding"),
    "category_bad_mode": layer("CategoryEncoding", 3, output_mode="x"),
    "conv_lstm_2d": sequential(
        (5, 16, 16, 3),
        layer("ConvLSTM2D", 8, 3, return_sequences=True),
        layer("ConvLSTM2D", 4, 3, padding="same", strides=2),
    ),
    "conv_lstm_1d_without_bias": sequential(
        (5, 16, 3), layer("ConvLSTM1D", 8, 3, use_bias=False)
    ),
    "conv_lstm_3d": sequential((5, 6, 6, 6, 3), layer("ConvLSTM3D", 2, 3)),
    "conv_lstm_return_state": functional(
        [(5, 16, 16, 3)], lambda k, x: k.layers.ConvLSTM2D(4, 3, return_state=True)(x)
    ),
    "conv_lstm_bidirectional": sequential(
        (5, 16, 3), lambda k: k.layers.Bidirectional(k.layers.ConvLSTM1D(2, 3))
    ),
    "conv_lstm_too_small": sequential((5, 2, 2, 3), layer("ConvLSTM2D", 8, 3)),
    "conv_lstm_causal": layer("ConvLSTM2D", 8, 3, padding="causal"),
    "conv_lstm_unknown_size": sequential((5, None, 8, 3), layer("ConvLSTM2D", 8, 3)),
    "conv_lstm_wrong_rank": sequential((5, 8, 3), layer("ConvLSTM2D", 8, 3)),
    # EinsumDense and SpectralNormalization.
    "einsum_dense_3d": sequential(
        (10, 32),
        layer("EinsumDense", "abc,cd->abd", output_shape=(None, 64), bias_axes="d"),
    ),
    "einsum_dense_2d": sequential(
        (32,), layer("EinsumDense", "ab,bc->ac", output_shape=64, bias_axes="c")
    ),
    "einsum_dense_left_elided": sequential(
        (10, 32), layer("EinsumDense", "...b,bc->...c", output_shape=64, bias_axes="c")
    ),
    "einsum_dense_two_output_axes": sequential(
        (10, 32),
        layer("EinsumDense", "abc,cde->abde", output_shape=(None, 4, 8), bias_axes="de"),
    ),
    "einsum_dense_without_bias": sequential(
        (10, 32), layer("EinsumDense", "abc,cd->abd", output_shape=(None, 64))
    ),
    "einsum_dense_right_elided": sequential(
        (10, 4, 32),
        layer("EinsumDense", "ab...,bc->ac...", output_shape=(8,), bias_axes="c"),
    ),
    "einsum_dense_lora": sequential(
        (32,), layer("EinsumDense", "ab,bc->ac", output_shape=16, lora_rank=2)
    ),
    "einsum_dense_bad_equation": sequential(
        (10, 32), layer("EinsumDense", "abc->abd", output_shape=64)
    ),
    "einsum_dense_mismatched_output": sequential(
        (10, 32), layer("EinsumDense", "abc,cd->abd", output_shape=(5, 64))
    ),
    "einsum_dense_bad_bias_axes": sequential(
        (10, 32),
        layer("EinsumDense", "abc,cd->abd", output_shape=(None, 64), bias_axes="x"),
    ),
    "einsum_dense_unmatched_output_dim": sequential(
        (10, 32), layer("EinsumDense", "abc,ce->abd", output_shape=(None, 64))
    ),
    "spectral_normalization": sequential(
        (16, 16, 3),
        lambda k: k.layers.SpectralNormalization(k.layers.Conv2D(4, 3)),
        layer("Flatten"),
        lambda k: k.layers.SpectralNormalization(k.layers.Dense(2)),
    ),
    "spectral_normalization_of_embedding": sequential(
        (5,), lambda k: k.layers.SpectralNormalization(k.layers.Embedding(10, 3))
    ),
    "spectral_normalization_zero_iterations": lambda k: k.layers.SpectralNormalization(
        k.layers.Dense(2), power_iterations=0
    ),
    "spectral_normalization_without_kernel": sequential(
        (5,), lambda k: k.layers.SpectralNormalization(k.layers.ReLU())
    ),
    # Refusals, at construction, build or call.
    "lstm_zero_units": layer("LSTM", 0),
    "gru_cell_negative_units": layer("GRUCell", -2),
    "embedding_zero_input_dim": layer("Embedding", 0, 3),
    "embedding_bool_output_dim": layer("Embedding", 3, True),
    "embedding_float_input_dim": layer("Embedding", 3.0, 2),
    "groups_not_dividing": sequential((8, 8, 6), layer("GroupNormalization", 4)),
    "groups_above_channels": sequential((8, 8, 6), layer("GroupNormalization", 8)),
    "groups_zero": layer("GroupNormalization", 0),
    "groups_unknown_channels": sequential((8, None), layer("GroupNormalization", 2)),
    "lstm_on_2d": sequential((8,), layer("LSTM", 3)),
    "simple_rnn_on_4d": sequential((8, 2, 2), layer("SimpleRNN", 3)),
    "rnn_stateful_without_batch": sequential((8, 2), layer("GRU", 3, stateful=True)),
    "bidirectional_of_dense": lambda k: k.layers.Bidirectional(k.layers.Dense(3)),
    "bidirectional_of_nothing": lambda k: k.layers.Bidirectional("lstm"),
    "bidirectional_bad_merge": lambda k: k.layers.Bidirectional(
        k.layers.LSTM(3), merge_mode="x"
    ),
    "bidirectional_same_direction": lambda k: k.layers.Bidirectional(
        k.layers.LSTM(3), backward_layer=k.layers.LSTM(3)
    ),
    "bidirectional_mismatched_sequences": lambda k: k.layers.Bidirectional(
        k.layers.LSTM(3),
        backward_layer=k.layers.LSTM(3, go_backwards=True, return_sequences=True),
    ),
    "time_distributed_on_2d": sequential(
        (8,), lambda k: k.layers.TimeDistributed(k.layers.Dense(3))
    ),
    "time_distributed_of_nothing": lambda k: k.layers.TimeDistributed(3),
    "wrapper_of_nothing": lambda k: k.layers.Wrapper(None),
    "rnn_cell_without_call": lambda k: k.layers.RNN(3),
    "lstm_bad_regularizer": layer("LSTM", 3, kernel_regularizer="l3"),
    "lstm_bad_constraint": layer("LSTM", 3, recurrent_constraint="unit"),
    "lstm_bad_activation": layer("LSTM", 3, activation="tanhh"),
    "gru_bad_cudnn": layer("GRU", 3, use_cudnn="x"),
    "lstm_unknown_argument": layer("LSTM", 3, return_sequence=True),
    "prelu_bad_initializer": layer("PReLU", alpha_initializer="zeross"),
    "prelu_unknown_dims": sequential((None, 3), layer("PReLU")),
    "unit_normalization_bad_axis": layer("UnitNormalization", axis="x"),
    "unit_normalization_axis_out": sequential((4, 3), layer("UnitNormalization", 3)),
    "rms_normalization_axis_out": sequential((4, 3), layer("RMSNormalization", 5)),
    "group_normalization_axis_out": sequential(
        (4, 3), layer("GroupNormalization", 1, axis=4)
    ),
    "depthwise_1d_causal": layer("DepthwiseConv1D", 3, padding="causal"),
    "separable_1d_too_big": sequential((4, 2), layer("SeparableConv1D", 2, 5)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(keras, name):
    same(keras, CASES[name])


@pytest.mark.xfail(
    strict=True,
    reason="Keras's functional graph records the ops that compute a mask (Embedding's "
    "NotEqual, Masking's NotEqual and Any) as rows of the summary, connected to the "
    "layers that take a mask; convdims keeps no masks",
)
def test_masks_in_functional_models(keras):
    same(keras, lambda k: _image_caption_model(k, mask_zero=True))


recurrent_names = st.sampled_from(["SimpleRNN", "LSTM", "GRU"])


@st.composite
def recurrent_cases(draw):
    name = draw(recurrent_names)
    kwargs = {
        "return_sequences": draw(st.booleans()),
        "return_state": draw(st.booleans()),
        "use_bias": draw(st.booleans()),
        "go_backwards": draw(st.booleans()),
    }
    if name == "GRU":
        kwargs["reset_after"] = draw(st.booleans())
    units = draw(st.integers(-1, 12))
    steps = draw(st.none() | st.integers(1, 9))
    features = draw(st.integers(1, 9))
    wrap = draw(st.sampled_from([None, "concat", "sum", "mul", "ave", "none"]))
    return name, units, kwargs, (steps, features), wrap


@given(case=recurrent_cases())
@settings(SETTINGS, max_examples=60)
def test_recurrent_layers(keras, case):
    name, units, kwargs, shape, wrap = case

    def body(k, x):
        made = getattr(k.layers, name)(units, **kwargs)
        if wrap is not None:
            made = k.layers.Bidirectional(made, merge_mode=None if wrap == "none" else wrap)
        return made(x)

    same(keras, functional([shape], body))


@st.composite
def embedding_cases(draw):
    input_dim = draw(st.integers(-1, 300))
    output_dim = draw(st.integers(-1, 64))
    shape = tuple(draw(st.lists(st.none() | st.integers(1, 9), min_size=1, max_size=3)))
    return input_dim, output_dim, draw(st.booleans()), shape


@given(case=embedding_cases())
@settings(SETTINGS, max_examples=40)
def test_embedding(keras, case):
    input_dim, output_dim, mask_zero, shape = case
    same(
        keras,
        sequential(shape, layer("Embedding", input_dim, output_dim, mask_zero=mask_zero)),
    )


@st.composite
def normalization_cases(draw):
    rank = draw(st.integers(2, 4))
    shape = tuple(draw(st.integers(1, 12)) for _ in range(rank))
    kind = draw(st.sampled_from(["GroupNormalization", "PReLU", "RMSNormalization"]))
    if kind == "GroupNormalization":
        args = (draw(st.sampled_from([-1, 1, 2, 3, 4, 6, 32])),)
        kwargs = {
            "axis": draw(st.integers(-rank - 1, rank)),
            "center": draw(st.booleans()),
            "scale": draw(st.booleans()),
        }
    elif kind == "PReLU":
        args = ()
        axes = draw(st.lists(st.integers(1, rank), max_size=rank, unique=True))
        kwargs = {"shared_axes": axes or None}
    else:
        args = ()
        kwargs = {"axis": draw(st.integers(-rank - 1, rank))}
    return kind, args, kwargs, shape


@given(case=normalization_cases())
@settings(SETTINGS, max_examples=60)
def test_normalizations_and_prelu(keras, case):
    kind, args, kwargs, shape = case
    same(keras, sequential(shape, layer(kind, *args, **kwargs)))


@st.composite
def one_axis_conv_cases(draw):
    kind = draw(st.sampled_from(["SeparableConv1D", "DepthwiseConv1D"]))
    kwargs = {
        "strides": draw(st.integers(1, 3)),
        "padding": draw(st.sampled_from(["valid", "same"])),
        "dilation_rate": draw(st.integers(1, 2)),
        "depth_multiplier": draw(st.integers(1, 3)),
        "use_bias": draw(st.booleans()),
        "data_format": draw(st.sampled_from(["channels_last", "channels_first"])),
    }
    args = (draw(st.integers(1, 5)),)
    if kind == "SeparableConv1D":
        args = (draw(st.integers(1, 8)), *args)
    return kind, args, kwargs, (draw(st.integers(1, 30)), draw(st.integers(1, 6)))


@given(case=one_axis_conv_cases())
@settings(SETTINGS, max_examples=60)
def test_one_axis_depthwise_and_separable(keras, case):
    kind, args, kwargs, shape = case
    same(keras, sequential(shape, layer(kind, *args, **kwargs)))


def test_auto_names_count_as_in_keras(keras):
    """lstm, lstm_1, ...; a Bidirectional's copies are forward_/backward_ of the
    layer's name and take no name of their own."""

    def names(k):
        k.backend.clear_session(free_memory=False)
        made = [
            k.layers.LSTM(2),
            k.layers.LSTM(2),
            k.layers.Bidirectional(k.layers.GRU(2)),
            k.layers.GRU(2),
            k.layers.Embedding(3, 2),
            k.layers.GroupNormalization(1),
            k.layers.TimeDistributed(k.layers.Dense(2)),
            k.layers.LSTMCell(2),
            k.layers.RNN(k.layers.SimpleRNNCell(2)),
            k.layers.PReLU(),
            k.layers.SeparableConv1D(2, 2),
            k.layers.DepthwiseConv1D(2),
        ]
        x = k.Input((4, 8))
        k.layers.MultiHeadAttention(2, 4)(x, x)  # builds an unnamed Softmax, Dropout
        made += [k.layers.Dropout(0.1), k.layers.Softmax()]
        bi = made[2]
        return [m.name for m in made] + [bi.forward_layer.name, bi.backward_layer.name]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert names(ck) == names(keras)
