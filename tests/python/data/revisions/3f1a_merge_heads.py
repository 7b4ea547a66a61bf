"""merge heads

Revision ID: 3f1a
Revises: 27c6a30d7c24, 4b2c
Create Date: 2024-02-01 08:00:00
"""
revision = '3f1a'
down_revision = ('27c6a30d7c24', '4b2c')
branch_labels = None
depends_on = ['kilo', '001']


def upgrade():
    pass


def downgrade():
    pass
