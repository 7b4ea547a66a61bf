r"""Raw docstring keeps \d and \n as written.

Create Date: 2022-12-31
"""
revision = r'd5e6'
down_revision = 'c3d4'
branch_labels = [u'raw', R'labels']
depends_on = None
