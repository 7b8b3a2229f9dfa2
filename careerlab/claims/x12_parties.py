"""The fictional trading partners named in the lesson's X12 files: who sends, who receives, where the
practice and the payers are. Fixed constants (synthetic, like every person and place in the series)."""
from __future__ import annotations

SUBMITTER = {"name": "MAPLE STREET FAMILY PRACTICE", "etin": "CARELABSUB01", "contact": "BILLING OFFICE",
             "phone": "5550100100"}
RENDERING = {"last": "EXAMPLE", "first": "ROBIN"}  # the visits name no clinician; a fictional one
RECEIVER = {"name": "TEACHING CLEARINGHOUSE", "etin": "CARELABCH01"}
BILLING_PROVIDER = {"name": "MAPLE STREET FAMILY PRACTICE", "address": "100 EXAMPLE AVENUE", "city": "ANYTOWN",
                    "state": "OR", "zip": "970000001", "ein": "000000000"}
PATIENT_ADDRESS = {"address": "1 SAMPLE LANE", "city": "ANYTOWN", "state": "OR", "zip": "970000002"}
# X12 claim filing indicator (837P SBR09, 835 CLP06) by the kind of payer in payers.csv:
# MB Medicare Part B, 12 preferred provider organisation (PPO), HM health maintenance organisation (HMO)
FILING_INDICATOR = {"medicare-like": "MB", "commercial": "12", "copay-plan": "HM"}
PAYER_ADDRESS = {"address": "PO BOX 0000", "city": "ANYTOWN", "state": "OR", "zip": "970000003",
                 "ein": "000000000", "phone": "5550100199"}
RELATIONSHIP = {"spouse": "01", "child": "19", "employee": "20"}  # patient to insured; anything else is G8 (other)
