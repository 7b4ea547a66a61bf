"""Conditional header"""
import os

revision = "c8d9"
if os.environ.get("NEVER_SET_RETORT"):
    down_revision = "a6b7"
else:
    down_revision = "e4f5"
try:
    depends_on = None
except ImportError:
    depends_on = "x"
for _label in ():
    branch_labels = _label
