"""Bad indentation"""
revision = "ff66"
down_revision = "ee55"

def upgrade():
        op.drop_table("a")
    op.drop_table("b")
