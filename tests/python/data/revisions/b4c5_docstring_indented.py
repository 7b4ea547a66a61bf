"""
    Indented first line

        More indented
    Create Date: 2017-07-07 07:07:07
"""
revision = "b4c5"
down_revision = "a2b3"

def upgrade():
    """Function docstrings are no module docstring."""
    if True:
        pass
