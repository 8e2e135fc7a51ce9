"""Marsad store stage."""
