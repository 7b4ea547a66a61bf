"""Last assignment wins.

Revises is stale here: the assignment decides.
Revises: 000000000000
Create Date:    2020-01-01 00:00:00   
"""
revision = "wrong"
down_revision = "also_wrong"
revision = 'kilo'
down_revision = "3f1a"
branch_labels = ()
depends_on = None


def upgrade(op, tables, tester):
    op.execute("SELECT 1")
