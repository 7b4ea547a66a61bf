'''One-element tuple and a chained assignment'''
revision = "4b2c"
down_revision = ("1975ea83b712",)
branch_labels = depends_on = None

def upgrade(): pass
def downgrade(): pass
