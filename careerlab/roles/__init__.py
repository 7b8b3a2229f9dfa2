"""Lesson 01, the two roles: revenue-cycle stages, who each role works with, and one synthetic visit.

Charts and widgets are imported from their modules (``careerlab.roles.charts``,
``careerlab.roles.widgets``) so that importing this package stays light.
"""
from careerlab.roles.data import OWNERS, ROLES, Contact, RolesDataError, Stage, load_contacts, load_stages, load_visit
from careerlab.roles.exercise import grade, load_exercise
from careerlab.roles.visit import Remittance, price_visit

__all__ = [
    "OWNERS", "ROLES", "Contact", "RolesDataError", "Stage", "load_contacts", "load_stages", "load_visit",
    "grade", "load_exercise",
    "Remittance", "price_visit",
]
