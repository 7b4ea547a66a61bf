"""A file without a revision"""
down_revision = None


def upgrade():
    pass
