"""videowall core: media, streams, storage, config, simulator. Never imports Qt or ``ui``."""

__version__ = "0.1.0"
