"""CRLF file

Revision ID: c2d3
Create Date: 2019-09-09 09:09:09
"""
revision = "c2d3"
down_revision = "b0c1"


def upgrade():
    pass
