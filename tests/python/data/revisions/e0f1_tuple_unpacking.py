"""Tuple unpacking"""
revision, down_revision = "e0f1", "c8d9"
(branch_labels, depends_on) = (None, ["a6b7"])
