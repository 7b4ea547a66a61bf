"Concatenated " 'docstring ' """in three parts"""
revision = ('e7f8'
            '')
down_revision = 'd5e6'
