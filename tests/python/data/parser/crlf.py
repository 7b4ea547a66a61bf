if a:
    b = 1
else:
    c = """x
y"""
