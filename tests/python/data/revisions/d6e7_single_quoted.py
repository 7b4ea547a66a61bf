'''single quoted 'docstring' with "quotes" \'escaped\' and a trailing backslash \\'''
revision = 'd6e7'
down_revision = 'b4c5'
depends_on = ('a2b3', "b4c5")
