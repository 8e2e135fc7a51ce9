"""Marsad web stage."""
