# -*- coding: latin-1 -*-
s = "café"
# éè
t = 1
