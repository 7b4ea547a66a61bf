"""autogen_tables

Revision ID: d311
Revises: d310
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d311"
down_revision = 'd310'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), nullable=False), sa.Column("email", sa.String(length=255), nullable=False), sa.Column("role", sa.Enum("admin", "member", name="user_role"), server_default="member", nullable=False), sa.Column("profile", postgresql.JSONB(astext_type=sa.Text()), nullable=True), sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f("pk_users")), sa.UniqueConstraint("email", name=op.f("uq_users_email")))
    op.create_index(op.f("ix_users_created_at"), "users", ["created_at"], unique=False)
    op.create_table("posts", sa.Column("id", sa.BigInteger(), nullable=False), sa.Column("user_id", sa.Integer(), nullable=False), sa.Column("title", sa.Unicode(length=200), nullable=False), sa.Column("body", sa.UnicodeText(), nullable=True), sa.Column("tags", postgresql.ARRAY(sa.String(length=30)), server_default="{}", nullable=False), sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_posts_user_id_users"), ondelete="CASCADE"), sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")))


def downgrade():
    op.drop_table("posts")
    op.drop_index(op.f("ix_users_created_at"), table_name="users")
    op.drop_table("users")
    op.execute("DROP TYPE user_role")
