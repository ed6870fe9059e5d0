# convdims real-world corpus: a shim written for the corpus, not unet code.
# unet/__init__.py imports unet.py, which is the corpus file unet_fepegar_unet.py; its
# building blocks are the verbatim copies beside this file.
