"""Headers Python computes with tuple() and list() of data the module spells out"""
from alembic import op

_parents = ["kilo", "001"]
_labels = ("reporting",)
revision = "c0mp"
down_revision = tuple(_parents)
branch_labels = list(_labels)
depends_on = tuple(["Ibac91d24da2"])


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    pass
