"""type_sa_json_upper

Revision ID: d102
Revises: d101
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d102"
down_revision = 'd101'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_json_upper", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.JSON()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_json_upper")
