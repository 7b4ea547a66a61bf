"""ct_pk_fk_table_ignore_fk

Revision ID: d319
Revises: d318
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d319"
down_revision = 'd318'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfkig", sa.Column("id", sa.Integer(), nullable=False, autoincrement="ignore_fk"), sa.ForeignKeyConstraint(["id"], ["parent.id"]), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pkfkig")
