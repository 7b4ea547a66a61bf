"""Escapes:\ttab \\ backslash \u00e9 \x41 \N{EM DASH} 'quote' \"dq\"
    indented line\
 continued
Create Date: 2021-03-04 05:06:07.000001
"""
revision = 'c3d4'
down_revision = 'a1b2'
