from alembic import op

"""This is not a docstring: it comes after the imports.

Create Date: 2020-02-02
"""

revision = 'a1b2'
down_revision = 'kilo'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
