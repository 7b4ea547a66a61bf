"""Values alembic computes when it runs the file"""
import os.path

x = ["001"]
revision = "Ibac91d24da2"
down_revision = os.path.basename("kilo")
branch_labels = (os.sep,)
depends_on = tuple(x)


def upgrade():
    op.execute(f"UPDATE t SET v = {revision!r}")


def downgrade():
    pass
