# convdims real-world corpus: a shim written for the corpus, not torchvision code.
# torchvision/transforms/_presets.py holds the preprocessing of each set of pretrained
# weights (resize, crop, normalise). The model files only name them, as
# `transforms=partial(ImageClassification, crop_size=224)` in their Weights entries; a
# preset is built only when a user asks weights.transforms() for one, which the corpus
# never does. These classes keep the names and the keyword arguments.


from . import InterpolationMode  # as torchvision/transforms/_presets.py imports it


class _Preset:
    def __init__(self, **kwargs):
        self.kwargs = kwargs

    def __repr__(self):
        items = ", ".join(f"{key}={value!r}" for key, value in self.kwargs.items())
        return f"{type(self).__name__}({items})"


class ObjectDetection(_Preset):
    pass


class ImageClassification(_Preset):
    pass


class VideoClassification(_Preset):
    pass


class SemanticSegmentation(_Preset):
    pass


class OpticalFlow(_Preset):
    pass
