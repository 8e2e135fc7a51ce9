"""Marsad text stage."""
