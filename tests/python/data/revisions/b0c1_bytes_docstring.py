b"""Bytes are not a docstring"""
revision = "b0c1"
down_revision = b"f9a0"
