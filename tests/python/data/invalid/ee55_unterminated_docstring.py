"""Unterminated docstring

revision = "ee55"
