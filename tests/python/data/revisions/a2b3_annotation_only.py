"""Annotation without a value first"""
revision: str
down_revision: "str | None"
revision = "a2b3"; down_revision = "e0f1"; branch_labels = None
depends_on: None = None
