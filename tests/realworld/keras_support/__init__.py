# convdims real-world corpus: a shim written for the corpus, not Keras code.
# The keras.applications files import Keras internals (keras.src...). Only those imports
# are changed in the corpus copies: to the public keras API where it has the name, and to
# the modules of this package where it does not (see README.md beside the corpus).
