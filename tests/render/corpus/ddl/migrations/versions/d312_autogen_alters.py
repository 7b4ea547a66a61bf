"""autogen_alters

Revision ID: d312
Revises: d311
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d312"
down_revision = 'd311'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("last_login", postgresql.TIMESTAMP(timezone=True), nullable=True))
    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=255), type_=sa.String(length=320), existing_nullable=False)
    op.alter_column("posts", "title", existing_type=sa.VARCHAR(length=200), nullable=True, autoincrement=False)
    op.drop_constraint("uq_users_email", "users", type_="unique")
    op.create_unique_constraint(op.f("uq_users_email_lower"), "users", ["email"])


def downgrade():
    op.drop_constraint(op.f("uq_users_email_lower"), "users", type_="unique")
    op.create_unique_constraint("uq_users_email", "users", ["email"])
    op.alter_column("posts", "title", existing_type=sa.VARCHAR(length=200), nullable=False, autoincrement=False)
    op.alter_column("users", "email", existing_type=sa.String(length=320), type_=sa.VARCHAR(length=255), existing_nullable=False)
    op.drop_column("users", "last_login")
