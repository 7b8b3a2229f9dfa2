"""careerlab: helper package for the *Coding or Billing?* notebook series.

Light to import: heavy things (the ICD-10-CM release, matplotlib, widgets) load
only in the modules that need them.
"""
__version__ = "0.1.0"
__all__ = ["__version__"]
