"""Marsad io stage."""
