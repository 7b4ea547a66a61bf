x = "bom"
if x:
    pass
