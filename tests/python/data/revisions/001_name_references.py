# A leading comment does not stop the docstring from being first.
"""Values through names bound earlier"""
BASE = "kilo"
LABELS = ("reporting", "core")
NOTHING = None
revision = "001"
down_revision = BASE
branch_labels = LABELS
depends_on = NOTHING


def upgrade():
    pass
