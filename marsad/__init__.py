"""Marsad (مرصد): Arabic news to structured political event data."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
