"""Syntax error after the headers

Create Date: 2020-01-01
"""
revision = 'aa11'
down_revision = 'kilo'
branch_labels = None


def upgrade(:
    pass
