# convdims real-world corpus: copied from a public repository, verbatim but for the Changes.
# Repository: https://github.com/karolzak/keras-unet
# Path: keras_unet/__init__.py
# Commit: release 0.1.2 as published on PyPI (keras_unet-0.1.2-py3-none-any.whl, sha256 8b62b31fd63db9d895a3c3ffd86539e98f04ed58c22967962199de9c8767a162); the package records no commit
# Licence: MIT (the package's LICENSE, Copyright (c) 2019 Karol Żak)
# Changes:
# - left out its last five lines, which import the package's models (the corpus files),
#   losses, metrics and utils

name = "keras_unet"

__version__ = "0.1.2"
# TODO add __all__

# from packaging import version # requires 3rd party package
from distutils.version import LooseVersion # built-in package?

# if tensorflow 2.x is present use tf.keras instead of Keras
try:
    from tensorflow import __version__ as TF_VERSION
    # TF = version.parse(TF_VERSION) >= version.parse("2.0.0") # requires 3rd party package
    TF = LooseVersion(TF_VERSION) >= LooseVersion("2.0.0")
except ImportError:
    TF = False
print('-----------------------------------------')
if TF:
    print('keras-unet init: TF version is >= 2.0.0 - using `tf.keras` instead of `Keras`')
else:
    print('keras-unet init: TF version is < 2.0.0 or not present - using `Keras` instead of `tf.keras`')
print('-----------------------------------------')

