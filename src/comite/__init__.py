"""comite: secretaría técnica de los comités de protección (GVP y CERREM)."""

__version__ = "0.1.0"
