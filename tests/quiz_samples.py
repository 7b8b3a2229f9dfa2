"""A small valid bank used by the quiz tests (one question of each type)."""
import copy

SAMPLE = {
    "lesson": "99-sample",
    "title": "Sample check",
    "questions": [
        {"id": "single-1", "type": "single", "prompt": "Who sends claims to payers?",
         "options": [{"id": "a", "text": "The biller", "feedback": "Right: billers own claims."},
                     {"id": "b", "text": "The coder", "feedback": "Coders assign codes; billers send claims."}],
         "answer": "a", "explanation": "Billers build, send and follow claims."},
        {"id": "multi-1", "type": "multiple", "prompt": "Which are code sets?",
         "options": [{"id": "a", "text": "ICD-10-CM", "feedback": "Yes, diagnoses."},
                     {"id": "b", "text": "HCPCS Level II", "feedback": "Yes, supplies and services."},
                     {"id": "c", "text": "CMS-1500", "feedback": "No, that is a claim form."}],
         "answer": ["a", "b"], "explanation": "CMS-1500 is a form, not a code set."},
        {"id": "num-1", "type": "numeric", "prompt": "Patient share?", "answer": 57.70,
         "unit": "$", "wrong": "Deductible first, then 20 % of the rest.",
         "explanation": "$50 deductible + 20 % of $38.51."},
        {"id": "text-1", "type": "text", "prompt": "Group code for a contractual write-off?",
         "accepted": ["CO", "contractual obligation", "CO-45"], "wrong": "Think of the payer contract.",
         "explanation": "CO: the provider writes it off."},
    ],
}


def sample_bank_doc():
    """A fresh deep copy, safe to break in a test."""
    return copy.deepcopy(SAMPLE)
