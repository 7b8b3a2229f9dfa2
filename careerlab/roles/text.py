"""Sentences for lesson 01: the text summary of each diagram."""
from __future__ import annotations

from typing import Sequence

from careerlab.roles.model import LANES, OWNERS, ROLE_LABELS, Contact, Stage


def revenue_cycle_summary(stages: Sequence[Stage]) -> str:
    """A sentence or two that says what the revenue-cycle grid (``tables.revenue_cycle_html``) shows."""
    groups = {o: [s.stage for s in stages if s.owner == o] for o in LANES}
    parts = [f"{OWNERS[o].lower()} {len(names)} ({', '.join(names)})" for o, names in groups.items() if names]
    return (f"The grid shows {len(stages)} stages, from “{stages[0].stage}” to “{stages[-1].stage}”. "
            f"Owners: {'; '.join(parts)}.")


def contacts_summary(contacts: Sequence[Contact]) -> str:
    """A sentence that says what the contacts columns (``tables.contacts_html``) show."""
    role_names = {r.lower() for r in ROLE_LABELS.values()}
    sentences = []
    for role, label in ROLE_LABELS.items():
        names = [c.contact.lower() for c in contacts if c.role == role and c.contact.lower() not in role_names]
        names += [f"{other.lower()}s" for c in contacts if c.contact.lower() in role_names
                  for other in ROLE_LABELS.values() if other.lower() != role and role in (c.role, c.contact.lower())]
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
        sentences.append(f"{label}s work with {listed}.")
    return "The columns show each role with the people it works with. " + " ".join(sentences)
