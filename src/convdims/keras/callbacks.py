"""``keras.callbacks``: what ``Model.fit`` would call back. A script builds its callbacks;
they are kept as configured, since convdims never trains.

Made from Keras 3.15.1's signatures: each class's ``_parameters`` is the real signature,
and an oracle test checks that it still is.

>>> EarlyStopping(patience=3, restore_best_weights=True).patience
3
"""

from __future__ import annotations

from convdims.keras._training import _Callback


class Callback(_Callback):
    """``keras.callbacks.Callback``, kept as configured."""

    _parameters = ""


class BackupAndRestore(Callback):
    """``keras.callbacks.BackupAndRestore``, kept as configured."""

    _parameters = (
        "backup_dir, save_freq='epoch', double_checkpoint=False, delete_checkpoint=True"
    )


class CSVLogger(Callback):
    """``keras.callbacks.CSVLogger``, kept as configured."""

    _parameters = "filename, separator=',', append=False"


class EarlyStopping(Callback):
    """``keras.callbacks.EarlyStopping``, kept as configured."""

    _parameters = (
        "monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto', "
        "baseline=None, restore_best_weights=False, start_from_epoch=0"
    )


class History(Callback):
    """``keras.callbacks.History``, kept as configured."""

    _parameters = ""


class LambdaCallback(Callback):
    """``keras.callbacks.LambdaCallback``, kept as configured."""

    _parameters = (
        "on_epoch_begin=None, on_epoch_end=None, on_train_begin=None, "
        "on_train_end=None, on_train_batch_begin=None, on_train_batch_end=None,"
        " **kwargs"
    )


class LearningRateScheduler(Callback):
    """``keras.callbacks.LearningRateScheduler``, kept as configured."""

    _parameters = "schedule, verbose=0"


class ModelCheckpoint(Callback):
    """``keras.callbacks.ModelCheckpoint``, kept as configured."""

    _parameters = (
        "filepath, monitor='val_loss', verbose=0, save_best_only=False, "
        "save_weights_only=False, mode='auto', save_freq='epoch', "
        "initial_value_threshold=None"
    )


class ProgbarLogger(Callback):
    """``keras.callbacks.ProgbarLogger``, kept as configured."""

    _parameters = ""


class ReduceLROnPlateau(Callback):
    """``keras.callbacks.ReduceLROnPlateau``, kept as configured."""

    _parameters = (
        "monitor='val_loss', factor=0.1, patience=10, verbose=0, mode='auto', "
        "min_delta=0.0001, cooldown=0, min_lr=0.0, **kwargs"
    )


class RemoteMonitor(Callback):
    """``keras.callbacks.RemoteMonitor``, kept as configured."""

    _parameters = (
        "root='http://localhost:9000', path='/publish/epoch/end/', "
        "field='data', headers=None, send_as_json=False"
    )


class SwapEMAWeights(Callback):
    """``keras.callbacks.SwapEMAWeights``, kept as configured."""

    _parameters = "swap_on_epoch=False"


class TensorBoard(Callback):
    """``keras.callbacks.TensorBoard``, kept as configured."""

    _parameters = (
        "log_dir='logs', histogram_freq=0, write_graph=True, "
        "write_images=False, write_steps_per_second=False, update_freq='epoch',"
        " profile_batch=0, embeddings_freq=0, embeddings_metadata=None"
    )


class TerminateOnNaN(Callback):
    """``keras.callbacks.TerminateOnNaN``, kept as configured."""

    _parameters = "raise_error=False"


__all__ = [
    "BackupAndRestore",
    "Callback",
    "CSVLogger",
    "EarlyStopping",
    "History",
    "LambdaCallback",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "ProgbarLogger",
    "ReduceLROnPlateau",
    "RemoteMonitor",
    "SwapEMAWeights",
    "TensorBoard",
    "TerminateOnNaN",
]
