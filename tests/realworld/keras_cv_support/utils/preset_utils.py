# convdims real-world corpus: a shim written for the corpus, not KerasCV code.
# keras_cv/src/utils/preset_utils.py downloads presets (pretrained configurations and
# weights) from Kaggle; Backbone.from_preset calls these two, and the corpus never does.


def check_preset_class(preset, classes):
    raise RuntimeError(f"the convdims corpus loads no presets ({preset!r})")


def load_from_preset(preset, load_weights=None, input_shape=None, config_overrides=None):
    raise RuntimeError(f"the convdims corpus loads no presets ({preset!r})")
