"""Marsad events stage."""
