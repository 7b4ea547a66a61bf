revision = "ab12"
down_revision = "ff66"

def upgrade():
    x = "unterminated
