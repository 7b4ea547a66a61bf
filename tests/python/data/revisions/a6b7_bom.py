"""BOM file ✓"""
revision = "a6b7"
down_revision = "e4f5"
branch_labels = None
