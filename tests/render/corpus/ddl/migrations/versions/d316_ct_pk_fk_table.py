"""ct_pk_fk_table

Revision ID: d316
Revises: d315
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d316"
down_revision = 'd315'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfkt", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Text()), sa.ForeignKeyConstraint(["id"], ["parent.id"]), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pkfkt")
